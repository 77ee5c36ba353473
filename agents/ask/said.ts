// What someone said about a topic: the SENTENCE in their own words that is most about it, not the
// subject line of the message it came in. Sentences are cut from the signal's canonical text, so a
// quote is always verbatim; they are scored by overlap of stemmed content words with the topic
// (with a few related words per sales topic), and memory retrieval breaks ties between signals.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { sentences } from '../evidence.js';
import { terms } from '../memory/local-embedder.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import { plainTranscriptTurns } from '../perception/utterances.js';
import { matchesDomain } from '../signals/direction.js';
import { lookup } from '../lookup.js';

export interface Said {
  signal: Signal;
  /** Verbatim, a substring of the signal's text. */
  sentence: string;
  /** The speaker's name as written (calls and chat). */
  speaker?: string;
}

const lower = (x: string | null | undefined) => (x ?? '').toLowerCase();

/** Does a speaker label or address belong to one of these people? */
function isOneOf(people: Contact[], who: { email?: string | null; name?: string | null }): boolean {
  const email = lower(who.email);
  const name = lower(who.name);
  return people.some((p) => (email && lower(p.email) === email)
    || (name && p.name && (name === lower(p.name) || name.split(/\s+/)[0] === lower(p.name).split(/\s+/)[0])));
}

function pieces(s: Signal, text: string, speaker?: string): Said[] {
  return sentences(text).map((sentence) => ({ signal: s, sentence, ...(speaker ? { speaker } : {}) }));
}

/**
 * The sentences said by these people (null: by anyone on the account's side, or by anyone at all
 * when `anySide`), oldest first. Emails give their new text (quoted replies stripped), calls the
 * turns of the speaker, chat and tickets and forms their text.
 */
export function sentencesBy(signals: Signal[], people: Contact[] | null, opts: { domains: string[]; anySide?: boolean }): Said[] {
  const anySide = opts.anySide ?? false;
  const out: Said[] = [];
  const mine = (who: { email?: string | null; name?: string | null }, theirSide: boolean) => (people ? isOneOf(people, who) : anySide || theirSide);
  for (const s of signals) {
    switch (s.kind) {
      case 'email':
        if (s.auto || s.insights?.auto) break;
        if (mine(s.from, s.direction !== 'outbound')) out.push(...pieces(s, stripQuotedReply(s.text) || s.text));
        break;
      case 'meeting': {
        const turns = typeof s.transcript === 'string' ? plainTranscriptTurns(s.transcript) : s.transcript;
        for (const turn of turns) {
          const attendee = s.attendees.find((a) => lower(a.name) === lower(turn.speaker));
          const theirs = attendee?.email ? matchesDomain(attendee.email, opts.domains) : true;
          if (mine({ name: turn.speaker, email: attendee?.email }, theirs)) out.push(...pieces(s, turn.text, turn.speaker));
        }
        break;
      }
      case 'chat':
        if (mine(s.author, true)) out.push(...pieces(s, s.text, s.author.name));
        break;
      case 'ticket':
        if (mine({ email: s.requesterEmail }, true)) out.push(...pieces(s, s.text));
        break;
      case 'engagement':
        if (s.text && mine({ email: s.contactEmail, name: s.contactName }, true)) out.push(...pieces(s, s.text));
        break;
      case 'note':
        if (anySide && !people) out.push(...pieces(s, s.text));
        break;
      default:
        break;
    }
  }
  return out;
}

const PUSHBACK = ['redlin', 'concern', 'point', 'clause', 'chang', 'accept', 'issu', 'problem', 'objection'];

/** Words that stand for a sales topic when the question names it (stems, as `terms` gives them). */
const RELATED: Record<string, string[]> = {
  budget: ['cost', 'spend', 'price', 'pric', 'fund', 'money', 'financ', 'afford', 'sign-off', 'approv', 'cap', 'cut'],
  pric: ['price', 'cost', 'quot', 'discount', 'rate', 'fee', 'budget', 'tier', 'seat', 'licens'],
  price: ['pric', 'cost', 'quot', 'discount', 'rate', 'fee', 'budget'],
  cost: ['price', 'pric', 'budget', 'spend', 'fee'],
  renewal: ['renew', 'contract', 'term', 'extend', 'continu'],
  renew: ['renewal', 'contract', 'term', 'extend', 'continu'],
  contract: ['agreement', 'terms', 'clause', 'sign', 'msa', 'renewal', 'order'],
  security: ['soc', 'secur', 'compliance', 'questionnair', 'pen', 'audit', 'iso', 'gdpr', 'encrypt'],
  secur: ['soc', 'security', 'compliance', 'questionnair', 'audit'],
  legal: ['contract', 'clause', 'liability', 'indemn', 'terms', 'dpa', 'counsel', 'redlin'],
  liability: ['liabl', 'indemn', 'cap', 'clause', 'uncap'],
  timelin: ['date', 'deadline', 'schedul', 'week', 'month', 'quarter', 'launch', 'go-liv', 'plan'],
  timeline: ['date', 'deadline', 'schedul', 'week', 'month', 'quarter', 'launch', 'plan'],
  competitor: ['compar', 'evaluat', 'alternativ', 'vendor', 'trial', 'pilot', 'quot'],
  usage: ['use', 'adoption', 'login', 'active', 'user'],
  hir: ['hire', 'headcount', 'staff', 'recruit'],
  support: ['ticket', 'help', 'respons', 'servic', 'issu', 'outag', 'incident'],
  // Pushing back ("what did legal push back on?"): what they want changed or object to.
  push: PUSHBACK, pushback: PUSHBACK, objection: PUSHBACK, object: PUSHBACK,
  concern: ['worri', 'risk', 'issu', 'problem', 'redlin', 'objection'],
  // Whether something broken is mended: "is the export problem fixed?" meets "resolved" and "running again".
  fix: ['resolv', 'solv', 'work', 'running', 'restor', 'mend', 'patch'],
  problem: ['issu', 'fail', 'error', 'broken', 'outag', 'bug', 'incident', 'down'],
  talk: ['call', 'meet', 'speak', 'chat', 'discuss', 'demo'],
};

export interface TopicTerms { core: Set<string>; related: Set<string> }

export function topicTerms(topic: string, drop: string[] = []): TopicTerms {
  const dropped = new Set(drop.flatMap((d) => terms(d)));
  const core = new Set(terms(topic).filter((w) => !dropped.has(w)));
  // Relatedness runs both ways: "money" is listed under budget, so a question about money finds budget.
  const related = new Set([...core].flatMap((w) => [...(lookup(RELATED, w) ?? []), ...Object.keys(RELATED).filter((k) => RELATED[k].includes(w))]).filter((w) => !core.has(w)));
  return { core, related };
}

const prefixMatch = (a: string, b: string) => a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);

/** How much one sentence is about the topic: 1 per topic word it uses, ½ per related or near word. */
export function topicScore(sentence: string, topic: TopicTerms): number {
  let score = 0;
  for (const w of new Set(terms(sentence))) {
    if (topic.core.has(w)) score += 1;
    else if (topic.related.has(w) || [...topic.related].some((r) => w.startsWith(r) && r.length >= 3)) score += 0.5;
    else if ([...topic.core].some((c) => prefixMatch(c, w))) score += 0.5;
  }
  return score;
}

/**
 * The sentences most about the topic, best first (only those that touch it). `rank` (signal id →
 * position in memory retrieval) breaks ties, then recency.
 */
export function bestSentences(said: Said[], topic: TopicTerms, rank: Map<string, number> = new Map()): Array<Said & { score: number }> {
  return said
    .map((x, i) => ({ ...x, i, score: topicScore(x.sentence, topic) }))
    .filter((x) => x.score > 0)
    .map((x) => ({ ...x, score: x.score + (rank.has(x.signal.id) ? 0.25 / (1 + rank.get(x.signal.id)!) : 0) }))
    .sort((a, b) => b.score - a.score || b.i - a.i)
    .map(({ i: _i, ...x }) => x);
}

/** A quote of at most `max` characters, still verbatim (cut, never rewritten). */
export function clip(sentence: string, max = 300): string {
  return sentence.length <= max ? sentence : sentence.slice(0, max);
}

/** A question that asks what someone asked of us: "what did the CFO ask for?", "what does IT need?". */
export const ASKED_FOR = /\b(?:ask(?:s|ed)? (?:us )?(?:for|about)|ask(?:s|ed)? (?:us|me|them) to|asked|want(?:s|ed)?|need(?:s|ed)?|request(?:s|ed)?|requir(?:e|es|ed)|looking for|expect(?:s|ed)?)\b|\bafter(?=\W*$)/;

/** The words of wanting in a sentence: a need, a wish, a condition or a direct ask. */
const ASKING = /\b(?:need|needs|needed|require[sd]?|want|wants|would like|'d like|must|have to|has to|expect|can you|could you|would you|will you|please|unless|otherwise|before we)\b|\?\s*$/i;

/**
 * What these people asked of us, oldest first: sentences perception read as a request put to us,
 * or that carry the words of wanting.
 */
export function asksIn(said: Said[]): Said[] {
  return said.filter((x) => (x.signal.insights?.requests ?? []).some((r) => r.text.includes(x.sentence) || x.sentence.includes(r.text)) || ASKING.test(x.sentence));
}

/** Their last sentence of substance in one signal (a call turn of theirs, not the meeting's opening nor a sign-off). */
export function lastOwnSentence(said: Said[], signal: Signal): Said | undefined {
  const mine = said.filter((x) => x.signal === signal);
  const courtesy = (x: string) => /\b(?:thanks|thank you|cheers|bye|see you|talk soon|welcome)\b/i.test(x) && x.split(/\s+/).length < 10;
  return [...mine].reverse().find((x) => x.sentence.split(/\s+/).length >= 6 && !courtesy(x.sentence)) ?? mine[mine.length - 1];
}

/** Someone handing over: "Felix will be picking up the relationship", "Lee takes over from Dana". */
export const HANDOVER = /\b(?:tak(?:e|es|ing)|took|taken) over\b|\bpick(?:s|ing|ed)? up\b|\breplac(?:e|es|ing|ed|ement)\b|\bsuccessor\b|\bhand(?:s|ing|ed)?\s+(?:\w+\s+)?over\b|\b(?:new|main|primary) (?:point of )?contact\b|\bin charge\b|\bcover(?:s|ing)? for\b|\bstep(?:s|ping)? in\b|\bwill (?:own|lead|run|manage)\b|\bfill(?:s|ing)? in for\b|\binherit/i;

const LEAD_INS = /^(?:(?:hi|hello|hey|thanks|thank you)\b[^,.!:]*[,.!:]\s*)?(?:(?:on|re|regarding|about|as for|as to|for)\s+[^,:]{1,40}[:,]\s*|(?:one more thing|quick one|(?:quick |a )?heads[- ]up|fyi|also|so|ok(?:ay)?|well)[:,]?\s+)?/i;
const PERSON: Array<[RegExp, string]> = [[/\bour\b/gi, 'their'], [/\bours\b/gi, 'theirs'], [/\bus\b/g, 'them'], [/\bwe\b/gi, 'they'], [/\bwe're\b/gi, "they're"], [/\bwe've\b/gi, "they've"], [/\bwe'll\b/gi, "they'll"], [/\bwe'd\b/gi, "they'd"], [/\bmy\b/gi, 'their'], [/\bI'm\b/g, 'they are'], [/\bI've\b/g, 'they have'], [/\bI'll\b/g, 'they will'], [/\bI'd\b/g, 'they would'], [/\bI\b/g, 'they'], [/\bme\b/gi, 'them'], [/\byour\b/gi, 'our'], [/\byou\b/gi, 'we']];

/**
 * The sentence in reported speech, from the asker's side: lead-ins such as "On budget:" dropped and
 * persons turned ("our process" → "their process", "your team" → "our team"); undefined when that
 * changes nothing (then the quote says it all).
 */
export function reported(sentence: string): string | undefined {
  const body = sentence.trim().replace(LEAD_INS, '');
  let out = PERSON.reduce((acc, [re, to]) => acc.replace(re, to), body).replace(/[.!?]+$/, '');
  out = out.charAt(0).toLowerCase() + out.slice(1);
  const same = out.toLowerCase() === sentence.trim().replace(/[.!?]+$/, '').toLowerCase();
  return same || out.split(/\s+/).length < 3 ? undefined : out;
}
