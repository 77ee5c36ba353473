// Every promise perceived on the account, with whether it is open, overdue or done. Pure.
import type { Signal } from './signals/schema.js';
import { keywords } from './evidence.js';
import { stripQuotedReply } from './memory/strip-quotes.js';
import { isRecordedTouch } from './stakeholders.js';

export interface CommitmentView {
  text: string;
  owner: 'us' | 'them';
  who?: string;
  /** What was promised, as perception read it ("the roadmap deck"). */
  deliverable?: string;
  dueAt?: string;
  signalId: string;
  madeAt: string;
  status: 'open' | 'overdue' | 'done';
  fulfilledBy?: string;
}

function sideOf(s: Signal): 'us' | 'them' | null {
  if (s.kind === 'email') return s.direction === 'outbound' ? 'us' : 'them';
  // "Already done" on one of our recommendations: we did it outside the product.
  if (isRecordedTouch(s)) return 'us';
  if (s.kind === 'chat' || s.kind === 'engagement') return 'them';
  // A ticket marked solved is support's act: our side saying the issue is dealt with.
  if (s.kind === 'ticket' && (s.status === 'solved' || s.status === 'closed')) return 'us';
  return null;
}

const GENERIC = new Set(['send', 'will', "we'll", 'get', 'back', 'by', 'friday', 'monday', 'next', 'week']);

/** Keyword sets per signal, computed once per call: a large account has thousands of signals. */
function keywordCache() {
  const cache = new Map<string, Set<string>>();
  return (s: Signal) => {
    let k = cache.get(s.id);
    if (!k) {
      const text = s.kind === 'email' ? `${s.subject} ${s.text} ${(s.attachments ?? []).map((a) => a.name).join(' ')}` : 'text' in s ? String(s.text ?? '') : '';
      k = new Set(keywords(text));
      cache.set(s.id, k);
    }
    return k;
  };
}

const DELIVERY = /\b(attached|attaching|here (is|are)|as promised|please find|enclosed|sending (you|over)|i've sent|we've sent)\b/i;
const GRACE_MS = 2 * 86_400_000;

/**
 * A later message from the promising side fulfils the promise when it talks about the same thing,
 * or when it delivers something ("attached are our answers…") to the person the promise was made
 * to, by the due date or shortly after — people rarely repeat their own words when they deliver.
 */
function fulfilment(c: { text: string; owner: 'us' | 'them'; madeAt: string; dueAt?: string; counterparts?: string[] }, later: Signal[], asOf: string, kw: (s: Signal) => Set<string>): Signal | undefined {
  const want = [...new Set(keywords(c.text).filter((w) => !GENERIC.has(w)))];
  const need = Math.min(2, want.length);
  const deadline = c.dueAt ? Date.parse(c.dueAt) + GRACE_MS : Number.POSITIVE_INFINITY;
  return later.find((s) => {
    if (s.occurredAt <= c.madeAt || s.occurredAt > asOf || sideOf(s) !== c.owner) return false;
    if (s.kind === 'email' && c.counterparts?.length && Date.parse(s.occurredAt) <= deadline
      && s.to.some((p) => c.counterparts!.includes(p.email)) && DELIVERY.test(s.text)) return true;
    if (want.length === 0) return false;
    const have = kw(s);
    let overlap = 0;
    for (const w of want) if (have.has(w) && (overlap += 1) >= need) return true;
    return false;
  });
}

export function commitmentsOf(signals: Signal[], asOf: string): CommitmentView[] {
  const out: CommitmentView[] = [];
  const kw = keywordCache();
  const sorted = [...signals].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  for (const [i, s] of sorted.entries()) {
    if (s.occurredAt > asOf) continue;
    for (const c of s.insights?.commitments ?? []) {
      const done = fulfilment({ ...c, madeAt: s.occurredAt }, sorted.slice(i + 1), asOf, kw);
      const status = done ? 'done' : c.dueAt && c.dueAt <= asOf ? 'overdue' : 'open';
      out.push({ text: c.text, owner: c.owner, who: c.who, ...(c.deliverable ? { deliverable: c.deliverable } : {}), dueAt: c.dueAt, signalId: s.id, madeAt: s.occurredAt, status, ...(done ? { fulfilledBy: done.id } : {}) });
    }
  }
  return out;
}

/**
 * Words that do not say what a promise is about: the act of sending, when, to whom, and nouns any
 * message has ("the team", "an update"). What is left names the thing ("roadmap", "deck", "SOC").
 */
const NOT_A_TOPIC = new Set([
  ...GENERIC, "i'll", "i'm", "i've", "you'll", "they'll", "let", "me", 'them', 'they', 'their', 'him', 'her', 'his',
  'share', 'give', 'provide', 'forward', 'over', 'follow', 'come', 'put', 'together', 'pull', 'make', 'sure', 'check', 'confirm',
  'can', 'could', 'would', 'should', 'shall', 'may', 'might', 'must', 'need', 'want', 'like', 'see', 'look', 'keen', 'love',
  'any', 'some', 'all', 'more', 'just', 'still', 'also', 'yet', 'then', 'before', 'after', 'once', 'soon', 'shortly', 'later',
  'today', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'end', 'eod', 'eow', 'asap', 'weeks', 'month', 'months', 'days',
  'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'team', 'call', 'meeting', 'update', 'updates', 'news', 'info', 'information',
  'details', 'thing', 'things', 'stuff', 'note', 'email', 'mail', 'question', 'questions', 'answer', 'answers', 'hi', 'hello',
  'thanks', 'thank', 'please', 'new', 'updated', 'latest', 'final', 'first', 'quick', 'short', 'one', 'these', 'those', 'there',
  'here', 'where', 'when', 'how', 'which', 'had', 'been', 'not', 'yes', 'now', 'again', 'copy', 'version',
]);

/** A crude singular, so "roadmaps" meets "roadmap" and "policies" meets "policy". */
const singular = (w: string) => (w.endsWith('ies') && w.length > 4 ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') && w.length > 3 ? w.slice(0, -1) : w);

const PRONOUN_ONLY = /^(it|this|that|them|these|those|one)$/i;

/** The words that say what a promise is about: its deliverable when perception named one, else its own words. */
export function promiseTopic(c: { text: string; deliverable?: string }): string[] {
  const words = (text: string) => [...new Set(keywords(text).filter((w) => !NOT_A_TOPIC.has(w)).map(singular))];
  const named = c.deliverable && !PRONOUN_ONLY.test(c.deliverable.trim()) ? words(c.deliverable) : [];
  return named.length ? named : words(c.text);
}

/** Asking after something in other words than a question: "still waiting on", "haven't seen", "any news". */
const CHASING = /\b(still|yet|any (news|update|word)|waiting (for|on)|have(n't| not) (seen|received|had|got)|not (seen|received|had|got)|chas(e|ing)|remind(er)?|follow(ing)?[ -]up (on|about)|where (are we|is it|do we stand)|status of)\b/i;

/** The text a message of theirs says itself: an email's subject and its new part, not the quoted thread below. */
function ownWords(s: Signal): string {
  if (s.kind === 'email') return `${s.subject}\n${stripQuotedReply(s.text)}`;
  if (s.kind === 'chat') return s.text;
  if (s.kind === 'engagement') return s.text ?? '';
  return '';
}

/**
 * Whether a message asks after a promise made to its sender's side: it asks something (a question or
 * request perception read, or chasing words) and names what was promised. A customer's chaser of a
 * promise is the promise's evidence and urgency, not a second, separate question.
 */
export function chasesPromise(c: { text: string; deliverable?: string }, s: Signal): boolean {
  const text = ownWords(s);
  if (!text.trim()) return false;
  const asks = Boolean(s.insights?.question) || Boolean(s.insights?.requests?.length) || CHASING.test(text);
  if (!asks) return false;
  const topic = new Set(promiseTopic(c));
  return keywords(text).some((w) => topic.has(singular(w)));
}
