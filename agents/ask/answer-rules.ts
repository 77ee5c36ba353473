// The offline answerer: classifies the question and answers from the agent's own state and memory.
// Every claim it makes comes with a citation quoting the signal verbatim.
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { Assessment, Factor } from '../risk/types.js';
import type { MemoryHit, RetrieveQuery } from '../graph/deps.js';
import { excerptFor, excerptIsIn, openingExcerpt, signalText } from '../evidence.js';
import { stakeholderMap, participants } from '../stakeholders.js';
import { commitmentsOf } from '../commitments.js';
import { shortDate, daysBetween, personName, deliverableOf, requestedAction } from '../reasoners/describe.js';
import { classifyQuestion, type Intent } from './intent.js';
import { Cites, ago, describeSignal as describe, label, whereSaid, type Citation } from './cites.js';
import { nextSteps, recentChanges, summary, type OpenRecommendationView } from './overview.js';
import { ASKED_FOR, HANDOVER, asksIn, bestSentences, clip, lastOwnSentence, reported, sentencesBy, topicScore, topicTerms, type TopicTerms } from './said.js';
import { terms } from '../memory/local-embedder.js';
import { recordInWords } from './records.js';

const firstNameOf = (name: string) => name.split(/\s+/)[0];
import { usageSlidesFor, usageTrendsFor } from '../risk/model.js';
import { nextMeetingOf } from '../risk/timeline.js';
import { matchesDomain } from '../signals/direction.js';

export type { Citation } from './cites.js';
export type { OpenRecommendationView } from './overview.js';
export interface Answer { answer: string; citations: Citation[]; intent: Intent; reasoner: string }

export interface AskContext {
  question: string;
  account: Account;
  contacts: Contact[];
  signals: Signal[];
  assessment: Assessment;
  asOf: string;
  retrieve(q: RetrieveQuery): Promise<MemoryHit[]>;
  /** The account's open recommendations (proposed and snoozed); absent: what the rules reasoner would propose now. */
  openRecommendations?: OpenRecommendationView[];
}

function factorLine(f: Factor, i: number): string {
  return `${i + 1}) ${f.explanation.replace(/\.$/, '')} [${f.factor}]`;
}

type Handler = (ctx: AskContext, byId: Map<string, Signal>, cites: Cites, people: Contact[], topic: string) => Promise<string> | string;

const PRONOUN = /\b(she|he|her|him|hers|his)\b/i;

/** The person a pronoun in an excerpt stands for: the last contact, or full name, named before it in the same signal. */
function personBefore(excerpt: string, s: Signal | undefined, contacts: Contact[]): { name: string; pronoun: string } | undefined {
  const pronoun = PRONOUN.exec(excerpt)?.[1];
  if (!pronoun || !s) return undefined;
  const text = signalText(s);
  const at = text.indexOf(excerpt);
  if (at <= 0) return undefined;
  const before = text.slice(Math.max(0, at - 400), at);
  const named = contacts.filter((c) => c.name && before.includes(c.name)).sort((a, b) => before.lastIndexOf(b.name!) - before.lastIndexOf(a.name!))[0]?.name;
  const full = [...before.matchAll(/\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)? [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\b(?! (?:Inc|Ltd|LLC|GmbH)\b)/g)].map((m) => m[1]).filter((n) => !/^(?:Hi|Hello|Dear|Thanks|Meet|Best|Kind|Many|Good|Happy)\b/.test(n)).pop();
  const name = named && (!full || before.lastIndexOf(named) >= before.lastIndexOf(full)) ? named : full;
  return name ? { name, pronoun } : undefined;
}

/** Paper a renewal turns on, in a promise of ours. */
const RENEWAL_PAPER = /\b(?:renew\w*|quote|order form|contract|proposal|invoice|pricing|price|terms|msa|dpa)\b/i;

/** Signal kinds made of someone's words (not records). */
const WORDS = ['email', 'meeting', 'chat', 'ticket', 'note', 'engagement', 'news'];

const HANDLERS: Record<Intent, Handler> = {
  why_at_risk(ctx, byId, cites) {
    const a = ctx.assessment;
    const factors = [...a.factors].sort((x, y) => y.weight - x.weight);
    for (const f of factors.slice(0, 5)) for (const id of f.evidence.slice(-2)) cites.add(byId.get(id), f.explanation);
    const opp = a.opportunities.length ? ` Opportunities: ${a.opportunities.map((o) => o.explanation.replace(/\.$/, '')).join('; ')}.` : '';
    if (factors.length === 0) return `${ctx.account.name} is at ${a.level} risk (score ${a.score}/100): no risk factor is flagged as of ${shortDate(ctx.asOf)}.${opp}`;
    return `${ctx.account.name} is at ${a.level} risk (score ${a.score}/100). Strongest reasons first: ${factors.slice(0, 5).map(factorLine).join('; ')}.${opp}`;
  },
  champion(ctx, byId, cites) {
    const champions = ctx.contacts.filter((c) => c.role === 'champion');
    // A promotion or new title in place (role_changed) keeps the champion, as the risk model reads it:
    // only leaving, moving to another role, or a bouncing address takes them out.
    const changes = ctx.signals.flatMap((s) => (s.insights?.stakeholderChanges ?? []).filter((ch) => ch.change !== 'role_changed' && ch.change !== 'joined').map((ch) => ({ ch, s })));
    const promotions = ctx.signals.flatMap((s) => (s.insights?.stakeholderChanges ?? []).filter((ch) => ch.change === 'role_changed').map((ch) => ({ ch, s })));
    const parts: string[] = [];
    for (const c of champions) {
      const change = [...changes].reverse().find(({ ch }) => ch.contactEmail === c.email || (c.name && ch.name && c.name.toLowerCase().includes(ch.name.toLowerCase())));
      if (change || c.status !== 'active') {
        if (change) cites.add(change.s, change.ch.text);
        parts.push(`${label(c)} is recorded as the champion but has ${change ? (change.ch.change === 'moved' ? 'moved to another role' : change.ch.change === 'left' ? 'left' : change.ch.change.replace(/_/g, ' ')) : c.status}${change ? ` (${shortDate(change.s.occurredAt)}: "${excerptFor(change.s, change.ch.text)}")` : ''}`);
      } else {
        const st = stakeholderMap([c], ctx.signals, ctx.asOf)[0];
        if (st.lastFromThem) cites.add(byId.get(st.lastFromThem.signalId));
        const promoted = [...promotions].reverse().find(({ ch }) => ch.contactEmail === c.email || (c.name && ch.name && c.name.toLowerCase().includes(ch.name.toLowerCase())));
        if (promoted) cites.add(promoted.s, promoted.ch.text);
        parts.push(`${label(c)} is the champion${promoted ? `, in a new role since ${shortDate(promoted.s.occurredAt)} ("${excerptFor(promoted.s, promoted.ch.text)}")` : ''}${st.lastFromThem ? `; last heard from ${ago(st.lastFromThem.at, ctx.asOf)}` : ''}`);
      }
    }
    if (parts.length === 0) return `No champion is recorded at ${ctx.account.name}. Active contacts: ${ctx.contacts.filter((c) => c.status === 'active').map(label).join(', ') || 'none'}.`;
    const active = ctx.contacts.filter((c) => c.status === 'active' && c.role !== 'champion');
    const noActiveChampion = champions.every((c) => c.status !== 'active' || changes.some(({ ch }) => ch.contactEmail === c.email));
    return `${parts.join('. ')}.${noActiveChampion ? ` There is no active champion now${active.length ? `; candidates: ${active.slice(0, 3).map(label).join(', ')}` : ''}.` : ''}`;
  },
  stakeholders(ctx, byId, cites) {
    const map = stakeholderMap(ctx.contacts, ctx.signals, ctx.asOf);
    if (map.length === 0) return `No contacts are recorded at ${ctx.account.name}.`;
    const lines = map.map((st) => {
      if (st.lastFromThem) cites.add(byId.get(st.lastFromThem.signalId));
      const heard = st.lastFromThem ? `last heard from ${ago(st.lastFromThem.at, ctx.asOf)}` : 'never heard from';
      return `${label(st)}${st.status !== 'active' ? ` — ${st.status}` : ''}: ${heard}`;
    });
    const silent = map.filter((st) => st.status === 'active' && (st.daysSinceHeard === null || st.daysSinceHeard >= 14));
    return `${ctx.account.name}'s stakeholders: ${lines.join('; ')}.${silent.length ? ` Silent for 14+ days: ${silent.map((s) => personName(s)).join(', ')}.` : ''}`;
  },
  last_contact(ctx, _byId, cites) {
    const human = ctx.signals.filter((s) => ['email', 'meeting', 'chat', 'calendar'].includes(s.kind) && !(s.kind === 'email' && (s.auto ?? s.insights?.auto)));
    const lastIn = [...human].reverse().find((s) => (s.kind === 'email' && s.direction === 'inbound') || s.kind === 'chat' || s.kind === 'meeting');
    const lastOut = [...human].reverse().find((s) => s.kind === 'email' && s.direction === 'outbound');
    if (!lastIn && !lastOut) return `There is no two-way contact on record with ${ctx.account.name}.`;
    const parts: string[] = [];
    if (lastIn) { cites.add(lastIn); parts.push(`last from them: ${describe(lastIn)} ${ago(lastIn.occurredAt, ctx.asOf)} (${shortDate(lastIn.occurredAt)})`); }
    if (lastOut) { cites.add(lastOut); parts.push(`last from us: ${describe(lastOut)} ${ago(lastOut.occurredAt, ctx.asOf)} (${shortDate(lastOut.occurredAt)})`); }
    return `${ctx.account.name} — ${parts.join('; ')}.`;
  },
  next_meeting(ctx, _byId, cites) {
    const next = nextMeetingOf(ctx.signals, ctx.account, ctx.contacts, Date.parse(ctx.asOf));
    if (!next) {
      const last = [...ctx.signals].reverse().find((s) => s.kind === 'meeting' && s.occurredAt <= ctx.asOf);
      if (last) cites.add(last);
      return `Nothing is booked with ${ctx.account.name}${last ? `; the last meeting was "${last.kind === 'meeting' ? last.title : ''}" on ${shortDate(last.occurredAt)}` : ''}.`;
    }
    cites.add(next);
    const theirs = next.attendees.filter((a) => a.email && matchesDomain(a.email, ctx.account.domains));
    return `The next meeting with ${ctx.account.name} is "${next.title}" on ${shortDate(next.startsAt)} (in ${daysBetween(ctx.asOf, next.startsAt)} days)${theirs.length ? `, with ${theirs.map((a) => a.name ?? a.email).join(', ')}` : ''}.`;
  },
  commitments(ctx, byId, cites) {
    const all = commitmentsOf(ctx.signals, ctx.asOf);
    if (all.length === 0) return `I found no commitments on record for ${ctx.account.name}.`;
    const line = (c: (typeof all)[number]) => {
      const s = byId.get(c.signalId);
      cites.add(s, c.text);
      // What it is, in our words, before the promise as it was said.
      const thing = deliverableOf({ text: c.text, deliverable: s?.insights?.commitments.find((x) => x.text === c.text)?.deliverable }, s);
      return `${thing} (${c.who ?? (c.owner === 'us' ? 'us' : 'them')}, ${shortDate(c.madeAt)}${c.dueAt ? `, due ${shortDate(c.dueAt)}` : ''}) — ${c.status}: "${c.text}"`;
    };
    const ours = all.filter((c) => c.owner === 'us');
    const theirs = all.filter((c) => c.owner === 'them');
    const overdue = ours.filter((c) => c.status === 'overdue').length;
    return [
      ours.length ? `We promised: ${ours.map(line).join('; ')}.` : 'We have no recorded promises.',
      theirs.length ? `They promised: ${theirs.map(line).join('; ')}.` : '',
      overdue ? `${overdue} of ours ${overdue === 1 ? 'is' : 'are'} overdue.` : '',
    ].filter(Boolean).join(' ');
  },
  async renewal(ctx, byId, cites) {
    const a = ctx.account;
    const f = ctx.assessment.factors.find((x) => x.factor === 'renewal_approaching');
    if (f) for (const id of f.evidence.slice(-2)) cites.add(byId.get(id), 'renewal');
    const mentions = ctx.signals.filter((s) => /\brenew/i.test(excerptFor(s, 'renewal renew')));
    for (const s of mentions.slice(-2)) cites.add(s, 'renewal renew');
    const base = a.renewalDate
      ? `${a.name} renews on ${shortDate(a.renewalDate)} (${daysBetween(ctx.asOf, a.renewalDate)} days from now)`
      : `${a.name} has no renewal date on record`;
    const risk = f ? ` ${f.explanation.replace(/\.$/, '')}.` : '';
    const talk = mentions.length ? ` Last renewal mention: ${shortDate(mentions[mentions.length - 1].occurredAt)}.` : ' No renewal conversation is on record.';
    // Where it stands, in their words: the latest step towards renewing or away from it, and what we owe for it.
    const stance = ctx.signals.filter((s) => s.direction !== 'outbound' && (s.insights?.churnIntent || (s.insights?.buying.length ?? 0) > 0)).slice(-1)[0];
    const stanceText = stance ? stance.insights!.churnIntent?.text ?? stance.insights!.buying[0].text : undefined;
    if (stance && stanceText) cites.addQuote(stance, stanceText);
    const said = stance && stanceText ? ` Latest from them (${describe(stance)}, ${shortDate(stance.occurredAt)}): ${stance.insights!.churnIntent ? 'they may not stay' : 'a step towards buying'}, "${stanceText}"` : '';
    const owed = commitmentsOf(ctx.signals, ctx.asOf).filter((c) => c.owner === 'us' && c.status !== 'done' && RENEWAL_PAPER.test(c.text));
    for (const c of owed) cites.add(byId.get(c.signalId), c.text);
    const owes = owed.length ? ` We owe them: ${owed.map((c) => `${deliverableOf({ text: c.text, deliverable: c.deliverable }, byId.get(c.signalId))}${c.dueAt ? ` (due ${shortDate(c.dueAt)}, ${c.status})` : ` (${c.status})`}`).join('; ')}.` : '';
    return `${base}; current risk ${ctx.assessment.level} (score ${ctx.assessment.score}).${risk}${talk}${said}${owes}`;
  },
  usage(ctx, _byId, cites) {
    const usage = ctx.signals.filter((s) => s.kind === 'usage');
    if (usage.length === 0) return `No product usage data is on record for ${ctx.account.name}.`;
    const trends = usageTrendsFor({ account: ctx.account, contacts: ctx.contacts, signals: ctx.signals, asOf: ctx.asOf });
    const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10).toString();
    const lines = trends.map((u) => {
      cites.add(u.latest);
      cites.add(u.firstBaseline);
      // The level now ("how many seats are in use?") as well as the trend.
      return `${u.metric}: ${fmt(u.recent)} over the last 7 days vs ${fmt(u.baseline)} over the 28 days before (${u.changePct >= 0 ? '+' : ''}${Math.round(u.changePct)}%), latest ${u.latest.value} on ${shortDate(u.latest.occurredAt)}`;
    });
    // A steady slide the 7-day window does not show on its own.
    const slides = usageSlidesFor({ account: ctx.account, contacts: ctx.contacts, signals: ctx.signals, asOf: ctx.asOf });
    for (const u of slides) {
      cites.add(u.first);
      cites.add(u.latest);
      lines.push(`${u.metric} has slid steadily: weekly means ${u.weeks.map((w) => fmt(w.mean)).join(' → ')} over ${u.weeks.length} weeks (fitted ${Math.round(u.changePct)}%, about ${fmt(-u.perWeekPct)}% a week)`);
    }
    const latest = usage[usage.length - 1];
    if (lines.length === 0) {
      cites.add(latest);
      return `Not enough usage history at ${ctx.account.name} for a baseline; the latest point is ${excerptFor(latest)} on ${shortDate(latest.occurredAt)}.`;
    }
    const f = ctx.assessment.factors.find((x) => x.factor === 'usage_drop') ?? ctx.assessment.opportunities.find((x) => x.factor === 'usage_growth');
    return `Usage at ${ctx.account.name}: ${lines.join('; ')}.${f ? ` Flagged: ${f.factor}.` : ''}`;
  },
  competitors(ctx, _byId, cites) {
    const found = ctx.signals.flatMap((s) => (s.insights?.competitors ?? []).map((c) => ({ c, s })));
    if (found.length === 0) return `No competitor has been mentioned on ${ctx.account.name}'s record.`;
    const names = [...new Set(found.map((f) => f.c.name))];
    const lines = names.map((n) => {
      const hits = found.filter((f) => f.c.name === n);
      const last = hits[hits.length - 1];
      cites.add(last.s, last.c.text);
      return `${n}${last.c.replacing ? ' (the tool they are replacing)' : ''}: ${hits.length} mention${hits.length === 1 ? '' : 's'}, last ${shortDate(last.s.occurredAt)}`;
    });
    return `Competitors mentioned at ${ctx.account.name}: ${lines.join('; ')}.`;
  },
  async what_said(ctx, byId, cites, people, topic) {
    const nameWords = people.flatMap((p) => [p.name ?? '', p.title ?? '', p.role?.replace(/_/g, ' ') ?? '']);
    const ROLE_AND_TITLE = ['procurement', 'purchasing', 'security', 'legal', 'counsel', 'cfo', 'ceo', 'cto', 'cio', 'coo', 'ciso', 'vp', 'head', 'director', 'champion', 'buyer', 'sponsor', 'evaluator', 'team', 'recently', 'lately', 'think', 'thinks', 'feel', 'feels'];
    // "What did the CFO ask for?": the asking is the question, not its topic.
    const askedFor = ASKED_FOR.test(ctx.question.toLowerCase());
    const want = topicTerms(askedFor ? topic.replace(new RegExp(ASKED_FOR.source, 'g'), ' ') : topic, [...nameWords, ...ROLE_AND_TITLE]);
    const who = people.length ? people.map((p) => personName(p)).join(' / ') : 'They';
    const said = sentencesBy(ctx.signals, people.length ? people : null, { domains: ctx.account.domains });
    const asks = askedFor && want.core.size === 0 ? asksIn(said).slice(-2).reverse() : [];
    if (asks.length) {
      for (const a of asks) cites.addQuote(a.signal, clip(a.sentence));
      // What they want, as an act of ours ("update them on the revised SOW"), else their words from our side.
      const act = requestedAction(asks[0].sentence);
      const gist = act ? `they want us to ${act}` : reported(asks[0].sentence);
      return `${asks.map((a, i) => `${i === 0 ? `${who} asked` : 'Before that,'} ${whereSaid(a.signal)} on ${shortDate(a.signal.occurredAt)} (${ago(a.signal.occurredAt, ctx.asOf)}): "${clip(a.sentence)}"`).join(' ')}${gist ? ` In short: ${gist}.` : ''}`;
    }
    if (want.core.size === 0) {
      // No topic ("what did Nina say last?"): the latest messages, in their own words (their turn of a call, not its opening).
      const latest = [...new Set(said.map((x) => x.signal))].slice(-2).reverse();
      if (latest.length === 0) return `I found nothing from ${people.length ? people.map(label).join(', ') : ctx.account.name} in the account's memory.`;
      const quote = (s: Signal) => (s.kind === 'meeting' ? clip(lastOwnSentence(said, s)?.sentence ?? openingExcerpt(s)) : openingExcerpt(s));
      for (const s of latest) cites.addQuote(s, quote(s));
      return latest.map((s, i) => `${i === 0 ? `${who} last said` : 'Before that'} (${shortDate(s.occurredAt)}, ${ago(s.occurredAt, ctx.asOf)}, ${describe(s)}): "${quote(s)}"`).join(' ');
    }
    // Memory retrieval ranks the signals about the topic; the sentence is chosen within them by its words.
    const hits = await ctx.retrieve({ accountId: ctx.account.id, query: topic, k: 8, before: ctx.asOf });
    const rank = new Map(hits.map((h, i) => [h.signalId, i] as const));
    const best = bestSentences(said, want, rank);
    const topicWords = [...want.core].join(' ');
    if (best.length === 0) {
      const dropped = new Set([...nameWords, ...ROLE_AND_TITLE].flatMap((w) => w.toLowerCase().split(/\s+/)));
      const shown = topic.split(/\s+/).filter((w) => w && !dropped.has(w)).join(' ') || topicWords;
      return `I found nothing from ${people.length ? people.map(label).join(', ') : ctx.account.name} about "${shown}" in the account's memory.`;
    }
    // The strongest sentence, and one more from another message when it is about as strong; newest first.
    const top = best[0];
    const second = best.find((x) => x.signal.id !== top.signal.id && x.score >= top.score * 0.9);
    const picks = (second ? [top, second] : [top]).sort((a, b) => b.signal.occurredAt.localeCompare(a.signal.occurredAt));
    for (const p of picks) cites.addQuote(p.signal, clip(p.sentence));
    const speaker = (p: typeof top) => (people.length ? who : p.speaker ?? (p.signal.kind === 'email' ? p.signal.from.name ?? p.signal.from.email : 'Someone at the account'));
    const about = topic.split(/\s+/).filter((w) => w && !new Set([...nameWords, ...ROLE_AND_TITLE].flatMap((x) => x.toLowerCase().split(/\s+/))).has(w)).join(' ') || topicWords;
    // The quote, then what it says in our words (reported speech from the asker's side), when that differs.
    const gist = reported(top.sentence);
    return `${picks.map((p, i) => `${i === 0 ? `${speaker(p)} last said about ${about}` : 'Before that,'} ${whereSaid(p.signal)} on ${shortDate(p.signal.occurredAt)} (${ago(p.signal.occurredAt, ctx.asOf)}): "${clip(p.sentence)}"`).join(' ')}${gist ? ` In short, ${speaker(top) === 'They' ? 'they' : firstNameOf(speaker(top))} said ${gist}.` : ''}`;
  },
  successor(ctx, _byId, cites, people) {
    const gone = people.length ? people : ctx.contacts.filter((c) => c.role === 'champion');
    const isGone = (x: { contactEmail?: string; name?: string }) => gone.some((g) => (x.contactEmail && x.contactEmail.toLowerCase() === g.email.toLowerCase())
      || (x.name && g.name && g.name.toLowerCase().split(/\s+/)[0] === x.name.toLowerCase().split(/\s+/)[0]));
    const whose = gone.length ? gone.map((g) => personName(g)).join(' / ') : 'them';
    // What perception read: a departure with its successor.
    const perceived = [...ctx.signals].reverse().flatMap((s) => (s.insights?.stakeholderChanges ?? []).filter((c) => c.successor && isGone(c)).map((c) => ({ s, c })))[0];
    if (perceived) {
      const heir = perceived.c.successor!.name ?? perceived.c.successor!.email!;
      const quote = excerptIsIn(perceived.s, perceived.c.text) ? perceived.c.text : excerptFor(perceived.s, `${heir} ${perceived.c.text}`);
      cites.addQuote(perceived.s, quote);
      return `${heir} takes over from ${whose} (${whereSaid(perceived.s)} on ${shortDate(perceived.s.occurredAt)}: "${quote}").`;
    }
    // Else the sentence that hands over, naming someone other than who left.
    const goneNames = gone.flatMap((g) => (g.name ?? '').toLowerCase().split(/\s+/)).filter(Boolean);
    const candidates = sentencesBy(ctx.signals, null, { domains: ctx.account.domains, anySide: true })
      .filter((x) => HANDOVER.test(x.sentence))
      .map((x) => {
        const named = ctx.contacts.find((c) => c.name && !gone.some((g) => g.email === c.email) && new RegExp(`\\b${c.name.split(/\s+/)[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(x.sentence));
        const sender = x.signal.kind === 'email' ? x.signal.from.email : undefined;
        const aboutGone = goneNames.some((n) => x.sentence.toLowerCase().includes(n)) || gone.some((g) => g.email === sender);
        return { ...x, named, score: (named ? 2 : 0) + (aboutGone ? 1 : 0) };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || b.signal.occurredAt.localeCompare(a.signal.occurredAt));
    const best = candidates[0];
    if (!best) return `Nothing on record says who takes over from ${whose}.`;
    cites.addQuote(best.signal, clip(best.sentence));
    const by = best.signal.kind === 'email' ? best.signal.from.name ?? best.signal.from.email : best.speaker ?? 'someone at the account';
    return `${best.named ? `${label(best.named)} takes over from ${whose}` : `Who takes over from ${whose} is not named plainly`}: ${by} wrote ${whereSaid(best.signal).replace(/^in /, 'in ')} on ${shortDate(best.signal.occurredAt)}: "${clip(best.sentence)}"`;
  },
  next_steps(ctx, byId, cites) {
    return nextSteps(ctx, byId, cites);
  },
  summary(ctx, byId, cites) {
    return summary(ctx, byId, cites);
  },
  recent_changes(ctx, byId, cites) {
    return recentChanges(ctx, byId, cites);
  },
  async search(ctx, byId, cites, _people, topic) {
    // The account's own name ("where are we with the Kestrel contract?") says nothing about the topic.
    const want = topicTerms(topic, [ctx.account.name]);
    // People's words are searched on their own too: a long run of usage points would fill every slot.
    const found = [
      ...await ctx.retrieve({ accountId: ctx.account.id, query: ctx.question, k: 8, before: ctx.asOf }),
      ...await ctx.retrieve({ accountId: ctx.account.id, query: ctx.question, k: 5, before: ctx.asOf, kinds: WORDS }),
    ];
    const hits = found.filter((h, i) => found.findIndex((x) => x.signalId === h.signalId && x.excerpt === h.excerpt) === i);
    // Ranked by the topic's words and their kin, compared as stems ("export problem fixed" meets
    // "exports running again"), memory's order breaking ties: a record sharing one word of its name
    // must not crowd out the messages that answer.
    const relevant = want.core.size === 0 ? hits : hits
      .map((h, i) => ({ h, i, score: topicScore(h.excerpt, want) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((x) => x.h);
    if (relevant.length === 0) return `I found nothing about that in ${ctx.account.name}'s memory.`;
    const shown = relevant.slice(0, 3);
    for (const h of shown) cites.addHit(h);
    // A record (usage, calendar, CRM, a view) is stated; someone's words are quoted.
    const line = (h: MemoryHit) => {
      const s = byId.get(h.signalId);
      const own = s && recordInWords(s, ctx.contacts, ctx.asOf);
      return own ? `${own} (${h.kind})` : `"${h.excerpt}" (${h.kind}, ${shortDate(h.occurredAt)})`;
    };
    const answer = `From ${ctx.account.name}'s memory: ${shown.map(line).join('; ')}.${gistOf(ctx, byId, shown, want)}`;
    // "Who holds the budget?" answered by "it sits with her now": the person is the one named just before.
    const who = /^\s*who\b/i.test(ctx.question) ? personBefore(relevant[0].excerpt, byId.get(relevant[0].signalId), ctx.contacts) : undefined;
    return who ? `Most likely ${who.name} ("${who.pronoun}" in the sentence below is ${who.name}, named just before it). ${answer}` : answer;
  },
};

/**
 * The customer's sentence most about the topic among the hits, in reported speech ("In short, Ana
 * said they are opening a second site"): what the quotes say, in the answer's own words.
 */
function gistOf(ctx: AskContext, byId: Map<string, Signal>, hits: MemoryHit[], want: TopicTerms): string {
  const rank = new Map(hits.map((h, i) => [h.signalId, i] as const));
  const signals = hits.map((h) => byId.get(h.signalId)).filter((s): s is Signal => Boolean(s));
  const theirs = sentencesBy(signals, null, { domains: ctx.account.domains });
  const fullName = (x: (typeof theirs)[number]) => x.speaker ?? (x.signal.kind === 'email' ? x.signal.from.name ?? x.signal.from.email : x.signal.kind === 'engagement' ? x.signal.contactName : undefined);
  const whoSaid = (x: (typeof theirs)[number]) => firstNameOf(fullName(x) ?? 'they');
  // Neither the asking ("want", "need") nor the writer's own name ("what does Gareth want?") is the topic.
  const notTopic = new Set(terms(`${ctx.question.toLowerCase().match(ASKED_FOR)?.[0] ?? ''} ${theirs.map((x) => fullName(x) ?? '').join(' ')}`));
  const top = bestSentences(theirs, { core: new Set([...want.core].filter((w) => !notTopic.has(w))), related: want.related }, rank)[0];
  // Their words, from our side ("we're opening" → "they're opening"); none when nothing needs turning (the quote says it).
  const gist = top && reported(top.sentence);
  if (top && gist) return ` In short, ${whoSaid(top)} said ${gist}.`;
  // "What does Gareth want?" and no sentence about a topic: what they asked of us, as an act of ours.
  if (!ASKED_FOR.test(ctx.question.toLowerCase())) return '';
  const ask = [...asksIn(theirs)].reverse().find((x) => requestedAction(x.sentence));
  return ask ? ` In short, ${whoSaid(ask)} asks us to ${requestedAction(ask.sentence)}.` : '';
}

export async function answerWithRules(ctx: AskContext): Promise<Answer> {
  const parsed = classifyQuestion(ctx.question, ctx.contacts);
  const byId = new Map(ctx.signals.map((s) => [s.id, s]));
  const cites = new Cites();
  const answer = await HANDLERS[parsed.intent](ctx, byId, cites, parsed.people, parsed.topic);
  return { answer, citations: cites.all, intent: parsed.intent, reasoner: 'rules' };
}
