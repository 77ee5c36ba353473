// Requests and questions put to us, read from the sentence's form, not a question mark alone:
// an interrogative (a question mark, a wh-word or an inverted auxiliary: "could you confirm…",
// "is there a way…"), an imperative addressed to us ("please reset…", "let me know when…",
// "tell me more…"), or a desiderative ("I'd need X before…", "wondering whether…", "would be great
// to get…", "any chance…", "I was hoping you could…"). Not a sign-off that invites questions, not a
// report of someone else's question ("she asked whether…"), not the speaker's own plan ("we need to
// think about it"), not a message from us.
import type { Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import { analyze, type Sent } from './nlp.js';
import { first } from './frames.js';
import type { PerceiveContext, Utterance } from './utterances.js';

/** Sign-offs that invite questions are not questions: "let me know if you have any questions". */
const CLOSING = /\b(let (me|us) know if (you )?(have|need|there('s| is| are)|any)|if you have any (questions|concerns)|any questions\?|feel free to|how are you\??|how('s| is) it going\??|hope (you|all|this|the)\b|have a (great|good|nice)|no need to (reply|respond)|no action (needed|required)|talk (soon|next week|then|tomorrow)|happy to (hop|jump|chat|help|discuss)|see you)/i;
const URL = /\bhttps?:\/\/\S+/g;

const WH = new Set(['what', 'how', 'when', 'where', 'why', 'which', 'who', 'whom', 'whose']);
const AUX = new Set(['can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'should', 'may', 'might', 'shall', 'has', 'have', 'was', 'were']);
/** Openers before the sentence proper: "Hi Sam,", "Quick q -", "Also,", "So". */
const OPENER = new Set(['good', 'morning', 'afternoon', 'evening', 'all', 'everyone', 'folks', 'team', 'guys', 'hi', 'hey', 'hello', 'also', 'so', 'and', 'but', 'ok', 'okay', 'quick', 'q', 'question', 'one', 'more', 'thing', 'btw', 'fyi', 'then', 'oh', 'sorry', 'now', 'tbh', 'honestly', 'just']);
/** Imperatives that are not requests: "thanks", "have a good one", "see you". */
const NOT_ASKING = new Set(['thank', 'thanks', 'hope', 'see', 'talk', 'enjoy', 'have', 'welcome', 'congrats', 'congratulate', 'cheer', 'feel', 'note', 'keep', 'ignore', 'disregard', 'consider']);

/** The desiderative and indirect-request frames, as lemmas. */
const WANT = new RegExp([
  ' (?:i|we) (?:would|will) (?:\\S+ )?(?:like|love|need|appreciate|want|welcome)',
  // Wanting a thing ("we need the SAML guide", "we want you to…") or to come to know or have something
  // ("I need to know whether…"); wanting to do something ourselves ("we want to roll it out") is a plan.
  ' (?:i|we) (?:really |still |also |urgently |just )?(?:need|require|want) (?!to )',
  ' (?:i|we) (?:really |still |also |urgently |just )?(?:need|require|want) to (?:know|understand|see|get|have|receive|hear|learn|find out|confirm|check with you|talk to you|speak (?:to|with) you)',
  ' (?:it|that) would (?:be )?(?:really |very |super |so |incredibly |extremely |most )?(?:great|helpful|good|nice|useful|ideal|help|perfect|handy|valuable)',
  ' would be (?:really |very |super |so |incredibly |extremely |most )?(?:great|helpful|good|nice|useful|ideal|perfect|handy|valuable) (?:to|if)',
  ' (?:i|we) be (?:hope|hoping|wonder|wondering|curious|keen|look|looking) (?:to get|to know|to understand|to see|to hear|you|if|whether|for|about|what|how|when|why)',
  ' (?:i|we) hope you can',
  ' (?:wonder|wondering|curious) (?:if|whether|about|what|how|when|why|which)',
  ' any chance ',
  '(?:^| )(?:keen|eager|curious|interested|dying) to (?:know|understand|learn|see|hear|find out|get|check)',
  ' (?:would|will) (?:love|like) to (?:know|understand|learn|see|hear|find out)',
  ' (?:request|requesting) (?:a|an|the|access|help|that|some|for)',
  ' need (?:some )?help ',
  ' (?:can|could|would) (?:someone|somebody|anyone|anybody|one of you|your team) ',
  ' please advise ',
  // Subjectless and softened asks: "just need the updated order form", "hoping you can help", "could use some guidance",
  // "would love your input", "the board wants to see the roadmap", "still waiting on your answer", "over to you".
  '(?:^|,) (?:just |still |really |also |only )?need (?:the|a|an|your|some|that|those|it|them|to know|to see|to get|to have|confirmation)',
  ' (?:hope|hoping|hop) (?:you (?:can|could|will|would)|to get|to hear|to see|someone)',
  ' (?:could|can) use (?:some|a|your|an|any) (?:\\S+ )?(?:help|guidance|advice|input|hand|pointer|support|clarity|direction)',
  ' would (?:love|appreciate|welcome|value) (?:your|some|a|an|any) ',
  ' (?:want|wants|need|needs|would like) to (?:see|get|receive|have|review) (?:the|your|a|an|some) ',
  ' (?:still )?(?:wait|be wait) (?:on|for) (?:your|you|an? (?:answer|reply|response|update|decision)|the \\S+ (?:\\S+ )?from you)',
  ' over to you ',
  ' (?:i|we) be (?:look|looking) for (?:help|guidance|advice|a way|someone)',
].join('|'));
/** Reports of past asking and wondering: "someone asked me whether…", "I wondered about that too". */
const REPORT = / (?:ask|asked|wonder|wondered|question|questioned) (?:me|us|him|her|them|about|whether|if|that)? | (?:ask|asked) /;

function start(s: Sent): number {
  const t = s.toks;
  // A label before a colon ("Quick update:", "Heads-up:") is not the sentence's verb.
  const colon = t.slice(0, 4).findIndex((x) => x.text === ':');
  let k = colon >= 0 ? colon + 1 : 0;
  // Skip openers, a vocative ("Sam,") and dashes: "Quick q - do you invoice in GBP".
  for (;;) {
    while (k < t.length && (OPENER.has(t[k].lower) || t[k].pos === 'PUNCT' || t[k].pos === 'INTJ')) k += 1;
    if (k + 1 < t.length && t[k].pos === 'PROPN' && t[k + 1].text === ',') { k += 2; continue; }
    break;
  }
  return k;
}

/** Objects that follow an instruction's verb: "…, please fix it", "…, check them when you can". */
const OBJECT = new Set(['the', 'this', 'that', 'these', 'those', 'it', 'them', 'me', 'us', 'our', 'my', 'your', 'a', 'an', 'all', 'any', 'both', 'over']);

/** An instruction opening a later clause: "The field is truncated, please fix.", "…, send the paperwork over". */
function clauseRequest(s: Sent): boolean {
  const t = s.toks;
  for (let k = 1; k < t.length; k += 1) {
    const prev = t[k - 1];
    const boundary = (prev.pos === 'PUNCT' && [',', ';', '-', '–', '—', ':'].includes(prev.text)) || (['so', 'and', 'then'].includes(prev.lower) && t[k - 2]?.pos === 'PUNCT');
    if (!boundary) continue;
    const w = t[k];
    if (['please', 'kindly', 'pls', 'plz', 'lmk'].includes(w.lower)) return !CLOSING.test(t.slice(k).map((x) => x.text).join(' '));
    // (The tagger reads some clause-initial verbs as nouns: "…, check them when you can".)
    const verbLike = w.pos === 'VERB' || (w.pos === 'NOUN' && ['it', 'them', 'me', 'us'].includes(t[k + 1]?.lower ?? ''));
    if (verbLike && w.lower === w.lemma && !NOT_ASKING.has(w.lemma) && t[k + 1] && OBJECT.has(t[k + 1].lower)) {
      // "…, let me know" asks; "…, let me check with the team first" is the writer's own step.
      if (w.lemma === 'let' && !(['me', 'us'].includes(t[k + 1].lower) && t[k + 2]?.lower === 'know')) continue;
      return !CLOSING.test(t.slice(k).map((x) => x.text).join(' '));
    }
  }
  return false;
}

/** Something the writer wants done, said in the passive: "the old admin account should be deleted", "this needs to be fixed". */
function passiveAsk(s: Sent): boolean {
  const t = s.toks;
  for (let k = 1; k + 2 < t.length; k += 1) {
    const modal = ['should', 'must'].includes(t[k].lower) ? 1 : (['need', 'needs', 'has', 'have'].includes(t[k].lower) && t[k + 1]?.lower === 'to') ? 2 : 0;
    if (!modal || t[k + modal]?.lower !== 'be') continue;
    const verb = t[k + modal + 1];
    if (!verb || verb.pos !== 'VERB' || !/(?:ed|en|set|put|sent|made|done|shut|cut|reset|built|kept|left)$/.test(verb.lower)) continue;
    const subject = t.slice(0, k).map((x) => x.lower);
    if (subject.some((w) => ['i', 'we'].includes(w))) continue;
    if (['now', 'already'].includes(t[k + modal + 2]?.lower ?? '') || t[k - 1]?.lower === 'it') continue;
    return true;
  }
  return false;
}

/** Whether a sentence asks us for something. */
export function asks(s: Sent): boolean {
  const text = s.text.replace(URL, '');
  if (CLOSING.test(text)) return false;
  const t = s.toks;
  const line = ` ${t.map((x) => x.lemma).join(' ')} `;
  if (/\?\s*$|\?\s+\S/.test(text)) return true;
  const k = start(s);
  const head = t[k];
  if (!head) return false;
  if (head.lower === 'lmk') return true;
  // An interrogative without its question mark: "Could you confirm…", "is there a way…", "what does it cost".
  if (AUX.has(head.lower) && t[k + 1] && (t[k + 1].pos === 'PRON' || t[k + 1].pos === 'PROPN' || t[k + 1].pos === 'DET' || t[k + 1].lower === 'there')) {
    return !(head.lower === 'do' && t[k + 1]?.pos === 'VERB');
  }
  if (WH.has(head.lower) && t[k + 1] && (AUX.has(t[k + 1].lower) || t[k + 1].lemma === 'be')) return true;
  if (/ any update /.test(line)) return true;
  // An imperative: a base-form verb opening the sentence ("please reset…", "let us know…", "tell me more").
  const verb = head.lower === 'please' || head.lower === 'kindly' || head.lower === 'pls' || head.lower === 'do' ? t[k + 1] : head;
  if (verb && (verb.pos === 'VERB' || (verb === t[k] && k === 0 && verb.pos === 'NOUN' && verb.lower === verb.lemma)) && verb.lower === verb.lemma && !NOT_ASKING.has(verb.lemma)) {
    const next = t[t.indexOf(verb) + 1];
    // "Just need to finish the import on our side": the writer's own task, not an ask (only "need to know/see/get…" asks).
    if (verb.lemma === 'need' && next?.lower === 'to' && !['know', 'see', 'get', 'have', 'receive', 'hear', 'understand', 'confirm', 'check'].includes(t[t.indexOf(verb) + 2]?.lemma ?? '')) return false;
    if (!(verb.lemma === 'let' && next && !['me', 'us'].includes(next.lower))) return verb.pos === 'VERB' || head.lower === 'please' || head.lower === 'kindly';
  }
  if (head.lower === 'please' || head.lower === 'kindly') return true;
  if (clauseRequest(s) || passiveAsk(s)) return true;
  // A desiderative or indirect request, unless it reports someone's past asking.
  const want = first(s, WANT);
  if (want && !(REPORT.test(line) && /(?:ed|asked)\b/.test(t.slice(0, want.start + 3).map((x) => x.lower).join(' ')) && !/ (?:be wonder|be hope|be curious) /.test(line))) {
    if (t.slice(want.start, want.end + 1).some((x) => x.lower === 'wondered' || x.lower === 'asked')) return false;
    return true;
  }
  return false;
}

/** The sentences of a text that ask for something (questions and requests), verbatim. */
export function questionSentences(text: string): string[] {
  return analyze(text).filter(asks).map((s) => s.text);
}

export function asksSomething(parts: Utterance[]): boolean {
  return parts.some((u) => u.side === 'them' && questionSentences(u.text).length > 0);
}

const firstName = (n?: string | null) => (n ?? '').trim().split(/[\s.@]+/)[0]?.toLowerCase() ?? '';

/**
 * The requests among these sentences that are put to us: "Erik, could you check…" sent to Erik with us
 * in copy is the customer asking a colleague. A question that names one of us, or an email addressed
 * to us (or to nobody in particular), is ours to answer.
 */
function requestsForUs(signal: Signal, asked: string[], ctx: PerceiveContext): string[] {
  const theirNames = new Set(ctx.contacts.map((c) => firstName(c.name)).filter(Boolean));
  if (signal.kind !== 'email') {
    return asked.filter((q) => {
      const vocative = /^(?:hi |hey )?(\p{Lu}\p{Ll}+)\s*,/u.exec(q.trim())?.[1]?.toLowerCase();
      return !(vocative && theirNames.has(vocative));
    });
  }
  const ours = (email: string) => !matchesDomain(email, ctx.account.domains);
  const people = [...signal.to, ...signal.cc];
  const ourNames = new Set(people.filter((p) => ours(p.email)).map((p) => firstName(p.name ?? p.email)));
  for (const p of people) if (!ours(p.email)) theirNames.add(firstName(p.name ?? p.email));
  return asked.filter((q) => {
    const vocative = /^(?:hi |hey )?(\p{Lu}\p{Ll}+)\s*,/u.exec(q.trim())?.[1]?.toLowerCase();
    if (vocative && ourNames.has(vocative)) return true;
    if (vocative && theirNames.has(vocative)) return false;
    return signal.to.length === 0 || signal.to.some((p) => ours(p.email));
  });
}

/** The account's requests and questions to us in a signal (any register: a call, a ticket, a chat, an email to us). */
export function requestsOf(signal: Signal, parts: Utterance[], ctx: PerceiveContext): string[] {
  const asked = parts.filter((u) => u.side === 'them').flatMap((u) => questionSentences(u.text));
  return requestsForUs(signal, asked, ctx);
}

/** An inbound human message (email, chat, form) that asks us something. */
export function isQuestionForUs(signal: Signal, parts: Utterance[], ctx: PerceiveContext): boolean {
  const inbound = (signal.kind === 'email' && parts[0]?.side === 'them') || signal.kind === 'chat' || signal.kind === 'engagement';
  return inbound && requestsOf(signal, parts, ctx).length > 0;
}
