// The offline answerer: classifies the question and answers from the agent's own state and memory.
// Every claim it makes comes with a citation quoting the signal verbatim.
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { Assessment, Factor } from '../risk/types.js';
import type { MemoryHit, RetrieveQuery } from '../graph/deps.js';
import { excerptFor, keywords, openingExcerpt } from '../evidence.js';
import { stakeholderMap, participants } from '../stakeholders.js';
import { commitmentsOf } from '../commitments.js';
import { shortDate, daysBetween, personName } from '../reasoners/describe.js';
import { classifyQuestion, type Intent } from './intent.js';
import { usageTrendsFor } from '../risk/model.js';

export interface Citation { signalId: string; excerpt: string; occurredAt: string }
export interface Answer { answer: string; citations: Citation[]; intent: Intent; reasoner: string }

export interface AskContext {
  question: string;
  account: Account;
  contacts: Contact[];
  signals: Signal[];
  assessment: Assessment;
  asOf: string;
  retrieve(q: RetrieveQuery): Promise<MemoryHit[]>;
}

class Cites {
  private list: Citation[] = [];
  add(s: Signal | undefined, hint = ''): void {
    if (!s || this.list.some((c) => c.signalId === s.id)) return;
    this.list.push({ signalId: s.id, excerpt: excerptFor(s, hint), occurredAt: s.occurredAt });
  }
  addQuote(s: Signal, excerpt: string): void {
    if (this.list.some((c) => c.signalId === s.id)) return;
    this.list.push({ signalId: s.id, excerpt, occurredAt: s.occurredAt });
  }
  addHit(h: MemoryHit): void {
    if (this.list.some((c) => c.signalId === h.signalId)) return;
    this.list.push({ signalId: h.signalId, excerpt: h.excerpt, occurredAt: h.occurredAt });
  }
  get all(): Citation[] { return this.list; }
}

const label = (c: Pick<Contact, 'email' | 'name' | 'title' | 'role'>) =>
  `${personName(c)}${c.title || c.role ? ` (${[c.title, c.role?.replace(/_/g, ' ')].filter(Boolean).join(', ')})` : ''}`;

function ago(iso: string, asOf: string): string {
  const d = daysBetween(iso, asOf);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

function factorLine(f: Factor, i: number): string {
  return `${i + 1}) ${f.explanation.replace(/\.$/, '')} [${f.factor}]`;
}

type Handler = (ctx: AskContext, byId: Map<string, Signal>, cites: Cites, people: Contact[], topic: string) => Promise<string> | string;

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
    const changes = ctx.signals.flatMap((s) => (s.insights?.stakeholderChanges ?? []).map((ch) => ({ ch, s })));
    const parts: string[] = [];
    for (const c of champions) {
      const change = [...changes].reverse().find(({ ch }) => ch.contactEmail === c.email || (c.name && ch.name && c.name.toLowerCase().includes(ch.name.toLowerCase())));
      if (change || c.status !== 'active') {
        if (change) cites.add(change.s, change.ch.text);
        parts.push(`${label(c)} is recorded as the champion but has ${change ? (change.ch.change === 'moved' ? 'moved to another role' : change.ch.change === 'left' ? 'left' : change.ch.change.replace(/_/g, ' ')) : c.status}${change ? ` (${shortDate(change.s.occurredAt)}: "${excerptFor(change.s, change.ch.text)}")` : ''}`);
      } else {
        const st = stakeholderMap([c], ctx.signals, ctx.asOf)[0];
        if (st.lastFromThem) cites.add(byId.get(st.lastFromThem.signalId));
        parts.push(`${label(c)} is the champion${st.lastFromThem ? `; last heard from ${ago(st.lastFromThem.at, ctx.asOf)}` : ''}`);
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
  commitments(ctx, byId, cites) {
    const all = commitmentsOf(ctx.signals, ctx.asOf);
    if (all.length === 0) return `I found no commitments on record for ${ctx.account.name}.`;
    const line = (c: (typeof all)[number]) => {
      cites.add(byId.get(c.signalId), c.text);
      return `"${c.text}" (${c.who ?? (c.owner === 'us' ? 'us' : 'them')}, ${shortDate(c.madeAt)}${c.dueAt ? `, due ${shortDate(c.dueAt)}` : ''}) — ${c.status}`;
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
    return `${base}; current risk ${ctx.assessment.level} (score ${ctx.assessment.score}).${risk}${talk}`;
  },
  usage(ctx, _byId, cites) {
    const usage = ctx.signals.filter((s) => s.kind === 'usage');
    if (usage.length === 0) return `No product usage data is on record for ${ctx.account.name}.`;
    const trends = usageTrendsFor({ account: ctx.account, contacts: ctx.contacts, signals: ctx.signals, asOf: ctx.asOf });
    const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10).toString();
    const lines = trends.map((u) => {
      cites.add(u.latest);
      cites.add(u.firstBaseline);
      return `${u.metric}: ${fmt(u.recent)} over the last 7 days vs ${fmt(u.baseline)} over the 28 days before (${u.changePct >= 0 ? '+' : ''}${Math.round(u.changePct)}%)`;
    });
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
    const emails = new Set(people.map((p) => p.email.toLowerCase()));
    const bySpeaker = (s: Signal) => participants(s).from.some((e) => emails.has(e.toLowerCase()))
      || (s.kind === 'meeting' && typeof s.transcript !== 'string' && s.transcript.some((t) => people.some((p) => p.name && t.speaker.toLowerCase().includes(p.name.split(' ')[0].toLowerCase()))));
    const theirs = people.length ? ctx.signals.filter(bySpeaker) : ctx.signals;
    const want = keywords(topic).filter((w) => !people.some((p) => (p.name ?? '').toLowerCase().includes(w)) && !['procurement', 'security', 'legal'].includes(w));
    let picks = theirs.filter((s) => want.length === 0 || keywords(excerptFor(s, topic, 2000)).some((w) => want.includes(w)));
    if (picks.length === 0 && want.length > 0 && people.length === 0) {
      const hits = await ctx.retrieve({ accountId: ctx.account.id, query: topic, k: 3, before: ctx.asOf });
      const relevant = hits.filter((h) => keywords(h.excerpt).some((w) => want.includes(w)));
      picks = relevant.map((h) => byId.get(h.signalId)).filter((s): s is Signal => Boolean(s));
    }
    if (picks.length === 0) {
      const who = people.length ? people.map(label).join(', ') : ctx.account.name;
      return `I found nothing from ${who}${want.length ? ` about "${want.join(' ')}"` : ''} in the account's memory.`;
    }
    const latest = picks.slice(-2).reverse();
    for (const s of latest) cites.addQuote(s, want.length ? excerptFor(s, topic) : openingExcerpt(s));
    const who = people.length ? people.map((p) => personName(p)).join(' / ') : 'They';
    // No topic ("what did Nina say last?"): quote the message itself; else the passage on the topic.
    const quote = (s: Signal) => (want.length ? excerptFor(s, topic) : openingExcerpt(s));
    return latest.map((s, i) => `${i === 0 ? `${who} last said` : 'Before that'} (${shortDate(s.occurredAt)}, ${describe(s)}): "${quote(s)}"`).join(' ');
  },
  async search(ctx, _byId, cites, _people, topic) {
    const want = keywords(topic);
    const hits = await ctx.retrieve({ accountId: ctx.account.id, query: ctx.question, k: 5, before: ctx.asOf });
    const relevant = hits.filter((h) => want.length === 0 || keywords(h.excerpt).some((w) => want.includes(w)));
    if (relevant.length === 0) return `I found nothing about that in ${ctx.account.name}'s memory.`;
    for (const h of relevant.slice(0, 3)) cites.addHit(h);
    return `From ${ctx.account.name}'s memory: ${relevant.slice(0, 3).map((h) => `"${h.excerpt}" (${h.kind}, ${shortDate(h.occurredAt)})`).join('; ')}.`;
  },
};

function describe(s: Signal): string {
  switch (s.kind) {
    case 'email': return `email "${s.subject}" from ${s.from.name ?? s.from.email}`;
    case 'meeting': return `meeting "${s.title}"`;
    case 'chat': return `chat message from ${s.author.name}`;
    case 'calendar': return `calendar ${s.event} "${s.title}"`;
    default: return s.kind;
  }
}

export async function answerWithRules(ctx: AskContext): Promise<Answer> {
  const parsed = classifyQuestion(ctx.question, ctx.contacts);
  const byId = new Map(ctx.signals.map((s) => [s.id, s]));
  const cites = new Cites();
  const answer = await HANDLERS[parsed.intent](ctx, byId, cites, parsed.people, parsed.topic);
  return { answer, citations: cites.all, intent: parsed.intent, reasoner: 'rules' };
}
