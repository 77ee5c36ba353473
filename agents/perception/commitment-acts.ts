// What counts as a deed promised. The frame keeps a list of acts of handing over (send, share, fix…),
// but people promise with any verb that does something to a thing for the other side: "I'll fish out
// the contract and scan it over", "we'll rotate the signing secret", "drop them in your shared drive",
// "they'll rebuild the forecast". The class is read from the clause, not from the verb: a verb whose
// object is a thing (not a person), or a pronoun sent on its way ("scan it over", "drop them in your
// folder"). Verbs that do nothing for anyone are left out whatever their object: states and wishes
// (need, want, like, know), one's own use of something (use, attend, join, visit, enjoy), and the
// account's own buying (buy, renew, pay, purchase) which is a purchase, not a deliverable.
import type { Sent } from './nlp.js';
import { nounPhrase } from './frames.js';

/** States, wishes and thoughts: no deed, whatever follows them. */
const STATE = new Set([
  'be', 'have', 'get', 'become', 'seem', 'remain', 'stay', 'keep', 'continue', 'need', 'want', 'like', 'love', 'hate', 'prefer', 'wish', 'hope', 'miss', 'know', 'think',
  'believe', 'feel', 'understand', 'remember', 'forget', 'mind', 'care', 'wonder', 'guess', 'suppose', 'expect', 'wait', 'enjoy', 'appreciate', 'lack',
  'consider', 'discuss', 'mull', 'ponder', 'weigh', 'reconsider', 'evaluate', 'decide', 'choose', 'vote', 'sleep', 'chat', 'talk', 'celebrate', 'mean', 'cost',
]);
/** Acts for one's own side (use, attend, buy, renew, cancel…): a deed for the other side only when the thing is sent toward them
 * ("drop them in your shared drive", "move the data over"). */
const OWN_USE = new Set([
  'use', 'attend', 'join', 'visit', 'leave', 'lose', 'win', 'buy', 'purchase', 'renew', 'pay', 'spend', 'hire', 'grow', 'expand', 'move', 'travel', 'go', 'come',
  'meet', 'hear', 'see', 'watch', 'read', 'learn', 'try', 'start', 'stop', 'begin', 'let', 'do', 'say', 'tell', 'take', 'make', 'hold', 'own', 'pick', 'lead',
  'manage', 'cover', 'handle', 'inherit', 'skip', 'cancel', 'drop', 'pause', 'postpone', 'delay', 'face', 'suffer', 'throw', 'pop', 'stick', 'toss',
  // Arranging one's own work ("I will plan the timeline around their sign-off"): preparation, not a deed for the other side.
  'plan', 'coordinate', 'align', 'prioritize', 'prioritise', 'organize', 'organise',
]);
/** Our own people as the object ("line up our onboarding team", "brief my engineers"): an arrangement inside our side. */
const PEOPLE = /^(?:team|teams|people|folks|staff|crew|squad|engineers|colleagues|specialists|consultants|experts|group)$/;
/** Particles and directions after the object that send a thing toward the other side. */
const PARTICLE = new Set(['out', 'over', 'up', 'back', 'across', 'down', 'off', 'together', 'through', 'along']);
const TOWARD = /^(?:over|across|back|along|in|into|to|on|onto)$/;
const YOURS = new Set(['you', 'your', 'yours']);
const TIME = /^(?:day|days|week|weeks|month|months|quarter|quarters|year|years|morning|afternoon|evening|tonight|today|tomorrow|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** The phrase's head before any preposition is a group of people ("our onboarding team for the second wave"). */
function ownPeople(s: Sent, start: number, end: number): boolean {
  let k = start;
  while (k < end && s.toks[k + 1].pos !== 'ADP') k += 1;
  return PEOPLE.test(s.toks[k].lower);
}

/** "re-" acts are their base act: "rebuild", "re-run", "resubmit". */
export const baseAct = (lemma: string): string => lemma.replace(/^re-?(?=[a-z]{3,})/, '');

/**
 * An act outside the known list that still does something for the other side: a verb at k with a thing as its object,
 * or with a pronoun sent toward them ("scan it over", "drop them in your shared drive"). `directedOnly`: the account's own acts
 * on its things ("we'll trial the module", "we'll replace the old tool") are its own affairs unless the thing is sent our way.
 */
export function openAct(s: Sent, k: number, directedOnly = false): boolean {
  const t = s.toks;
  const x = t[k];
  // (The tagger takes some bare verbs for nouns; a noun is not followed by an object pronoun: "pop it in your folder".)
  // (Likewise a noun or adjective right after the modal before its object: "we will whitelist your IPs", "we'll clean up the records".)
  const det = (w: string | undefined) => ['the', 'your', 'our', 'a', 'an', 'this', 'that', 'those', 'these'].includes(w ?? '');
  const afterModal = ['will', 'shall'].includes(t[k - 1]?.lemma ?? '') && (det(t[k + 1]?.lower) || (PARTICLE.has(t[k + 1]?.lower ?? '') && det(t[k + 2]?.lower)));
  const verb = x?.pos === 'VERB' || (x?.pos === 'NOUN' && ['it', 'them'].includes(t[k + 1]?.lower ?? '')) || ((x?.pos === 'NOUN' || x?.pos === 'ADJ') && afterModal);
  // A bare form: the lemma itself, or a spelling of it ("prioritise" for "prioritize").
  const bare = x && (x.lower === x.lemma || !/(?:ed|ing|s)$/.test(x.lower));
  if (!x || !verb || !bare || STATE.has(x.lemma) || STATE.has(baseAct(x.lemma))) return false;
  let at = k + 1;
  while (at < t.length && PARTICLE.has(t[at].lower)) at += 1;
  // ("Fill in your questionnaire": "in" before the other side's thing is a particle too.)
  if (t[at]?.lower === 'in' && t[at + 1]?.lower === 'your') at += 1;
  const np = nounPhrase(s, at);
  if (!np) return false;
  const next = t[np.end + 1]?.lower ?? '';
  const directed = ['over', 'across', 'back', 'along'].includes(next) || (TOWARD.test(next) && YOURS.has(t[np.end + 2]?.lower ?? ''));
  if (directedOnly || np.pronoun || OWN_USE.has(x.lemma) || OWN_USE.has(baseAct(x.lemma))) return directed;
  // "Double next quarter", "wrap up this week": a time is no object.
  if (TIME.test(t[np.end].lower) || (['next', 'last', 'every', 'each'].includes(t[np.start].lower) && np.start === np.end - 1)) return false;
  // A person is no deed's object ("we'll brief Raj"): the list's own verbs cover those that are.
  const head = t[np.end];
  if (['our', 'my'].includes(t[np.start].lower) && ownPeople(s, np.start, np.end)) return false;
  return head.pos !== 'PROPN' || !head.cap || np.start !== np.end;
}

/** Acts of thinking a thing over: an action item of these delivers nothing ("Raj to mull it over"). */
const DELIBERATE = new Set(['mull', 'ponder', 'consider', 'think', 'weigh', 'reflect', 'digest', 'sleep', 'reconsider', 'discuss', 'chew', 'contemplate']);
export const deliberation = (lemma: string): boolean => DELIBERATE.has(lemma);
