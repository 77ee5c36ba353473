// Small phrases the reasoners share: names, dates, and "what changed since the last touch".
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { lookup } from '../lookup.js';

const DAY = 86_400_000;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / DAY);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon, Nov 23" in UTC (hand-rolled: Intl formatting was a top cost on large accounts). */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

export function personName(c: Pick<Contact, 'email' | 'name'>): string {
  return c.name ?? c.email;
}

export function firstName(name: string | null | undefined): string | undefined {
  return name ? name.split(/\s+/)[0] : undefined;
}

function isHuman(s: Signal): boolean {
  return !(s.kind === 'email' && (s.auto || s.insights?.auto));
}

function ago(iso: string, asOf: string): string {
  const d = daysBetween(iso, asOf);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

/** "Last touch: your email … (6 days ago); last from them: … (9 days ago)." */
export function lastTouch(signals: Signal[], asOf: string): string {
  const human = signals.filter((s) => (s.kind === 'email' || s.kind === 'meeting' || s.kind === 'chat') && isHuman(s) && s.occurredAt <= asOf);
  const out = [...human].reverse().find((s) => s.kind === 'email' && s.direction === 'outbound');
  const inb = [...human].reverse().find((s) => (s.kind === 'email' && s.direction === 'inbound') || s.kind === 'chat');
  const meeting = [...human].reverse().find((s) => s.kind === 'meeting');
  const parts: string[] = [];
  if (out && out.kind === 'email') parts.push(`last from us: "${out.subject}" (${ago(out.occurredAt, asOf)})`);
  if (inb) parts.push(`last from them: ${inb.kind === 'email' ? `"${inb.subject}" from ${inb.from.name ?? inb.from.email}` : 'a message'} (${ago(inb.occurredAt, asOf)})`);
  if (meeting && meeting.kind === 'meeting') parts.push(`last meeting: "${meeting.title}" (${ago(meeting.occurredAt, asOf)})`);
  if (parts.length === 0) return 'No two-way contact on record yet.';
  const s = parts.join('; ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

// ---- What a recommendation is about, named from the perceived fields (never "it" or "that"). ----

const PRONOUN = /^(it|that|this|these|those|them|one|something|everything|anything|stuff|things?)$/i;
const LEAD_IN = /^.*?\b(?:i'll|i will|we'll|we will|i'm going to|we're going to|i can|we can|let me|i'd|we'd|i shall|we shall|going to|will|gonna|to)\s+(?:get|send|share|have|put together|prepare|provide|deliver|draft|write up|pull together|forward|email|circulate|loop in|set up|book|schedule|confirm|look into|follow up (?:on|with)|come back (?:to you )?(?:on|with)|check)\s+/i;
const YOULL_HAVE = /^.*?\byou(?:'ll| will) (?:have|get|receive|see)\s+/i;
const WE_OWE = /^.*?\bwe owe (?:them|you|him|her)\s+/i;
const RECIPIENT = /^(?:you|them|him|her|us|over|across|back|along|out)\s+(?:(?:you|them|him|her|us)\s+)?/i;
const PARTICLE = /\s+(?:over|across|back|along|out|through|up)$/i;
const TAIL = /\s+(?:by|before|on|until|tomorrow|today|tonight|next|this|early|end of|eod|eow|later|after|within|once|when|as soon as|from me|from us|first thing|in the (?:morning|afternoon)|asap|shortly|soon|so that|so you)\b.*$/i;

/** A short noun phrase for what a sentence promises: "the SOC 2 report" from "I'll send you the SOC 2 report by Friday". */
export function promisedThing(text: string): string | undefined {
  const s = text.replace(/\s+/g, ' ').trim();
  const m = [WE_OWE, YOULL_HAVE, LEAD_IN].map((re) => s.match(re)).find(Boolean);
  if (!m) return undefined;
  const object = s.slice(m[0].length).replace(RECIPIENT, '').replace(/[.!?;:,].*$/, '').replace(/\s+(?:and|then|so)\s+(?:i|we|then|get|come|send|let|circulate|follow|report|revert)\b.*$/i, '').replace(TAIL, '').replace(PARTICLE, '').trim();
  const words = object.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10 || PRONOUN.test(object) || words.every((w) => PRONOUN.test(w))) return undefined;
  return object;
}

/** What a commitment is about: the perceived deliverable, a phrase from the promise, else the subject it was made under. */
export function deliverableOf(c: { text: string; deliverable?: string }, s?: Signal): string {
  const perceived = c.deliverable?.trim();
  if (perceived && !PRONOUN.test(perceived)) return perceived;
  const phrase = promisedThing(c.text);
  if (phrase) return phrase;
  const subject = s?.kind === 'email' ? s.subject : s?.kind === 'meeting' ? s.title : s?.kind === 'ticket' ? s.subject : undefined;
  const topic = subject?.replace(/^((re|fwd?|aw):\s*)+/i, '').trim();
  return topic ? `what we promised on "${topic}"` : `what we promised on ${shortDate(s?.occurredAt ?? new Date().toISOString())}`;
}

/** "Lee Park" / "lee@acme.com" / undefined from a perceived successor. */
export function successorName(x: { name?: string; email?: string } | undefined): string | undefined {
  return x?.name?.trim() || x?.email?.trim() || undefined;
}

/** "the Denver office, about 40 seats" from a perceived expansion. */
export function expansionScope(e: { team?: string; seats?: number }): string | undefined {
  const team = e.team?.trim();
  const seats = e.seats && e.seats > 0 ? `${e.seats} seat${e.seats === 1 ? '' : 's'}` : undefined;
  if (team && seats) return `${/^(the|a|an|our|their)\b/i.test(team) ? team : `the ${team}`} (${seats})`;
  if (team) return /^(the|a|an|our|their)\b/i.test(team) ? team : `the ${team}`;
  return seats ? `${seats}` : undefined;
}

const UNITS = 'clinics?|offices?|studios?|teams?|departments?|divisions?|sites?|branch(?:es)?|subsidiar(?:y|ies)|business units?|regions?|plants?|warehouses?|hospitals?|stores?|labs?|depots?|locations?|campus(?:es)?|practices?|schools?';
const GROUP = new RegExp(`\\b(our|their|the|a new|a second|another|its)\\s+((?:[\\w-]+\\s+){0,2}?(?:${UNITS}))\\b`, 'i');
const TENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100 };
const ONES: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const HEADS = new RegExp(`\\b(\\d{1,5}|(?:${Object.keys(TENS).join('|')})(?:-(?:${Object.keys(ONES).join('|')}))?)\\s+(?:more\\s+|new\\s+|additional\\s+|extra\\s+)?(?:people|users|seats|staff|designers|engineers|agents|reps|nurses|employees|licen[cs]es|schedulers|dispatchers|analysts|accountants|drivers|technicians|members|colleagues|heads)\\b`, 'i');

/** Which group and how many people, read from the words themselves when perception did not say. */
export function scopeFromText(text: string): { team?: string; seats?: number } {
  const g = GROUP.exec(text);
  const h = HEADS.exec(text);
  let seats: number | undefined;
  if (h) {
    const w = h[1].toLowerCase();
    if (/^\d+$/.test(w)) seats = Number(w);
    else {
      const [tens, ones] = w.split('-');
      seats = (lookup(TENS, tens) ?? 0) + (ones ? lookup(ONES, ones) ?? 0 : 0);
    }
  }
  const det = g?.[1].toLowerCase();
  const team = g ? `${det === 'our' || det === 'its' ? 'their' : det === 'a new' || det === 'a second' || det === 'another' ? `a new` : 'the'} ${g[2].trim()}` : undefined;
  return { ...(team ? { team } : {}), ...(seats && seats > 1 ? { seats } : {}) };
}

const ASK_SEND = /\b(?:could|can|would|will)\s+(?:you|someone|one of you)\s+(?:please\s+)?(?:send|share|provide|forward|resend|give|get)\s+(?:(?:us|me|them|him|her|over)\s+)?(.+)$|\b(?:please|kindly)\s+(?:send|share|provide|forward|resend)\s+(?:(?:us|me|over)\s+)?(.+)$|\bi(?:'d| would) need\s+(.+)$|\b(?:we|i) (?:still )?need\s+(.+?)\s+(?:from you|before)\b/i;
const ASK_TELL = /\b(?:let (?:me|us) know|(?:could|can|would) you (?:please )?(?:confirm|tell (?:me|us)|advise|check)|wondering|i wonder|(?:please )?confirm)\s+(.+)$/i;
const ASK_NEWS = /\b(?:any|what(?:'s| is) the) (?:news|update|updates|movement|progress|word|joy|luck|eta|status)\s+(?:on|of|with|about|for|re)\s+(.+)$/i;
const OWN: Array<[RegExp, string]> = [[/\bour\b/gi, 'their'], [/\bus\b/gi, 'them'], [/\bwe\b/gi, 'they'], [/\bmy\b/gi, 'their'], [/\bI\b/g, 'they'], [/\bme\b/gi, 'them'], [/\byour\b/gi, 'our'], [/\byou\b/gi, 'we']];
const flip = (x: string) => OWN.reduce((acc, [re, to]) => acc.replace(re, to), x);
const cutTail = (x: string) => x.replace(/[?!.;:]+.*$/, '').replace(/,\s.*$/, '').replace(/\s+(?:and|so|because|as|since)\s+(?:let|we|i|our|it|they|then)\b.*$/i, '').trim();

const INDIRECT: Record<string, string> = {
  'is there': 'whether there is', 'are there': 'whether there are', 'is it possible to': 'whether it is possible to',
  'do you': 'whether we', 'does your': 'whether our', 'can we': 'whether they can', 'can i': 'whether they can',
  'does it': 'whether it', 'will it': 'whether it will', 'is it': 'whether it is',
  'how do we': 'how they can', 'how do i': 'how they can', 'how can we': 'how they can', 'how can i': 'how they can',
};
const YES_NO = new RegExp(`^(?:\\w+\\s+(?:one|question)[:,]?\\s+)?(${Object.keys(INDIRECT).map((k) => k.replace(/ /g, '\\s+')).join('|')})\\s+(.+)\\?`, 'i');

/** What a request asks of us, in our words: "send the SAML metadata for their workspace", "tell them whether …". */
export function requestedAction(sentence: string): string | undefined {
  const s = sentence.replace(/\s+/g, ' ').trim();
  const send = ASK_SEND.exec(s);
  if (send) {
    const thing = cutTail(send[1] ?? send[2] ?? send[3] ?? send[4] ?? '').replace(PARTICLE, '');
    const words = thing.split(/\s+/).filter(Boolean);
    if (words.length && words.length <= 12 && !PRONOUN.test(thing)) return `send ${flip(thing)}`;
  }
  // A yes/no or how question, turned into what to tell them: "is there a way to X?" → "tell them whether there is a way to X".
  const q = YES_NO.exec(s.replace(/^.*?[:;–—-]\s+(?=\w)/, ''));
  if (q) {
    const rest = cutTail(q[2]);
    const head = q[1].toLowerCase().replace(/\s+/g, ' ');
    const lead = lookup(INDIRECT, head);
    if (lead && rest.split(/\s+/).length <= 16) return `tell them ${lead} ${flip(rest)}`;
  }
  // A chaser: "any movement on the SLA addendum?" wants news of that thing.
  const news = ASK_NEWS.exec(s);
  if (news) {
    const thing = cutTail(news[1]);
    const words = thing.split(/\s+/).filter(Boolean);
    if (words.length && words.length <= 10 && !PRONOUN.test(thing)) return `update them on ${flip(thing)}`;
  }
  const tell = ASK_TELL.exec(s);
  if (tell) {
    const what = cutTail(tell[1]).replace(/^(?:to me|to us|me|us)\s+/i, '');
    const words = what.split(/\s+/).filter(Boolean);
    if (words.length >= 2 && words.length <= 16 && /^(?:if|whether|what|when|who|how|which|where|why)\b/i.test(what)) return `tell them ${flip(what)}`;
  }
  return undefined;
}

/** What the latest of their asks wants of us, in our words; undefined when none reads as an act. */
export function latestRequestedAction(asked: string[]): string | undefined {
  return [...asked].reverse().map(requestedAction).find(Boolean);
}
