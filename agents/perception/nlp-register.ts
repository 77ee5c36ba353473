// Register noise, read before the tagger sees a line: chat shorthand ("u", "pls", "w/", "tmrw"),
// contractions typed without an apostrophe ("couldnt", "im", "ill sign"), call-transcript fillers
// ("um", a parenthetical "you know", a filler "like"), stutters ("we we will") and misspelt function
// words ("teh", "becuase"). Each becomes the word it stands for, so the tagger's lemmas, parts of
// speech and negation scope come out as for edited prose. Only forms that cannot be read otherwise
// in their context are rewritten: "ill" stays ill after "fell", "id" stays an id after "order",
// "were" is we're only where a clause starts and a predicate follows. The caller maps offsets back,
// so the sentence quoted as evidence is the one written.
import { lookup } from '../lookup.js';

/** Always the same word, whatever is around it (lower case only: "U" or "R" may be an initial). */
const FIXED: Record<string, string> = {
  u: 'you', pls: 'please', plz: 'please', pleeease: 'please', thx: 'thanks', thnx: 'thanks', thanx: 'thanks',
  'w/': 'with', 'w/o': 'without', 'b/c': 'because', bcoz: 'because', becoz: 'because', cuz: 'because', coz: 'because', b4: 'before',
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmw: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', tomorow: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow', tomorrrow: 'tomorrow',
  hv: 'have', hve: 'have', wud: 'would', wld: 'would', cud: 'could', shud: 'should', nxt: 'next', wknd: 'weekend', mnth: 'month', qtr: 'quarter', mgr: 'manager', mgrs: 'managers', mgmt: 'management', dept: 'department', depts: 'departments',
  tdy: 'today', tonite: 'tonight', abt: 'about', thru: 'through', tho: 'though', ppl: 'people', mtg: 'meeting', convo: 'conversation', msg: 'message', acct: 'account', yrs: 'years', wk: 'week', wks: 'weeks',
  lmk: 'let me know', idk: "I don't know", dunno: "don't know", rn: 'right now', atm: 'at the moment',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', gimme: 'give me', lemme: 'let me', kinda: 'kind of', sorta: 'sort of',
  // Contractions that are no other word without their apostrophe.
  dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't", werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  wouldnt: "wouldn't", couldnt: "couldn't", shouldnt: "shouldn't", mustnt: "mustn't", neednt: "needn't", mightnt: "mightn't", wont: "won't", cant: "can't", aint: "ain't",
  dosent: "doesn't", doesnot: 'does not', dint: "didn't", arnt: "aren't", wasent: "wasn't", wouldve: 'would have', couldve: 'could have', shouldve: 'should have',
  youre: "you're", theyre: "they're", youve: "you've", theyve: "they've", weve: "we've", youll: "you'll", theyll: "they'll", youd: "you'd", theyd: "they'd",
  thats: "that's", whats: "what's", theres: "there's", heres: "here's", im: "I'm", ive: "I've",
  // Function words and everyday verbs typed in a hurry.
  teh: 'the', hte: 'the', adn: 'and', nad: 'and', taht: 'that', thier: 'their', theri: 'their', untill: 'until', unitl: 'until', wich: 'which', whcih: 'which', wiht: 'with', whith: 'with',
  becuase: 'because', becasue: 'because', beacuse: 'because', becouse: 'because', bcause: 'because', waht: 'what', jsut: 'just', yuo: 'you', shoudl: 'should', woudl: 'would', coudl: 'could',
  cna: 'can', wil: 'will', recieve: 'receive', recieved: 'received', recieving: 'receiving', definately: 'definitely', definatly: 'definitely', seperate: 'separate', alot: 'a lot', occured: 'occurred',
};

/**
 * The words the frames turn on, in the forms people type: an unknown word one keystroke away from one
 * of them (a letter dropped, doubled, swapped or mistyped: "extnding", "renewl", "cancelation") is read
 * as it. Only words the tagger has never seen are candidates, so a real word is never "corrected".
 */
const KEY_WORDS = new Set(`
  renew renews renewed renewing renewal renewals extend extends extended extending extension cancel cancels cancelled canceled cancelling canceling cancellation
  terminate terminating termination contract contracts agreement sign signed signing signature send sending sent share sharing shared schedule scheduled
  leave leaving left leaver join joining joined joiner replace replacing replaced replacement successor resign resigned resigning resignation retire retiring retired
  promote promoted promotion transfer transferred transferring responsibilities responsible colleague manager director department
  competitor competitors alternative alternatives evaluate evaluating evaluation compare comparing comparison switch switching switched migrate migrating migration
  budget budgets approve approved approval purchase purchasing procurement order invoice invoices quote quotes quotation proposal pricing price discount
  licence licences license licenses seats users additional expand expanding expansion rollout onboard onboarding pilot trial demo meeting
  tomorrow tonight morning afternoon tuesday wednesday thursday friday saturday monday sunday january february september october november december week month quarter
  please thanks thank because definitely probably really actually already would could should have will with about going want need know about without through
  unfortunately disappointed frustrated frustrating unhappy issue issues problem problems support ticket urgent deadline confirm confirmed attached
  receive received review reviewed reviewing decision decided decide considering consider recommend follow following update updated
  authorise authorised authorize authorized authorisation authorization payment countersign countersigned upgrade spend subscription requisition paperwork execute executed finance`.split(/\s+/).filter(Boolean));

/** A key word one edit away from an unknown word, if exactly one is (a dropped or swapped letter before a mistyped one). */
function nearKeyWord(w: string): string | undefined {
  if (w.length < 4 || KEY_WORDS.has(w)) return undefined;
  const likely = new Set<string>();
  const typed = new Set<string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= w.length; i += 1) {
    if (i + 1 < w.length) { const swap = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); if (KEY_WORDS.has(swap)) likely.add(swap); }
    if (i < w.length) { const extra = w.slice(0, i) + w.slice(i + 1); if (KEY_WORDS.has(extra)) typed.add(extra); }
    for (const c of letters) {
      const dropped = w.slice(0, i) + c + w.slice(i);
      if (KEY_WORDS.has(dropped)) likely.add(dropped);
      if (i < w.length) { const sub = w.slice(0, i) + c + w.slice(i + 1); if (KEY_WORDS.has(sub)) typed.add(sub); }
    }
  }
  // An inflection of a key word the model happens not to list ("migrated") is no typo of it.
  const inflected = (c: string) => /^(?:s|es|d|ed|ing|r|er|ers|ly|n|en)$/.test(w.startsWith(c) ? w.slice(c.length) : '') || /^(?:s|es|d|ed|ing|r|er|ly|n|en)$/.test(c.startsWith(w) ? c.slice(w.length) : '');
  const pick = [...(likely.size ? likely : typed)];
  return pick.length === 1 && !inflected(pick[0]) ? pick[0] : undefined;
}

/** Base verbs and adverbs that follow a subject pronoun: after them "ill", "id", "well" are I'll, I'd, we'll. */
const AFTER_SUBJECT = new Set([
  'be', 'have', 'do', 'get', 'send', 'sign', 'check', 'call', 'let', 'ask', 'look', 'try', 'make', 'take', 'share', 'set', 'follow', 'reach', 'circle', 'loop', 'come', 'put', 'update',
  'confirm', 'review', 'forward', 'pass', 'talk', 'need', 'go', 'keep', 'see', 'give', 'email', 'ping', 'book', 'schedule', 'arrange', 'chase', 'push', 'run', 'write', 'drop', 'bring',
  'sort', 'fix', 'start', 'raise', 'flag', 'dig', 'pull', 'grab', 'hop', 'jump', 'join', 'shoot', 'walk', 'find', 'work', 'think', 'say', 'love', 'like', 'prefer', 'want', 'rather',
  'appreciate', 'suggest', 'recommend', 'expect', 'hope', 'guess', 'imagine', 'argue', 'probably', 'prob', 'definitely', 'def', 'also', 'just', 'still', 'certainly', 'happily', 'gladly',
  'never', 'not', 'only', 'then', 'first', 'personally', 'already', 'need', 'kick', 'move', 'cancel', 'renew', 'pay', 'approve', 'escalate', 'investigate', 'wait', 'hold', 'tell',
]);

/** Words that make a following "ill" the adjective or noun ("fell ill", "the ill effects", "very ill"). */
const ILL_BEFORE = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', 'fell', 'fall', 'falls', 'falling', 'feel', 'feels', 'feeling', 'felt', 'get', 'got', 'gets', 'getting', 'become', 'became', 'very', 'quite', 'seriously', 'critically', 'terminally', 'mentally', 'chronically', 'an', 'the', 'of', 'no', 'any', 'taken', 'took']);
/** Words that make a preceding "id" a noun ("user id", "your id"). */
const ID_BEFORE = new Set(['the', 'a', 'an', 'your', 'our', 'my', 'their', 'his', 'her', 'its', 'this', 'that', 'user', 'order', 'account', 'customer', 'vendor', 'tenant', 'client', 'ticket', 'case', 'login', 'employee', 'session', 'request', 'transaction', 'invoice', 'photo', 'badge', 'unique', 'same', 'new', 'old', 'correct', 'wrong', 'valid', 'invalid']);
/** What follows a contraction "its" (it's) rather than the possessive's noun. */
const ITS_PREDICATE = new Set(['been', 'not', 'a', 'an', 'the', 'going', 'gonna', 'ok', 'okay', 'fine', 'done', 'all', 'just', 'still', 'also', 'really', 'very', 'too', 'now', 'probably', 'likely', 'definitely',
  'great', 'good', 'bad', 'hard', 'easy', 'possible', 'impossible', 'unclear', 'clear', 'true', 'worth', 'because', 'why', 'what', 'how', 'more', 'less', 'already', 'always', 'never', 'pretty', 'quite',
  'getting', 'taking', 'working', 'live', 'ready', 'over', 'my', 'your', 'our', 'their', 'on', 'in', 'no', 'nothing', 'something', 'fixed', 'broken', 'sorted', 'resolved', 'urgent', 'late', 'due', 'about', 'up', 'off', 'back']);
/** What follows "were" read as we're: a predicate, never a subject (that would make it a question: "were you able…"). */
const WERE_PREDICATE = new Set(['going', 'gonna', 'looking', 'planning', 'thinking', 'moving', 'not', 'still', 'also', 'just', 'happy', 'ready', 'keen', 'interested', 'good', 'in', 'on', 'about', 'waiting',
  'working', 'trying', 'considering', 'evaluating', 'hoping', 'getting', 'sending', 'signing', 'renewing', 'leaving', 'switching', 'done', 'aware', 'fine', 'ok', 'okay', 'set', 'close', 'almost', 'nearly',
  'currently', 'actively', 'now', 'definitely', 'probably', 'pretty', 'really', 'very', 'so', 'talking', 'discussing', 'reviewing', 'seeing', 'having', 'expecting', 'struggling', 'pushing', 'rolling',
  'adding', 'hiring', 'growing', 'opening', 'launching', 'cancelling', 'canceling', 'pausing', 'stopping', 'dropping', 'testing', 'piloting', 'finalising', 'finalizing', 'stuck', 'blocked', 'behind', 'ahead', 'over', 'out', 'all', 'both', 'a', 'the']);
/** Words after which a clause starts: "were"/"well" there has no subject before it. */
const CLAUSE_OPENER = new Set(['and', 'but', 'so', 'ok', 'okay', 'yes', 'yeah', 'yep', 'also', 'now', 'btw', 'fyi', 'honestly', 'tbh', 'actually', 'anyway', 'then', 'sure', 'thanks', 'hi', 'hey', 'update', 'because', 'since', 'as']);
const FILLER = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'hmm', 'mm']);
/** A capitalised clause opener after a lower-case word and a space (not "I'll" and its kin, which follow a name in "told Raj I'd…", nor "Will", a name). */
const RUN_ON = /(?<=\p{Ll}{2}) (?=(?:We|You|They|He|She|Our|Your|Their|This|These|Those|Thanks|Please|Let's|Can|Could|Would)\b)/gu;
/** Words after which such a word goes on the same clause (those of WAITS hold it anywhere before, so they are not repeated here). */
const LEADS_ON = new Set(['for', 'to', 'of', 'with', 'on', 'in', 'at', 'by', 'from', 'about', 'and', 'or', 'but', 'nor', 'that', 'so', 'than', 'as', 'what', 'which', 'who', 'whom', 'thank', 'thanks', 'see', 'meet', 'call', 'email', 'send', 'let', 'means', 'thinks']);

/** A subordinate clause or a verb of saying, thinking or promising, after which a clause follows without a break. */
const WAITS = /\b(?:if|when|whenever|once|unless|until|till|before|after|because|since|while|whether|as soon as|so that|in case|told|tell|said|say|says|asked|ask|promised|promise|mentioned|mention|think|thought|hope|hoped|guess|know|knew|believe|feel|felt|sure|assume|expect|reckon|mean|meant)\b/i;

/** Words that open a turn without being part of its clause when a comma sets them off: "So, um, Raj asked…", "Okay, so, we'll…" ("Anyway," is no such word: it dismisses what came before). */
const OPENER = new Set(['so', 'well', 'okay', 'ok', 'right', 'alright', 'oh', 'now']);
/** A word that can legitimately be said twice ("that that", "had had", "is is" in a quote is still a stutter). */
const DOUBLE_OK = new Set(['that', 'had', 'very', 'really', 'so', 'no', 'bye', 'ha', 'there', 'more', 'many', 'much', 'far', 'long', 'again', 'over', 'and', 'yes', 'yeah']);

export interface Normalised {
  /** The line as read. */
  text: string;
  /** The offset in the written line of an offset in the read one (a rewritten word maps to its edges). */
  toRaw: (offset: number, end?: boolean) => number;
}

interface Edit { from: number; to: number; rep: string }

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*(?:\/[\p{L}\p{N}]*)?/gu;

/** What a word stands for here, or undefined to keep it. prev/next are the neighbouring words (lower case), gapBefore/gapAfter the characters between. */
function reading(w: string, prev: string | undefined, next: string | undefined, gapBefore: string, gapAfter: string, known: (lower: string) => boolean): string | undefined {
  const lower = w.toLowerCase();
  const tight = gapAfter === ' ';
  const fixed = w === lower ? lookup(FIXED, lower) : undefined;
  if (fixed !== undefined) {
    // "u" and "r" alone are letters in a list or a label unless a sentence goes on around them.
    if ((lower === 'u') && (next === undefined && prev === undefined)) return undefined;
    return fixed;
  }
  if (lower === 'im' && w !== 'IM' && next !== undefined && tight) return "I'm";
  if (w === 'r' && ['we', 'you', 'they', 'u'].includes(prev ?? '') && next !== undefined) return 'are';
  if (w === 'ur' && next !== undefined) return ['right', 'welcome', 'not', 'going', 'gonna', 'the', 'so', 'too', 'still', 'all'].includes(next) ? "you're" : 'your';
  if (lower === 'ill' && tight && next && AFTER_SUBJECT.has(next) && !ILL_BEFORE.has(prev ?? '')) return "I'll";
  if (lower === 'id' && w !== 'ID' && tight && next && AFTER_SUBJECT.has(next) && !ID_BEFORE.has(prev ?? '')) return "I'd";
  if (w === 'yr') return ['next', 'last', 'this', 'per', 'a', 'each', 'every', 'the', 'one', 'fiscal', 'financial'].includes(prev ?? '') || /^\d/.test(prev ?? '') ? 'year' : next !== undefined ? 'your' : undefined;
  // Not after "and"/"but"/"so": "they tested it and were happy" shares its subject.
  const opensAlone = prev === undefined || /[.!?;:,\-–—()]/.test(gapBefore) || (CLAUSE_OPENER.has(prev) && !['and', 'but', 'so', 'because', 'since', 'as', 'then'].includes(prev));
  if (lower === 'well' && opensAlone && tight && next && AFTER_SUBJECT.has(next) && !['done', 'do', 'not', 'just', 'also', 'then', 'first', 'only'].includes(next)) return "we'll";
  if (lower === 'were' && opensAlone && tight && next && WERE_PREDICATE.has(next)) return "we're";
  // "a trail account", "the trail period": the trial it names.
  if (lower === 'trail' && next && ['account', 'accounts', 'version', 'period', 'licence', 'license', 'licenses', 'licences', 'run', 'subscription', 'access', 'extension', 'phase', 'week', 'month', 'environment', 'instance', 'workspace'].includes(next)) return w === lower ? 'trial' : 'Trial';
  if (lower === 'its' && w === 'its' && tight && next && ITS_PREDICATE.has(next) && !(next === 'own')) return "it's";
  // A typo of a key word: lower case (a capitalised unknown word is a name), letters only, unknown to the model.
  if (w === lower && /^\p{Ll}{4,}$/u.test(w) && !known(w)) return nearKeyWord(w);
  return undefined;
}

/**
 * Where a false start before the hesitation at k begins: the one to three words before it said again
 * right after it ("we've been, uh, we've been"; "they, uh, they've"). Undefined when nothing repeats.
 */
function falseStart(ws: Array<{ w: string; at: number; end: number }>, k: number): number | undefined {
  for (let n = Math.min(3, k); n >= 1; n -= 1) {
    const before = ws.slice(k - n, k).map((x) => x.w.toLowerCase());
    const after = ws.slice(k + 1, k + 1 + n).map((x) => x.w.toLowerCase());
    if (after.length < n) continue;
    const same = before.every((w, j) => w === after[j] || (j === n - 1 && after[j].startsWith(`${w}'`)));
    if (same) return ws[k - n].at;
  }
  return undefined;
}

/** Whether the characters around a word, up to whitespace, make an address or a link. */
function inAddress(raw: string, at: number, end: number): boolean {
  let a = at;
  let b = end;
  while (a > 0 && !/\s/.test(raw[a - 1])) a -= 1;
  while (b < raw.length && !/\s/.test(raw[b])) b += 1;
  const chunk = raw.slice(a, b);
  return chunk.includes('@') || chunk.includes('://');
}

/** The line read past its register noise, with a map back to the written offsets. */
export function normaliseRegister(raw: string, known: (lower: string) => boolean = () => true): Normalised {
  const ws = [...raw.matchAll(WORD)].map((m) => ({ w: m[0], at: m.index, end: m.index + m[0].length }));
  const edits: Edit[] = [];
  for (let k = 0; k < ws.length; k += 1) {
    const { w, at, end } = ws[k];
    const lower = w.toLowerCase();
    const prev = ws[k - 1];
    const next = ws[k + 1];
    const gapBefore = prev ? raw.slice(prev.end, at) : '';
    const gapAfter = next ? raw.slice(end, next.at) : raw.slice(end);
    // Part of an address, a path or a handle ("u@corvel.example", "/u/", "file_u"): not a word of the sentence.
    if (/[./@_#\\]/.test(raw[at - 1] ?? '') || /[@_\\]/.test(raw[end] ?? '') || (!w.includes('/') && raw[end] === '/') || inAddress(raw, at, end)) continue;
    // Hesitations: the word and the comma or dash that sets it off.
    // Set off by commas on both sides ("I'll, uh, pull them"), the commas go with it: the clause reads on.
    const setOff = (to: number) => Boolean(prev) && /,\s*$/.test(gapBefore) && /^\s*,/.test(raw.slice(to));
    // A turn's opener set off by a comma, with the hesitations after it: the clause starts after them (only when one follows).
    if (OPENER.has(lower) && (prev === undefined || /[.!?;:]\s*$/.test(gapBefore)) && /^\s*,/.test(gapAfter)) {
      const past = (e: number) => e + (/^\s*,\s*/.exec(raw.slice(e))?.[0].length ?? 0);
      let j = k;
      let to = past(end);
      while (ws[j + 1] && ws[j + 1].at === to && (FILLER.has(ws[j + 1].w.toLowerCase()) || OPENER.has(ws[j + 1].w.toLowerCase())) && /^\s*,/.test(raw.slice(ws[j + 1].end))) {
        j += 1;
        to = past(ws[j].end);
      }
      if (ws[j + 1]) {
        edits.push({ from: at, to, rep: '' });
        k = j;
        continue;
      }
    }
    if (FILLER.has(lower)) {
      // A restart across the hesitation ("we'll, uh, we'll sign", "the, er, the Zentrix guys"): the false start goes with it.
      const from = falseStart(ws, k);
      if (from !== undefined && next) {
        for (let e = edits.length - 1; e >= 0 && edits[e].from >= from; e -= 1) edits.pop();
        edits.push({ from, to: next.at, rep: '' });
        continue;
      }
      const tail = /^\s*[,.…-]*\s*/.exec(raw.slice(end))?.[0] ?? '';
      edits.push(setOff(end) ? { from: prev!.end, to: end + tail.length, rep: ' ' } : { from: at, to: end + tail.length, rep: '' });
      continue;
    }
    // A parenthetical "you know" (set off by commas or dashes, or opening its clause before a comma).
    if (lower === 'you' && next?.w.toLowerCase() === 'know' && (prev === undefined || /[,\-–—]\s*$/.test(gapBefore)) && /^\s*[,\-–—]/.test(raw.slice(next.end))) {
      const tail = /^\s*[,\-–—]\s*/.exec(raw.slice(next.end))?.[0] ?? '';
      edits.push({ from: prev ? prev.end : at, to: next.end + tail.length, rep: prev ? ' ' : '' });
      k += 1;
      continue;
    }
    // "we were like thinking": a filler "like" between a form of be and an -ing verb, or "like," set off.
    if (lower === 'like' && ((['was', 'were', 'is', 'am', 'are', "i'm", "we're", "they're"].includes(prev?.w.toLowerCase() ?? '') && /ing$/.test(next?.w ?? '') && gapBefore === ' ' && gapAfter === ' ')
      || (/[,\-–—]\s*$/.test(gapBefore) && /^\s*,/.test(gapAfter)))) {
      const tail = /^\s*,?\s*/.exec(raw.slice(end))?.[0] ?? '';
      edits.push(setOff(end) ? { from: prev!.end, to: end + tail.length, rep: ' ' } : { from: at, to: end + tail.length, rep: '' });
      continue;
    }
    // A stutter: the same word again right after itself ("we we", "I- I'll").
    if (next && (next.w.toLowerCase() === lower || (gapAfter.trim() === '-' && next.w.toLowerCase().startsWith(`${lower}'`))) && /^\s*-?\s+$/.test(gapAfter) && !DOUBLE_OK.has(lower) && !/^\p{N}/u.test(w)) {
      edits.push({ from: at, to: next.at, rep: '' });
      continue;
    }
    const rep = reading(w, prev?.w.toLowerCase(), next?.w.toLowerCase(), gapBefore, gapAfter, known);
    if (rep !== undefined && rep !== w) edits.push({ from: at, to: end, rep: /^\p{Lu}/u.test(w) && rep !== "I'm" && rep !== "I'll" && rep !== "I'd" ? rep[0].toUpperCase() + rep.slice(1) : rep });
  }
  // A full stop with no space before a capitalised word ("the logs.Will look") ends a sentence; a domain or file name has no capital there.
  for (const m of raw.matchAll(/(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu)) {
    const before = raw.slice(0, m.index);
    if (!/\S+@\S*$|:\/\/\S*$/.test(before)) edits.push({ from: m.index + 1, to: m.index + 1, rep: ' ' });
  }
  // Sentences typed without their full stop ("the redlines are nearly done You'll have them Thursday"): a word that can
  // only open a clause, capitalised after a lower-case word mid-line, starts a new sentence (not after a word that
  // leads into what follows: "a plan for Your Team", "thank You").
  // (Nor inside a clause that is waiting for its main clause or reports speech: "if the board approved it I'd push for…",
  // "told Raj I'd redo the model".)
  for (const m of raw.matchAll(RUN_ON)) {
    const sofar = raw.slice(0, m.index).split(/[.!?;:]\s/).pop() ?? '';
    const lead = /(\p{L}+)$/u.exec(sofar)?.[1]?.toLowerCase() ?? '';
    if (!LEADS_ON.has(lead) && !WAITS.test(sofar)) edits.push({ from: m.index, to: m.index, rep: '.' });
  }
  if (!edits.length) return { text: raw, toRaw: (o) => o };
  edits.sort((a, b) => a.from - b.from);
  // Segments of the read line: [readStart, rawStart, rawEnd, readEnd, rewritten].
  const segs: Array<{ r0: number; r1: number; w0: number; w1: number; same: boolean }> = [];
  let text = '';
  let at = 0;
  for (const e of edits) {
    if (e.from < at) continue;
    if (e.from > at) { segs.push({ r0: text.length, r1: text.length + e.from - at, w0: at, w1: e.from, same: true }); text += raw.slice(at, e.from); }
    segs.push({ r0: text.length, r1: text.length + e.rep.length, w0: e.from, w1: e.to, same: false });
    text += e.rep;
    at = e.to;
  }
  if (at < raw.length) { segs.push({ r0: text.length, r1: text.length + raw.length - at, w0: at, w1: raw.length, same: true }); text += raw.slice(at); }
  const toRaw = (o: number, end = false): number => {
    for (const s of segs) {
      if (o < s.r0 || o > s.r1 || (o === s.r1 && !end && s.r1 > s.r0)) continue;
      return s.same ? s.w0 + (o - s.r0) : end ? s.w1 : s.w0;
    }
    return end ? raw.length : 0;
  };
  return { text, toRaw };
}
