// Asks put in phrasings the frames in question.ts and request-forms.ts do not cover:
// - reliance on our act: "we're counting on you to have the connector fixed", "relying on your team to…";
// - the question named as the reader's: "the question for you is whether the discount carries over";
// - their step waiting on a state of ours in the passive: "happy to sign once the wording is fixed on your end";
// - something of ours not seen yet: "I'm not seeing the credit note on our account yet" (not "any errors yet");
// - what we should do, said to us: "you guys should really add a bulk edit" (not "you should receive the PO");
// - their step waiting on a thing from us ("once we have it from you, it's ten minutes"), where a thing of ours
//   goes from now on, what a document of ours must say, a term that "would make this easier to approve", and a
//   trouble that outlasts a fix ("still cant export the forecast").
import type { Sent, Tok } from './nlp.js';

const lowers = (t: Tok[]) => ` ${t.map((x) => x.lower).join(' ')} `;

function relianceOnUs(line: string): boolean {
  return / (?:count|counting|rely|relying|depend|depending|bank|banking) (?:on|upon) (?:you|u|your (?:\S+ )?(?:team|side|end|people|engineers|guys)) to /.test(line);
}

function questionForYou(line: string): boolean {
  return / (?:the|my|our|one) (?:\S+ )?(?:question|ask|request) (?:for|to) (?:you|u|your (?:\S+ )?team) (?:is|would be|'s|then is) /.test(line);
}

/** A participle after "is/are/has been" in a once-clause whose doer is us: "once the wording is fixed on your end". */
function onceDoneByUs(line: string): boolean {
  const m = / (?:once|when|as soon as|after) (?:the|your|this|that|it|those|these) (?:\S+ ){0,4}?(?:is|are|'s|has been|have been|gets|get) (\S+) (?:\S+ ){0,2}?(?:on your (?:end|side)|by (?:you|your))\b/.exec(line);
  return !!m && /(?:ed|en|ne|wn|t)$/.test(m[1]) && / (?:happy|ready|glad|keen) to | (?:i|we) (?:will|'ll|can|shall) (?!not )/.test(line.slice(0, m.index));
}

/** Troubles and their own things are no thing of ours awaited. */
const NOT_OURS = new Set(['error', 'errors', 'issue', 'issues', 'problem', 'problems', 'difference', 'improvement', 'benefit', 'results', 'change', 'changes', 'our', 'my', 'much', 'many']);

function notSeenYet(s: Sent): boolean {
  const t = s.toks;
  const line = lowers(t);
  if (!/ (?:yet|still) /.test(line)) return false;
  for (let i = 1; i + 2 < t.length; i += 1) {
    if (t[i].lower !== 'seeing' || !['not', "n't"].includes(t[i - 1].lower) || !t.slice(0, i).some((x) => ['i', 'we'].includes(x.lower))) continue;
    const obj = t[i + 1];
    if (['the', 'your', 'a', 'an', 'that', 'any'].includes(obj.lower) && !NOT_OURS.has(t[i + 2].lower)) return true;
  }
  return false;
}

/** What "you should" tells the reader to expect, feel or have done, rather than asks: "you should receive the PO", "you should have seen it". */
const NOT_ADVICE = new Set(['be', 'have', 'receive', 'get', 'hear', 'see', 'expect', 'know', 'find', 'feel', 'notice', 'come', 'visit', 'join', 'enjoy', 'try', 'check']);

/** "You guys should really add a bulk edit", "your team ought to fix the export": what we should do, said to us. */
function adviceToUs(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (!['you', 'u'].includes(t[i].lower) || (i > 0 && !(t[i - 1].pos === 'PUNCT' || ['so', 'and', 'but', 'honestly', 'really', 'then'].includes(t[i - 1].lower)) && t[i - 1].lower !== 'if')) continue;
    if (t[i - 1]?.lower === 'if') continue;
    let k = i + 1;
    if (['guys', 'lot', 'all', 'folks'].includes(t[k]?.lower ?? '')) k += 1;
    if (!['should', 'must'].includes(t[k]?.lower ?? '') && !(t[k]?.lower === 'ought' && t[k + 1]?.lower === 'to')) continue;
    k += t[k].lower === 'ought' ? 2 : 1;
    while (['really', 'seriously', 'definitely', 'also', 'probably', 'just'].includes(t[k]?.lower ?? '')) k += 1;
    const v = t[k];
    if (!v || v.pos !== 'VERB' || v.lower !== v.lemma || NOT_ADVICE.has(v.lemma) || ['probably', 'maybe'].includes(t[k - 1]?.lower ?? '')) continue;
    return true;
  }
  return false;
}

/** "Once we have it from you, it's a ten-minute job": their step waiting on a thing from us. */
function onceWeHaveYours(line: string): boolean {
  return / (?:once|when|as soon as|the moment) (?:we|i) (?:have|get|receive|see|'ve got|have got) (?:\S+ ){0,5}?(?:from (?:you|u|your (?:\S+ )?(?:side|end|team))|of yours)\b/.test(line);
}

/** "From now on it should go to me and Ingrid as well": where a thing of ours goes from now on. */
function goesFromNowOn(line: string): boolean {
  return / (?:from now on|going forward|in future|in the future|from next month)(?: \S+){0,4} (?:should|must|needs to|has to) (?:go|be sent|be addressed|be copied|come) to /.test(line)
    || / (?:should|must|needs to) (?:go|be sent|be addressed|be copied) to (?:\S+ ){1,5}(?:as well|too|instead|from now on|going forward)\b/.test(line);
}

/** Documents we issue: what they "must" say is an instruction to us. */
const DOCUMENT = new Set(['invoice', 'invoices', 'quote', 'contract', 'report', 'export', 'certificate', 'statement', 'agreement', 'proposal', 'dpa', 'msa', 'po']);

/** "The invoice must quote it or AP will bounce it", "the report needs to show depot names". */
function documentMust(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i + 1 < t.length; i += 1) {
    if (!DOCUMENT.has(t[i].lower) || !['the', 'your', 'each', 'every', 'all', 'any'].includes(t[i - 1]?.lower ?? '')) continue;
    let k = i + 1;
    const modal = t[k]?.lower === 'must' ? 1 : ['needs', 'has', 'need', 'have'].includes(t[k]?.lower ?? '') && t[k + 1]?.lower === 'to' ? 2 : 0;
    if (!modal) continue;
    k += modal;
    if (t[k]?.pos === 'VERB' && t[k].lower === t[k].lemma && t[k].lemma !== 'be' && !t.slice(0, i).some((x) => ['our', 'my'].includes(x.lower))) return true;
  }
  return false;
}

/** "Net 60 would make this a lot easier to approve": a thing wished for by how it would ease their step (not their own doing). */
function wouldEase(line: string): boolean {
  const m = / would make (?:this|it|that|things|everything|life|(?:my|our) (?:life|lives|job)|(?:our|my) (?:\S+ )?(?:team|people|folks)) (?:\S+ ){0,3}?(?:easier|simpler|possible|smoother|happy|happier)\b/.exec(line);
  if (!m) return false;
  const clause = line.slice(0, m.index).split(/ (?:[;:]|but|and|so) /).pop() ?? '';
  return clause.trim().length > 0 && !/(?:^| )(?:we|i|our|my|us|it|that|this)(?: |$)/.test(clause.trim().split(' ').slice(0, 3).join(' ')) && !/ (?:our|my) own /.test(` ${clause} `);
}

/** Verbs of their own deciding or bearing: "we still can't decide", "still can't believe". */
const OWN_VERB = new Set(['decide', 'agree', 'choose', 'believe', 'wait', 'stop', 'say', 'tell', 'justify', 'find', 'get']);

/** "still cant export the forecast", "we still can't log in": a trouble that outlasts a fix (an ask for help). */
function stillCannot(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 3 < t.length; i += 1) {
    if (t[i].lower !== 'still' || t.slice(0, i).some((x) => !['i', 'we', 'they', 'users', 'drivers', 'just', 'and', 'but', 'so'].includes(x.lower) && x.pos !== 'PUNCT' && x.pos !== 'NOUN')) continue;
    const neg = t[i + 1]?.lemma === 'can' && ['not', "n't"].includes(t[i + 2]?.lower ?? '') ? i + 3 : t[i + 1]?.lower === 'unable' && t[i + 2]?.lower === 'to' ? i + 3 : -1;
    // (After "can't" the word is a verb, whatever the tagger says: "cant open the map".)
    const v = t[neg];
    if (neg > 0 && v && ['VERB', 'ADJ', 'NOUN'].includes(v.pos) && v.lower === v.lemma && !OWN_VERB.has(v.lemma)) return true;
  }
  return false;
}

/** Any of the asks above. */
export function askInPhrasing(s: Sent): boolean {
  const line = lowers(s.toks.filter((x) => x.text !== ','));
  return relianceOnUs(line) || questionForYou(line) || onceDoneByUs(line) || notSeenYet(s) || adviceToUs(s)
    || onceWeHaveYours(line) || goesFromNowOn(line) || documentMust(s) || wouldEase(line) || stillCannot(s);
}
