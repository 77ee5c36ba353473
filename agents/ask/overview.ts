// Answers about the account as a whole: what to do next (the open recommendations, ranked, each with
// why), a summary (stage, risk and its top factors, last touch, next meeting, renewal), and what
// changed in the last days (notable signals, and the risk then against now).
import type { Signal } from '../signals/schema.js';
import type { Factor } from '../risk/types.js';
import type { Evidence } from '../recommendation.js';
import { assessRisk } from '../risk/model.js';
import { nextMeetingOf } from '../risk/timeline.js';
import { planFromFactors } from '../reasoners/rules.js';
import { shortDate, daysBetween } from '../reasoners/describe.js';
import { excerptFor, excerptIsIn } from '../evidence.js';
import { Cites, ago, describeSignal, whereSaid } from './cites.js';
import type { AskContext } from './answer-rules.js';

/** An open recommendation as the answerer reads it (the stored row's fields it needs). */
export interface OpenRecommendationView {
  kind: string;
  title: string;
  rationale: string;
  priority: number;
  status: string;
  dueAt?: string | null;
  snoozedUntil?: string | null;
  evidence?: Evidence[];
}

const DAY = 86_400_000;
const firstSentence = (text: string, max = 220) => {
  const s = (text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text).trim();
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
};
const money = (n: number) => (n >= 1000 ? `$${Math.round(n / 1000)}k` : `$${n}`);

/** The open recommendations, best first; when none is stored yet, what the rules reasoner would propose now. */
function openOrPlanned(ctx: AskContext): { recs: OpenRecommendationView[]; planned: boolean } {
  const stored = (ctx.openRecommendations ?? []).filter((r) => r.status === 'proposed' || r.status === 'snoozed');
  if (stored.length) {
    const rank = (r: OpenRecommendationView) => (r.status === 'proposed' ? 0 : 1);
    return { recs: [...stored].sort((a, b) => rank(a) - rank(b) || b.priority - a.priority), planned: false };
  }
  const planned = planFromFactors({ account: ctx.account, contacts: ctx.contacts, signals: ctx.signals, asOf: ctx.asOf, assessment: ctx.assessment, evidence: {} })
    .map((r) => ({ ...r, status: 'proposed' }))
    .sort((a, b) => b.priority - a.priority);
  return { recs: planned, planned: true };
}

function citeFactor(f: Factor, byId: Map<string, Signal>, cites: Cites): void {
  for (const id of f.evidence.slice(-1)) cites.add(byId.get(id), f.explanation);
}

export function nextSteps(ctx: AskContext, byId: Map<string, Signal>, cites: Cites): string {
  const { recs, planned } = openOrPlanned(ctx);
  if (recs.length === 0) {
    const meeting = nextMeetingOf(ctx.signals, ctx.account, ctx.contacts, Date.parse(ctx.asOf));
    if (meeting) cites.add(meeting);
    return `Nothing needs doing on ${ctx.account.name} right now: no recommendation is open and no risk factor is flagged (${ctx.assessment.level} risk).${meeting ? ` Next on the calendar: "${meeting.title}" on ${shortDate(meeting.startsAt)}.` : ''}`;
  }
  const lines = recs.slice(0, 5).map((r, i) => {
    for (const e of (r.evidence ?? []).slice(0, 1)) {
      const s = byId.get(e.signalId);
      if (s) (excerptIsIn(s, e.excerpt) ? cites.addQuote(s, e.excerpt) : cites.add(s, r.title));
    }
    const when = r.status === 'snoozed' && r.snoozedUntil ? ` (snoozed until ${shortDate(r.snoozedUntil)})` : r.dueAt ? ` (due ${shortDate(r.dueAt)})` : '';
    return `${i + 1}) ${r.title}${when} — why: ${firstSentence(r.rationale)}`;
  });
  // A plan computed now cites the factors behind it.
  if (planned) for (const f of ctx.assessment.factors.slice(0, 3)) citeFactor(f, byId, cites);
  const more = recs.length > 5 ? ` (${recs.length - 5} more open)` : '';
  return `${planned ? 'What the agent recommends' : 'Open recommendations'} for ${ctx.account.name}, most important first${more}: ${lines.join(' ')}`;
}

/** The paper a deal moves on, named in a buying step ("expect the signed order form by Friday"). */
const PAPER = /\b(order form|purchase order|po|msa|dpa|sow|contract|quote|proposal|invoice|redlines?|signature|budget)\b/i;
const PAPER_NAME: Record<string, string> = { po: 'purchase order', msa: 'MSA', dpa: 'DPA', sow: 'SOW', redline: 'redlines' };

/** Their latest step towards buying from us, within a month: who took it, the paper it moves, their words. */
function latestBuyingStep(ctx: AskContext): { s: Signal; text: string; paper?: string } | undefined {
  const since = new Date(Date.parse(ctx.asOf) - 30 * DAY).toISOString();
  const s = ctx.signals.filter((x) => x.occurredAt > since && x.occurredAt <= ctx.asOf && x.direction !== 'outbound' && (x.insights?.buying.length ?? 0) > 0).slice(-1)[0];
  const text = s?.insights!.buying.map((b) => b.text).find((t) => excerptIsIn(s, t));
  if (!s || !text) return undefined;
  const found = PAPER.exec(text)?.[1].toLowerCase();
  return { s, text, ...(found ? { paper: PAPER_NAME[found] ?? found } : {}) };
}

export function summary(ctx: AskContext, byId: Map<string, Signal>, cites: Cites): string {
  const a = ctx.account;
  const risk = ctx.assessment;
  const top = [...risk.factors].sort((x, y) => y.weight - x.weight).slice(0, 3);
  for (const f of top) citeFactor(f, byId, cites);
  const human = ctx.signals.filter((s) => ['email', 'meeting', 'chat'].includes(s.kind) && !(s.kind === 'email' && (s.auto ?? s.insights?.auto)));
  const lastIn = [...human].reverse().find((s) => (s.kind === 'email' && s.direction === 'inbound') || s.kind === 'chat' || s.kind === 'meeting');
  const lastOut = [...human].reverse().find((s) => s.kind === 'email' && s.direction === 'outbound');
  const meeting = nextMeetingOf(ctx.signals, a, ctx.contacts, Date.parse(ctx.asOf));
  if (lastIn) cites.add(lastIn);
  if (meeting) cites.add(meeting);
  // Where the deal stands, in their words, with the paper it is on named in ours.
  const step = latestBuyingStep(ctx);
  if (step) cites.addQuote(step.s, step.text);
  const stepLine = step ? `Latest step towards buying${step.paper ? `, on the ${step.paper}` : ''} (${describeSignal(step.s)}, ${shortDate(step.s.occurredAt)}): "${step.text}".` : '';
  const deal = [`${a.stage.replace(/_/g, ' ')} stage`, a.arr ? `${money(a.arr)} ARR` : ''].filter(Boolean).join(', ');
  const parts = [
    `${a.name}: ${deal}.`,
    `Risk: ${risk.level} (score ${risk.score}/100)${top.length ? `; top factors: ${top.map((f, i) => `${i + 1}) ${f.explanation.replace(/\.$/, '')} [${f.factor}]`).join('; ')}` : '; no risk factor is flagged'}.`,
    risk.opportunities.length ? `Opportunities: ${risk.opportunities.map((o) => o.factor.replace(/_/g, ' ')).join(', ')}.` : '',
    stepLine,
    lastIn || lastOut ? `Last touch: ${[lastIn ? `from them, ${describeSignal(lastIn)} ${ago(lastIn.occurredAt, ctx.asOf)}` : '', lastOut ? `from us, ${describeSignal(lastOut)} ${ago(lastOut.occurredAt, ctx.asOf)}` : ''].filter(Boolean).join('; ')}.` : 'No two-way contact on record.',
    meeting ? `Next meeting: "${meeting.title}" on ${shortDate(meeting.startsAt)}.` : 'No meeting is booked.',
    a.renewalDate ? `Renewal: ${shortDate(a.renewalDate)} (${daysBetween(ctx.asOf, a.renewalDate)} days from now).` : a.stage === 'customer' ? 'No renewal date on record.' : '',
    ctx.openRecommendations?.length ? `${ctx.openRecommendations.length} recommendation${ctx.openRecommendations.length === 1 ? '' : 's'} open.` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

const WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30, few: 3, couple: 2 };

/** "in the last 10 days" → 10, "past two weeks" → 14, "this month" → 30; default 14. */
export function windowDays(question: string): number {
  const q = question.toLowerCase();
  const m = /\b(?:last|past|previous)\s+(?:(\d+|a|one|two|three|four|five|six|seven|ten|fourteen|thirty|few|couple)(?: of)?\s+)?(day|week|month)s?\b/.exec(q);
  if (m) {
    const n = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : WORDS[m[1]] ?? 1) : 1;
    return n * (m[2] === 'day' ? 1 : m[2] === 'week' ? 7 : 30);
  }
  if (/\b(today|yesterday)\b/.test(q)) return 1;
  if (/\bthis week\b/.test(q)) return 7;
  if (/\bthis month\b/.test(q)) return 30;
  return 14;
}

/** What a signal brought that matters, in a few words and the sentence that says it (verbatim), or null. */
function notable(s: Signal): { what: string; quote?: string } | null {
  const i = s.insights;
  const first = <T extends { text: string }>(xs: T[] | undefined) => xs?.find((x) => excerptIsIn(s, x.text))?.text;
  if (s.kind === 'crm') {
    if (['stage', 'owner', 'renewal_date', 'amount', 'contact_left', 'contact_role'].includes(s.change)) {
      return { what: `CRM ${s.change.replace(/_/g, ' ')}: ${s.from ?? '—'} → ${s.to ?? '—'}${s.contactEmail ? ` (${s.contactEmail})` : ''}` };
    }
    return null;
  }
  if (s.kind === 'calendar') return { what: `meeting ${s.event}: "${s.title}" for ${shortDate(s.startsAt)}` };
  if (s.kind === 'ticket' && (s.priority === 'high' || s.priority === 'urgent')) return { what: `${s.priority} ticket "${s.subject}" (${s.status})` };
  if (s.kind === 'engagement' && s.event === 'form_submitted') return { what: 'a form submitted', quote: s.text ? excerptFor(s, s.text) : undefined };
  if (!i) return null;
  // Everything notable the signal brought, the most specific first; the first sentence that says one of them is quoted.
  const aspects: Array<{ what: string; quote?: string }> = [];
  if (i.stakeholderChanges.length) aspects.push({ what: `people: ${i.stakeholderChanges.map((c) => `${c.name ?? c.contactEmail ?? 'someone'} ${c.change.replace(/_/g, ' ')}${c.successor ? `, ${c.successor.name ?? c.successor.email} takes over` : ''}`).join('; ')}`, quote: first(i.stakeholderChanges) });
  if (i.churnIntent) aspects.push({ what: 'talk of not renewing', quote: first([i.churnIntent]) });
  if (i.competitors.some((c) => !c.replacing && c.context !== 'integration')) aspects.push({ what: `competitor ${[...new Set(i.competitors.map((c) => c.name))].join(', ')}`, quote: first(i.competitors) });
  if (i.question || i.requests?.length) aspects.push({ what: 'a question for us', quote: first(i.requests) });
  if (i.commitments.length) aspects.push({ what: `a promise (${i.commitments[0].owner === 'us' ? 'ours' : 'theirs'})`, quote: first(i.commitments) });
  if (i.expansion.length) aspects.push({ what: 'expansion interest', quote: first(i.expansion) });
  if (i.buying.length) aspects.push({ what: 'buying intent', quote: first(i.buying) });
  if (i.sentiment <= -0.25) aspects.push({ what: 'a negative tone', quote: i.negativeText && excerptIsIn(s, i.negativeText) ? i.negativeText : undefined });
  if (aspects.length === 0) return null;
  return { what: aspects.map((a) => a.what).join(', '), quote: aspects.find((a) => a.quote)?.quote };
}

export function recentChanges(ctx: AskContext, byId: Map<string, Signal>, cites: Cites): string {
  const days = windowDays(ctx.question);
  const from = new Date(Date.parse(ctx.asOf) - days * DAY).toISOString();
  const recent = ctx.signals.filter((s) => s.occurredAt > from && s.occurredAt <= ctx.asOf && !(s.kind === 'email' && (s.auto ?? s.insights?.auto)));
  const events = recent.map((s) => ({ s, n: notable(s) })).filter((x): x is { s: Signal; n: NonNullable<ReturnType<typeof notable>> } => x.n !== null).reverse().slice(0, 6);
  for (const { s, n } of events) (n.quote ? cites.addQuote(s, n.quote) : cites.add(s));
  const then = assessRisk({ account: ctx.account, contacts: ctx.contacts, signals: ctx.signals.filter((s) => s.occurredAt <= from), asOf: from });
  const was = new Set(then.factors.map((f) => f.factor));
  const is = new Set(ctx.assessment.factors.map((f) => f.factor));
  const added = ctx.assessment.factors.filter((f) => !was.has(f.factor));
  const cleared = then.factors.filter((f) => !is.has(f.factor));
  for (const f of added.slice(0, 3)) citeFactor(f, byId, cites);
  const riskLine = then.score === ctx.assessment.score && added.length === 0 && cleared.length === 0
    ? `Risk unchanged at ${ctx.assessment.level} (${ctx.assessment.score}/100).`
    : `Risk ${then.level} (${then.score}/100) ${days} days ago → ${ctx.assessment.level} (${ctx.assessment.score}/100) now${added.length ? `; new: ${added.map((f) => `${f.explanation.replace(/\.$/, '')} [${f.factor}]`).join('; ')}` : ''}${cleared.length ? `; cleared: ${cleared.map((f) => f.factor).join(', ')}` : ''}.`;
  const lines = events.map(({ s, n }) => `${shortDate(s.occurredAt)} — ${n.what}${n.quote ? ` (${whereSaid(s)}: "${n.quote.length > 200 ? `${n.quote.slice(0, 199)}…` : n.quote}")` : ''}`);
  const quiet = recent.length === 0 ? ` Nothing has arrived on ${ctx.account.name} in the last ${days} days.` : events.length === 0 ? ` ${recent.length} signal${recent.length === 1 ? '' : 's'} in the last ${days} days, none notable.` : '';
  return `What changed at ${ctx.account.name} in the last ${days} days: ${riskLine}${lines.length ? ` ${lines.join('; ')}.` : ''}${quiet}`;
}
