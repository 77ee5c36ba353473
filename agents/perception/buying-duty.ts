// What looks like a buying step but describes something else: a standing duty ("Mia now signs off on
// tooling spend", "send invoices to me directly until we hire"), a skill ("he's better with the
// numbers"), a wish taken back ("I'd love to promise you the signature by Friday, but…"), and a
// purchase whose purpose is to replace us (churn, not buying). Each reads the construction around a
// hit: the verb's tense and adverb, the object's determiner, the clause after it.
import type { Hit } from './frames.js';
import type { Sent, Tok } from './nlp.js';

/** Adverbs that make a simple present a habit or a new duty: "now signs off", "usually approves". */
const HABIT = new Set(['now', 'usually', 'normally', 'always', 'typically', 'generally', 'also', 'still']);

/** The verbs of an approver's standing job: "signs off", "approves", "sits with". */
const DUTY_VERBS = new Set(['approve', 'sign', 'authorise', 'authorize', 'okay', 'sanction', 'clear', 'review', 'handle', 'own', 'sit', 'release', 'rest', 'lie']);

/** A simple present in the third person ("signs", "approves", "sits"), not a past or a participle. */
const thirdPresent = (t: Tok) => t.pos === 'VERB' && t.lower !== t.lemma && t.lower.endsWith('s') && !t.lower.endsWith('ss');

/** A time after the verb is no object: "Raj signs tomorrow" is a step. */
const WHEN = new Set(['tomorrow', 'today', 'tonight', 'next', 'this', 'soon', 'later', 'shortly', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday']);

/** The object after the verb at v (past its particles), when it has no determiner, possessive or number. */
function bareObject(s: Sent, v: number): Tok | undefined {
  let k = v + 1;
  while (k < s.toks.length && ['off', 'on', 'for', 'over', 'up'].includes(s.toks[k].lower)) k += 1;
  const t = s.toks[k];
  if (!t || !['NOUN', 'ADJ', 'VERB'].includes(t.pos) || ['DET', 'NUM', 'PRON'].includes(s.toks[k - 1]?.pos ?? '') || WHEN.has(t.lower)) return undefined;
  return t;
}

/**
 * A duty, not a step: the hit's verb in the simple present, after a habit adverb ("now signs off on the
 * renewals") or on a bare class of things ("signs off on tooling spend", "approves purchases").
 */
export function duty(s: Sent, h: Hit): boolean {
  const verb = s.toks.slice(h.start, h.end + 1).find((t) => t.pos === 'VERB');
  if (!verb) return false;
  return DUTY_VERBS.has(verb.lemma) && thirdPresent(verb) && (HABIT.has(s.toks[verb.i - 1]?.lower ?? '') || bareObject(s, verb.i) !== undefined);
}

/** "He's better with the numbers": a comparative is a skill, not assent to our terms. */
export const skill = (s: Sent, h: Hit) => ['better', 'best'].includes(s.toks[h.start].lower);

/**
 * "I'd love to promise you the signature by Friday, but…": the step is what they wish they could say, then
 * taken back; "I'd love to sign this week, but legal needs a day" stays a step (the wish is to sign).
 */
export function wishTakenBack(s: Sent, h: Hit): boolean {
  const before = s.toks.slice(0, h.start);
  const wish = before.some((t, k) => (t.lemma === 'love' || t.lemma === 'like') && ["'d", 'would'].includes(before[k - 1]?.lower ?? '')) || before.some((t) => t.lemma === 'wish');
  const saying = before.some((t) => ['promise', 'say', 'tell', 'claim', 'guarantee', 'confirm'].includes(t.lemma));
  return wish && saying && s.toks.slice(h.end + 1).some((t) => ['but', 'however', 'though'].includes(t.lower));
}

/** A case or purchase made to replace us, move off us, leave us: churn in buying's words. */
export const AGAINST_US = / (?:replace|switch (?:away )?from|move (?:away )?from|move off|migrate (?:away )?from|migrate off|get rid of|ditch|phase out) (?:us|you|your (?:\S+ )?(?:platform|tool|product|system|software|solution)) /;

/** Readiness that means ready to start using, said of a third party: "they're ready to go, 18 users". */
export function othersReady(s: Sent, h: Hit): boolean {
  if (!/^ (?:ready|prepared) (?:\S+ )?to (?:go|roll|start|kick off|get start|get go)(?: |$)/.test(h.m[0])) return false;
  // The subject: a third person, or a group named as a noun ("the Porto crew are ready to go"), not "we".
  const subject = s.toks.slice(0, h.start).reverse().find((t) => t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'NOUN');
  if (subject === undefined) return false;
  if (['they', 'he', 'she'].includes(subject.lower)) return true;
  // A group as a noun only when accounts or users are what it waits for ("the crew are ready to go whenever the accounts exist").
  return subject.pos === 'NOUN' && !APPROVERS.has(subject.lemma) && s.toks.some((t) => ['account', 'user', 'login', 'seat', 'access', 'licence', 'license'].includes(t.lemma));
}
/** Who approves a purchase: "finance is ready to go" is their readiness, not a group's to start using it. */
const APPROVERS = new Set(['finance', 'procurement', 'legal', 'board', 'committee', 'cfo', 'ceo', 'coo', 'leadership', 'management', 'purchasing', 'exec']);

/** Asking whether a purchase would be needed ("is that something we'd need to buy licences for?"): a licensing question. */
export function needAsked(s: Sent, h: Hit): boolean {
  if (!s.toks.some((t) => t.text === '?')) return false;
  const need = s.toks.slice(h.start, h.end + 1).find((t) => t.lemma === 'need');
  if (!s.toks.slice(h.start, h.end + 1).some((t) => ['buy', 'purchase', 'license', 'licence'].includes(t.lemma))) return false;
  return need !== undefined && s.toks.slice(Math.max(0, need.i - 3), need.i).some((t) => ["'d", 'would', 'do', 'does', 'will', 'should'].includes(t.lower));
}
