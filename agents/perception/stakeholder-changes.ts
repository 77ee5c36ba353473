// People changes: a contact left, moved, changed role, bounced, or someone new joined.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { sentences } from '../evidence.js';
import type { Utterance } from './text.js';

export interface PerceivedChange { contactEmail?: string; name?: string; change: 'left' | 'moved' | 'role_changed' | 'bounced' | 'joined'; text: string }

const PATTERNS: Array<[PerceivedChange['change'], RegExp]> = [
  ['left', /\b(no longer (with|at|works? (at|for))|ha(s|ve) left (the company|[A-Z]\w+)|left the company|(my|his|her|their) last day|is leaving (the company|us)|has departed|resigned|parted ways)\b/i],
  ['moved', /\b(moved (over )?to (another|a different|the \w+) (division|team|role|department|group|business unit)|(transition(ed|ing)|moving) (in)?to a new role|(i'm|i am|i've|she's|he's|they're) now (leading|running|heading|in)|(has|have) (been )?(moved|promoted|reassigned)|no longer (running|responsible for|leading|own(ing)?))\b/i],
  ['joined', /\b((i'm|i am) the new|(has|have) joined as|will be taking over|is taking over|please (loop|bring) in|new (head|vp|director|manager|point of contact) (of|for)?)\b/i],
];

function mentioned(sentence: string, contacts: Contact[]): Contact | undefined {
  const s = sentence.toLowerCase();
  return contacts.find((c) => s.includes(c.email) || (c.name && c.name.split(/\s+/).some((n) => n.length >= 3 && new RegExp(`\\b${n.toLowerCase()}\\b`).test(s))));
}

const FIRST_PERSON = /^\s*(?:\w+\s*[,:-]\s*)?(?:quick heads-up:\s*)?\b(i|i'm|i've|i am|i have|my)\b/i;

export function findStakeholderChanges(signal: Signal, parts: Utterance[], contacts: Contact[]): PerceivedChange[] {
  const out: PerceivedChange[] = [];
  if (signal.kind === 'crm' && (signal.change === 'contact_left' || signal.change === 'contact_role')) {
    const c = contacts.find((x) => x.email === signal.contactEmail);
    out.push({ contactEmail: signal.contactEmail, name: c?.name ?? undefined, change: signal.change === 'contact_left' ? 'left' : 'role_changed', text: signal.text ?? `${signal.change}: ${signal.from ?? ''} → ${signal.to ?? ''}` });
  }
  if (signal.kind === 'email' && signal.auto === 'bounce') {
    const c = mentioned(signal.text, contacts);
    if (c) out.push({ contactEmail: c.email, name: c.name ?? undefined, change: 'bounced', text: sentences(signal.text)[0] ?? signal.subject });
    return out;
  }
  for (const u of parts) {
    for (const s of sentences(u.text)) {
      for (const [change, re] of PATTERNS) {
        if (!re.test(s)) continue;
        // "I've moved…" is about the speaker; otherwise about whoever the sentence names.
        const self = FIRST_PERSON.test(s) || /\b(i|i'm|i've)\b/i.test(s.split(re)[0] ?? '');
        const who = self && u.email ? contacts.find((c) => c.email === u.email) ?? { email: u.email, name: u.speaker ?? null } : mentioned(s, contacts);
        if (!who && change !== 'joined') continue;
        out.push({ contactEmail: who?.email, name: who?.name ?? undefined, change, text: s });
        break;
      }
    }
  }
  return out;
}
