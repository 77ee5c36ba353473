// The champion left, moved to another role, or their address bounces (perceived in a message or a
// CRM change); a promotion in place is not a change of champion.
import type { Contact } from '../../../db/queries/contacts.js';
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { t, type Timeline } from '../timeline.js';
import { ago, quote } from '../explain.js';

type Gone = 'left' | 'moved' | 'bounced' | 'role_changed';

const GONE_WORDS: Record<Gone, string> = {
  left: 'has left the company', moved: 'has moved to another role', bounced: 'has an address that bounces', role_changed: 'is no longer the champion',
};

/** The latest signal saying this person is no longer our champion, and how; a bounce only when nothing says more. */
function departure(tl: Timeline, email: string): { signal: Signal; how: Gone; text?: string } | undefined {
  let bounce: { signal: Signal; how: Gone; text?: string } | undefined;
  for (const s of [...tl.signals].reverse()) {
    if (s.kind === 'crm' && s.contactEmail === email && s.change === 'contact_left') return { signal: s, how: 'left', text: s.text };
    if (s.kind === 'crm' && s.contactEmail === email && s.change === 'contact_role' && s.from === 'champion' && s.to !== 'champion') return { signal: s, how: 'role_changed', text: s.text };
    if (s.kind === 'crm') continue;
    const ch = (s.insights?.stakeholderChanges ?? []).find((x) => x.contactEmail === email && (x.change === 'left' || x.change === 'moved' || x.change === 'bounced'));
    if (ch?.change === 'bounced') bounce ??= { signal: s, how: 'bounced', text: ch.text };
    else if (ch) return { signal: s, how: ch.change as Gone, text: ch.text };
  }
  return bounce;
}

export function championChange(tl: Timeline): FactorCheck {
  const demoted = tl.signals.flatMap((s) => (s.kind === 'crm' && s.change === 'contact_role' && s.from === 'champion' && s.contactEmail ? [s.contactEmail] : []));
  const champions = new Map<string, Contact | undefined>(tl.contacts.filter((c) => c.role === 'champion').map((c) => [c.email, c]));
  for (const e of demoted) if (!champions.has(e)) champions.set(e, tl.contacts.find((c) => c.email === e));
  const gone: Array<{ email: string; line: string; signal?: Signal }> = [];
  for (const [email, c] of champions) {
    const d = departure(tl, email);
    if (!d && (!c || c.status === 'active')) continue;
    const how: Gone = d?.how ?? (c?.status === 'left' ? 'left' : 'moved');
    const name = c?.name ?? email;
    // Marked gone in the CRM record without a signal saying so: the last exchange with them is the evidence.
    const signal = d?.signal ?? tl.people.get(email.toLowerCase())?.lastTouch;
    gone.push({ email, signal, line: `champion ${name} ${GONE_WORDS[how]}${d ? ` (${ago(tl.now - t(d.signal.occurredAt))} ago${d.text ? `: ${quote(d.text, 100)}` : ''})` : ''}` });
  }
  if (gone.length === 0) return NONE;
  const others = tl.contacts.filter((c) => c.role === 'champion' && c.status === 'active' && !gone.some((g) => g.email === c.email));
  const text = `${gone.map((g) => g.line).join('; ')}${others.length ? `; ${others.map((c) => c.name ?? c.email).join(', ')} remains champion` : '; no other champion is engaged'}`;
  return flagged({
    factor: 'champion_change',
    weight: tl.config.weights.champion_change * (others.length ? 0.5 : 1),
    explanation: text.charAt(0).toUpperCase() + text.slice(1),
    evidence: gone.flatMap((g) => (g.signal ? [g.signal.id] : [])),
    contacts: gone.map((g) => g.email),
  });
}
