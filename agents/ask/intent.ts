// What a plain-language question asks, and whom it names. Pure and deterministic.
import type { Contact } from '../../db/queries/contacts.js';

export const INTENTS = [
  'next_steps', 'summary', 'recent_changes', 'successor',
  'why_at_risk', 'stakeholders', 'champion', 'last_contact', 'commitments', 'renewal', 'usage', 'competitors', 'what_said', 'search',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ParsedQuestion {
  intent: Intent;
  /** Contacts the question names ("Marta", "the CFO", "procurement"). */
  people: Contact[];
  /** What the question is about, with the names and question words removed (for memory search). */
  topic: string;
}

const ROLE_WORDS: Record<string, string[]> = {
  procurement: ['procurement', 'purchasing', 'sourcing'],
  security: ['security', 'infosec', 'ciso', 'it security'],
  legal: ['legal', 'counsel', 'lawyer'],
  economic_buyer: ['economic buyer', 'budget holder'],
  champion: ['champion'],
  executive_sponsor: ['executive sponsor', 'exec sponsor'],
  technical_evaluator: ['technical evaluator', 'engineering lead'],
  decision_maker: ['decision maker'],
};

const TITLE_WORDS = ['ceo', 'cfo', 'cto', 'cio', 'coo', 'ciso', 'cro', 'vp', 'head of', 'director'];

function norm(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'");
}

/** Resolves names, titles and roles in the question against the account's contacts. */
export function resolvePeople(question: string, contacts: Contact[]): Contact[] {
  const q = norm(question);
  const found = new Map<string, Contact>();
  for (const c of contacts) {
    const names = (c.name ?? '').split(/\s+/).filter((n) => n.length >= 3).map(norm);
    if (names.some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(q)) || q.includes(c.email.toLowerCase())) found.set(c.email, c);
  }
  for (const [role, words] of Object.entries(ROLE_WORDS)) {
    if (role === 'champion') continue; // "who is our champion" asks, it does not name
    if (words.some((w) => q.includes(w))) {
      for (const c of contacts) {
        const title = norm(c.title ?? '');
        if (c.role === role || words.some((w) => title.includes(w))) found.set(c.email, c);
      }
    }
  }
  for (const t of TITLE_WORDS) {
    if (new RegExp(`\\b(the )?${t}\\b`).test(q)) {
      for (const c of contacts) if (new RegExp(`\\b${t}\\b`).test(norm(c.title ?? ''))) found.set(c.email, c);
    }
  }
  return [...found.values()];
}

const PATTERNS: Array<[Intent, RegExp]> = [
  ['next_steps', /\b(what should (i|we) (do|focus on|work on|prioriti[sz]e)|what (do|can) (i|we) do|what('s| is) (the )?next( (step|move|action))?|next (best )?(steps?|actions?|moves?)|to-?do|what to do|where should (i|we) (start|focus)|what needs (doing|to be done|my attention)|open recommendations?|recommended actions?|what do you recommend)\b/],
  ['successor', /\b(who('s| is| will be)? (tak(ing|es)|tak(e|en)) over|who (is )?replac(es|ing)|who replaced|successor|who('s| is) (covering|stepping in|picking up)|who (now )?(owns|handles|runs) (the )?(relationship|account)|in (place|charge) of .* now|instead of)\b/],
  ['recent_changes', /\b(what('s| has| have)? (changed|happened|been happening)|what('s| is) new|anything new|any (news|changes|developments)|recent(ly)? (changes?|activity|developments|news|happen)|what changed|latest (news|developments|changes)|since (last|we last)|catch me up on (the )?(last|past|recent))\b|\b(changed|happened) (recently|lately|this week|in the (last|past))\b/],
  ['summary', /\b(summar(y|ise|ize)|overview|brief me|catch me up|where (do|are) (we|things) stand|state of (the|this|our) (account|deal)|status of (the|this|our) (account|deal)|account (status|snapshot|overview)|tl;?dr|rundown|snapshot|give me the (picture|lay of the land))\b/],
  ['why_at_risk', /\b(why|what).*\b(risk|risky|at risk|worried|concern|red flag|health|score)\b|\brisk(s)?\b.*\?|\bhow (is|are) .* doing\b/],
  ['commitments', /\b(promise[ds]?|commit(ted|ments?)?|owe|owed|follow[- ]?ups? (we|did)|what did we say we)\b/],
  ['renewal', /\brenew(al|s|ing)?\b|\bcontract (end|expir)/],
  ['usage', /\b(usage|adoption|active users|logins?|seats? used|using the product|trend)\b/],
  ['competitors', /\b(competitors?|competition|competitive|alternatives?|evaluating other|vs\.?|versus)\b/],
  ['champion', /\b(champion|who.*(ally|advocate|sponsor))\b/],
  ['stakeholders', /\b(stakeholders?|who (is|are) (involved|the buying|our contacts)|buying (group|committee)|contacts?|who.*silent|who have we|who.*(talk|spoke)ing? to)\b/],
  ['last_contact', /\b(last (contact|touch|heard|spoke|talked|email|meeting|call)|when did we last|when was the last|latest (contact|touch))\b/],
  ['what_said', /\b(what did|what has|what have|what was|did .* (say|mention|ask)|said|say about|mention(ed)?|feedback|concerns? (from|of))\b/],
];

export function classifyQuestion(question: string, contacts: Contact[]): ParsedQuestion {
  const q = norm(question);
  const people = resolvePeople(question, contacts);
  let intent: Intent = 'search';
  for (const [name, re] of PATTERNS) {
    if (re.test(q)) { intent = name; break; }
  }
  // "What did procurement say last?" is about what someone said, even though it names a role.
  if ((intent === 'last_contact' || intent === 'stakeholders') && people.length > 0 && /\b(say|said|ask|asked|mention|write|wrote)\b/.test(q)) intent = 'what_said';
  if (intent === 'search' && people.length > 0) intent = 'what_said';
  // "What did Li say about the renewal?" is about what Li said, though it names a topic with an intent of its own.
  if (people.length > 0 && ['renewal', 'usage', 'competitors', 'commitments', 'why_at_risk'].includes(intent) && /\bwhat (did|has|have|was)\b.*\b(say|said|mention|mentioned|write|wrote|tell|told)\b/.test(q)) intent = 'what_said';
  const topic = q
    .replace(/\b(what|who|when|why|how|did|does|do|is|are|was|were|the|a|an|our|we|us|about|say|said|last|tell|me|of|on|to|in|with|has|have|any|anything)\b/g, ' ')
    .replace(/[?.,!]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { intent, people, topic };
}
