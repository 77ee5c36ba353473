// A forwarded message inside an email: what it asked was asked of whoever it was first sent to.
// The forwarder passes its asks on to us ("Fwd from Raj below" over "> Can we drop the printed
// invoices?"), unless they forward it for information only ("Forwarding for visibility", "FYI") or
// the forwarded message was addressed to someone on their side ("To: Greta Holm", "Greta, go ahead
// and commit…"): then it was their own people being asked. The forwarder's own words always count.
import type { Contact } from '../../db/queries/contacts.js';

/** The line that opens a forwarded message. */
const MARKER = /^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-{2,}|begin forwarded message:?)[ \t]*$/im;
/** Header lines of a forwarded message. */
const HEADER = /^[ \t]*(from|to|cc|sent|date|subject)[ \t]*:[ \t]*(.*)$/i;
/** The forwarder saying it is for information only. */
const FYI = /\b(?:for (?:your )?(?:visibility|awareness|information|info|reference|context|the record|records)|fyi|just so you(?:'re| are) aware|no action (?:needed|required)|nothing (?:needed|required) from you)\b/i;
/** The forwarder announcing what follows ("Fwd from Raj below", "see below"). */
const ANNOUNCE = /\b(?:fwd|fw|forward(?:ing|ed)?|see below|below)\b/i;

export interface ForwardedParts { own: string; forwarded: string[] }

/** The unquoted lines after the last ">" line of an email ("> …" then "Can you make sure…"), or ''. */
function ownAfterQuote(raw: string): string {
  const lines = raw.split('\n');
  let last = -1;
  lines.forEach((l, i) => { if (/^\s*>/.test(l)) last = i; });
  if (last < 0) return '';
  const tail = lines.slice(last + 1).join('\n').trim();
  return /wrote:\s*$/m.test(tail) ? '' : tail;
}

const firstName = (n: string) => n.trim().split(/[\s.@,<]+/)[0]?.toLowerCase() ?? '';

/** Whether a forwarded message was addressed to the customer's own people: a To: line or an opening vocative naming a contact. */
function toTheirSide(header: Map<string, string>, body: string, contacts: Contact[]): boolean {
  const theirs = new Set(contacts.map((c) => firstName(c.name ?? c.email)).filter(Boolean));
  const to = header.get('to');
  if (to && to.split(/[;,]/).some((p) => theirs.has(firstName(p)) || contacts.some((c) => p.toLowerCase().includes(c.email.toLowerCase())))) return true;
  const vocative = /^\s*(?:hi |hey |dear )?(\p{Lu}\p{Ll}+)\s*,/u.exec(body)?.[1]?.toLowerCase();
  return !!vocative && theirs.has(vocative);
}

/**
 * The texts of an email whose asks are put to us: the forwarder's own words, and a forwarded
 * message passed on to us. `fresh` is the email with quoted history stripped; `raw` the whole text,
 * where a forward announced in the fresh part may sit in ">" lines.
 */
export function forwardedParts(fresh: string, raw: string, contacts: Contact[]): ForwardedParts {
  const m = MARKER.exec(fresh);
  if (m) {
    // The forwarder's words under a ">"-quoted forward are theirs, not the forwarded message's.
    const tail = ownAfterQuote(raw);
    const rest = fresh.slice(m.index + m[0].length);
    const cut = tail ? rest.lastIndexOf(tail) : -1;
    const own = fresh.slice(0, m.index) + (cut >= 0 ? `\n${tail}` : '');
    const lines = (cut >= 0 ? rest.slice(0, cut) : rest).replace(/^\s*\n/, '').split('\n');
    const header = new Map<string, string>();
    let k = 0;
    for (; k < lines.length; k += 1) {
      const h = HEADER.exec(lines[k]);
      if (!h) { if (lines[k].trim() === '' && header.size > 0) continue; break; }
      header.set(h[1].toLowerCase(), h[2]);
    }
    const body = lines.slice(k).join('\n').trim();
    const passed = !FYI.test(own) && !toTheirSide(header, body, contacts);
    return { own, forwarded: passed && body ? [body] : [] };
  }
  // "Fwd from Raj below." over "> Can we drop the printed invoices?": the quoted lines are the forwarded message.
  if (ANNOUNCE.test(fresh) && !FYI.test(fresh) && !/wrote:\s*$/m.test(raw)) {
    const quoted = raw.split('\n').filter((l) => /^\s*>/.test(l)).map((l) => l.replace(/^\s*>+\s?/, '')).join('\n').trim();
    if (quoted && !toTheirSide(new Map(), quoted, contacts)) return { own: fresh, forwarded: [quoted] };
  }
  return { own: fresh, forwarded: [] };
}
