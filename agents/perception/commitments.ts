// Who promised what, by when. A promise is a first-person future statement with a deliverable verb
// ("we'll send…", "I will get you…"); in a note written by us, also a named person's action item
// ("Dana will send the order form", "Sam to share the deck by Friday").
import type { Contact } from '../../db/queries/contacts.js';
import { sentences } from './sentences.js';
import { dueDateOf, type DueOptions } from './due-date.js';
import { contactByName, type Utterance } from './utterances.js';

export interface PerceivedCommitment {
  text: string;
  owner: 'us' | 'them';
  who?: string;
  dueAt: string;
  /** No date was said: `dueAt` is the default, a few business days after the promise. */
  dueDefaulted?: true;
  counterparts?: string[];
}

const VERBS = [
  'send', 'share', 'get', 'provide', 'deliver', 'follow up', 'circle back', 'come back', 'get back', 'return', 'complete',
  'finish', 'set up', 'schedule', 'review', 'prepare', 'update', 'confirm', 'loop in', 'introduce', 'draft', 'have',
  'book', 'check', 'sign', 'put together', 'write up', 'look into', 'fix', 'ship', 'connect', 'email', 'forward',
  'arrange', 'reach out', 'walk', 'run', 'escalate', 'resend', 'submit', 'organi[sz]e', 'turn around', 'finali[sz]e',
].join('|');
const WILL = "(?:'ll|\\s+will|\\s+shall|'m going to|\\s+am going to|'re going to|\\s+are going to|'m gonna|'re gonna|\\s+promise to|\\s+commit to)";
const FIRST_PERSON = new RegExp(`\\b(?:i|we)${WILL}\\s+(?:\\w+\\s+){0,2}?(?:${VERBS})\\b`, 'i');
/** Offers ("we can send…", "let me send…") count only when they name a date. */
const OFFER = new RegExp(`\\b(?:(?:i|we)\\s+can|let (?:me|us))\\s+(?:\\w+\\s+){0,1}?(?:${VERBS})\\b`, 'i');
/** In our notes: "Dana will send…", "Dana to send…" (an action item). */
const THIRD_PERSON = new RegExp(`\\b([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)\\s+(?:will|'ll|is going to|promised to|agreed to|committed to|to)\\s+(?:\\w+\\s+){0,1}?(?:${VERBS})\\b`);
const THEY = /^(they|customer|client)$/i;
const NOT_A_NAME = /^(the|then|so|also|and|but|fyi|next|finally|action|items?|we|i|you|he|she|it|this|that|who|which|remember|need|needs|want|plan|going|have|try|make|please|agreed|decided|asked)$/i;

const CONDITIONAL = /\b(if|whether|unless|could you|can you|would you|let me know|happy to|would be happy|feel free)\b/i;
const NEGATED = /\b(not|never|won't|cannot|can't)\b/i;

export interface CommitmentContext {
  /** For a message: who it went to on each side. In a call the promise is made to whoever asked just before. */
  recipients?: { us: string[]; them: string[] };
  /** Read named persons' action items (our notes). */
  actionItems?: boolean;
  contacts: Contact[];
  due?: DueOptions;
}

interface Promised { owner: 'us' | 'them'; who?: string; explicitOnly: boolean }

function promiseIn(sentence: string, u: Utterance, ctx: CommitmentContext): Promised | undefined {
  if (sentence.trim().endsWith('?') || CONDITIONAL.test(sentence)) return undefined;
  const side = u.side === 'unknown' ? undefined : u.side;
  const first = FIRST_PERSON.exec(sentence);
  if (first && side && !NEGATED.test(first[0])) return { owner: side, who: u.speaker, explicitOnly: false };
  if (ctx.actionItems) {
    const named = THIRD_PERSON.exec(sentence);
    const words = named && !NEGATED.test(named[0]) ? named[1].split(/\s+/).filter((w) => !NOT_A_NAME.test(w)) : [];
    if (words.length) {
      if (words.some((w) => THEY.test(w))) return { owner: 'them', explicitOnly: false };
      const contact = contactByName(words.join(' '), ctx.contacts) ?? words.map((w) => contactByName(w, ctx.contacts)).find(Boolean);
      return { owner: contact ? 'them' : 'us', who: contact?.name ?? words.join(' '), explicitOnly: false };
    }
  }
  const offer = OFFER.exec(sentence);
  if (offer && side && !NEGATED.test(offer[0])) return { owner: side, who: u.speaker, explicitOnly: true };
  return undefined;
}

function counterpartsOf(parts: Utterance[], i: number, owner: 'us' | 'them', ctx: CommitmentContext): string[] {
  if (ctx.recipients) return owner === 'us' ? ctx.recipients.them : ctx.recipients.us;
  const asker = parts.slice(0, i).reverse().find((p) => p.side !== owner && p.side !== 'unknown' && p.email);
  return asker?.email ? [asker.email] : [];
}

export function findCommitments(parts: Utterance[], occurredAt: string, ctx: CommitmentContext): PerceivedCommitment[] {
  const said = new Date(occurredAt);
  const out: PerceivedCommitment[] = [];
  for (const [i, u] of parts.entries()) {
    for (const text of sentences(u.text)) {
      const p = promiseIn(text, u, ctx);
      if (!p) continue;
      const { dueAt, explicit } = dueDateOf(text, said, ctx.due);
      if (p.explicitOnly && !explicit) continue;
      const counterparts = counterpartsOf(parts, i, p.owner, ctx);
      out.push({
        text, owner: p.owner, ...(p.who ? { who: p.who } : {}), dueAt: dueAt.toISOString(),
        ...(explicit ? {} : { dueDefaulted: true as const }), ...(counterparts.length ? { counterparts } : {}),
      });
    }
  }
  return out;
}
