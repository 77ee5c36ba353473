// Questions that ask nothing, read from the message around them rather than the sentence alone: a
// question the writer answers or withdraws in the next breath ("can it run hourly? just found the
// setting, yes it can", "did you get my email? never mind, saw your reply"), a rhetorical question
// ("who wouldn't want fewer reports?", "did I ever tell you…"), and a bare name echoed back ("Oh,
// Bianca?") before the writer says what they know of it.
import type { Sent, Tok } from './nlp.js';
import { notAskedInContext } from './request-settled.js';

/** Words that open an answer or a withdrawal at the start of a clause. */
const ANSWER = new Set(['yes', 'yeah', 'yep', 'yup', 'absolutely', 'definitely', 'exactly', 'nevermind', 'nvm']);
/** Two-word openers of the same kind: "never mind", "scratch that", "turns out", "of course". */
const ANSWER2 = new Set(['never mind', 'scratch that', 'ignore that', 'turns out', 'turned out', 'of course', 'found it', 'figured it', 'sorted it', 'either way', 'no matter']);
const BREAK = new Set([',', ';', ':', '-', '–', '—', '.', '!', '(']);
const LEAD = new Set(['oh', 'ah', 'actually', 'just', 'and', 'but', 'ok', 'okay', 'so', 'update', 'edit', 'well', 'hmm', 'haha', 'lol']);

/** Whether a clause of this sentence opens with an answer or a withdrawal ("…, yes it can", "Never mind, …"). */
function answers(s: Sent): boolean {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    if (k > 0 && !(t[k - 1].pos === 'PUNCT' && BREAK.has(t[k - 1].text))) continue;
    let j = k;
    while (j < t.length && LEAD.has(t[j].lower)) j += 1;
    const w = t[j]?.lower ?? '';
    const two = `${w} ${t[j + 1]?.lower ?? ''}`;
    // "Never mind the formatting, just send it" still asks: the withdrawal stands alone or is followed by a clause.
    if (two === 'never mind' && t[j + 2] && t[j + 2].pos !== 'PUNCT' && !['i', 'we', 'just', 'found', 'saw'].includes(t[j + 2].lower)) continue;
    if (ANSWER.has(w) || ANSWER2.has(two)) return true;
  }
  return false;
}

const NEG_AUX = new Set(["n't", 'not']);

/** A rhetorical question: "who wouldn't…", "who even reads…", "did I ever tell you…", "what's not to like". */
export function rhetorical(s: Sent, head: number): boolean {
  const t = s.toks;
  const h = t[head];
  if (!h) return false;
  // "Why would anyone ship on a Friday?": a question nobody is meant to answer.
  if (h.lower === 'why' && ['would', 'will', 'do', 'does', 'did'].includes(t[head + 1]?.lower ?? '') && ['anyone', 'anybody'].includes(t[head + 2]?.lower ?? '')) return true;
  // "Why did we ever put up with spreadsheets?": the writer wondering at their own past.
  if (h.lower === 'why' && ['did', 'do', 'would'].includes(t[head + 1]?.lower ?? '') && ['we', 'i'].includes(t[head + 2]?.lower ?? '') && t[head + 3]?.lower === 'ever') return true;
  if (h.lower === 'who' && (t.slice(head + 1, head + 4).some((x) => NEG_AUX.has(x.lower)) || ['even', 'cares', 'knows'].includes(t[head + 1]?.lower ?? ''))) return true;
  // "Who has time for that anyway?": a question closed by "anyway" expects no answer.
  if (t[t.length - 2]?.lower === 'anyway' && t[t.length - 1]?.text === '?') return true;
  if (h.lower === 'what' && t.slice(head + 1, head + 4).some((x) => NEG_AUX.has(x.lower)) && t.some((x) => x.lemma === 'like' || x.lemma === 'love')) return true;
  // "Did I ever tell you…", "Have I mentioned…": the writer telling a story, not asking.
  return ['did', 'have', 'has'].includes(h.lower) && t[head + 1]?.lower === 'i' && t.slice(head + 2, head + 5).some((x) => ['tell', 'mention', 'say'].includes(x.lemma));
}

/** A bare name echoed as a question ("Oh, Bianca?"): the writer repeats it before answering about it. */
function echo(s: Sent): boolean {
  const words = s.toks.filter((x: Tok) => x.pos !== 'PUNCT' && !LEAD.has(x.lower) && x.pos !== 'INTJ');
  return words.length > 0 && words.length <= 2 && words.every((x) => x.pos === 'PROPN') && /\?\s*$/.test(s.text);
}

/** A short question with no auxiliary ("You lot?", "Me?"): the writer's own prompt when an answer follows. */
function verbless(s: Sent): boolean {
  const words = s.toks.filter((x) => x.pos !== 'PUNCT');
  return words.length <= 3 && !words.some((x) => x.pos === 'AUX');
}

/** "Truthfully?", "Honestly?", "Er... seriously?": an adverb put as a question, the speaker's own lead-in. */
function leadIn(s: Sent): boolean {
  const words = s.toks.filter((x) => x.pos !== 'PUNCT' && x.pos !== 'INTJ' && !LEAD.has(x.lower) && !['er', 'erm', 'um', 'uh', 'hmm'].includes(x.lower));
  return words.length === 1 && words[0].pos === 'ADV' && /(?:ly|really)$/.test(words[0].lower) && /\?\s*$/.test(s.text);
}

/** "Now?", "These days?": a time put as a question, the writer's own pivot before the answer. */
function pivot(s: Sent): boolean {
  const w = s.toks.filter((x) => x.pos !== 'PUNCT' && !LEAD.has(x.lower)).map((x) => x.lower).join(' ');
  return ['now', 'today', 'nowadays', 'these days', 'lately', 'since then', 'this year'].includes(w) && /\?\s*$/.test(s.text);
}

/** "I showed them the offline mode", "We told him it's on the roadmap": the writer answering the asker themselves. */
function answeredThem(next: Sent): boolean {
  const w = next.toks.filter((x) => x.pos !== 'PUNCT').map((x) => x.lower);
  const k = ['i', 'we'].includes(w[0] ?? '') ? (['already', 'just'].includes(w[1] ?? '') ? 2 : 1) : -1;
  return k > 0 && ['showed', 'told', 'explained', 'walked', 'pointed', 'sent', 'gave', 'answered'].includes(w[k] ?? '') && ['them', 'him', 'her'].includes(w[k + 1] ?? '');
}

/** "No, …", "Nope, …": the writer answering. */
function denial(s: Sent): boolean {
  const t = s.toks;
  return ['no', 'nope', 'nah', 'not'].includes(t[0]?.lower ?? '') && (t[1]?.pos === 'PUNCT' || t[1]?.lower === 'really');
}

/** "Anyway, …", "Moving on, …": the writer leaving the question behind. */
function aside(s: Sent): boolean {
  const t = s.toks;
  const w = `${t[0]?.lower ?? ''} ${t[1]?.lower ?? ''}`;
  return (t[0]?.lower === 'anyway' || t[0]?.lower === 'anyhow' || w === 'moving on' || w === 'but anyway') && t.some((x) => x.pos === 'PUNCT');
}

/** A question that names the reader ("you", "your"): a real question even before an "anyway". */
function addressed(s: Sent): boolean {
  return s.toks.some((x) => ['you', 'your', 'u', 'ur', 'yours'].includes(x.lower));
}

/**
 * The sentences of a message that still ask after the rest of the message is read: a question
 * answered or withdrawn by the writer in the next sentence, or a name echoed back, asks nothing.
 */
export function stillAsking(sents: Sent[], asking: (s: Sent, i: number) => boolean): Sent[] {
  const out: Sent[] = [];
  sents.forEach((s, i) => {
    if (!asking(s, i) || leadIn(s)) return;
    const question = /\?\s*$/.test(s.text);
    const next = sents[i + 1];
    if (question && notAskedInContext(s, next)) return;
    if (question && next && !/\?\s*$/.test(next.text) && pivot(s)) return;
    // "Two managers asked me whether it works offline. I showed them the offline mode.": relayed, and answered by the writer.
    if (next && answeredThem(next)) return;
    if (question && next && (answers(next) || echo(s) || (verbless(s) && denial(next)) || (aside(next) && !addressed(s)))) return;
    out.push(s);
  });
  return out;
}
