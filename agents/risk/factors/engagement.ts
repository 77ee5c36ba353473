// Responsiveness and momentum: new leads, unanswered questions, silence, next steps, stalled stages.
import type { Factor } from '../types.js';
import type { Signal } from '../../signals/schema.js';
import { DAY, HOUR, ago, days, iso, last, t, who, type Timeline } from '../timeline.js';

const OPEN_DEAL = new Set(['qualified', 'discovery', 'demo', 'proposal', 'negotiation']);

function repliedAfter(tl: Timeline, s: Signal): boolean {
  return tl.fromUs.some((o) => t(o.occurredAt) > t(s.occurredAt));
}

function emailOf(s: Signal): string | undefined {
  if (s.kind === 'email') return s.from.email;
  if (s.kind === 'engagement') return s.contactEmail;
  if (s.kind === 'chat') return s.author.email;
  return undefined;
}

/** The first inbound of a lead nobody has answered yet. */
export function leadSignal(tl: Timeline): Signal | undefined {
  if (tl.account.stage !== 'lead') return undefined;
  const first = tl.fromThem.find((s) => s.kind === 'engagement' || s.kind === 'email' || s.kind === 'chat');
  return first && !repliedAfter(tl, first) ? first : undefined;
}

export function newLeadWaiting(tl: Timeline): Factor | null {
  const s = leadSignal(tl);
  if (!s) return null;
  const waited = tl.now - t(s.occurredAt);
  const sla = tl.config.leadResponseMinutes * 60_000;
  const w = tl.config.weights.new_lead_waiting;
  const late = waited >= sla;
  return {
    factor: 'new_lead_waiting',
    weight: late ? w : Math.round(w * 0.6),
    explanation: `New lead ${who(s)} ${s.kind === 'engagement' ? 'submitted a form' : 'wrote in'} ${ago(waited)} ago and has had no response${late ? ` (first-response target: ${tl.config.leadResponseMinutes} minutes)` : ''}`,
    evidence: [s.id],
    contacts: emailOf(s) ? [emailOf(s)!] : [],
    ...(late ? {} : { nextChangeAt: iso(t(s.occurredAt) + sla) }),
  };
}

export function unansweredInbound(tl: Timeline): Factor | null {
  const lead = leadSignal(tl);
  const recent = tl.now - tl.config.recentDays * DAY;
  const open = tl.fromThem.filter((s) => s.kind !== 'meeting' && s.id !== lead?.id && t(s.occurredAt) >= recent
    && s.insights?.question && !repliedAfter(tl, s));
  const s = last(open);
  if (!s) return null;
  const waited = tl.now - t(s.occurredAt);
  const sla = tl.config.replySlaHours * HOUR;
  const w = tl.config.weights.unanswered_inbound;
  const late = waited >= sla;
  const subject = s.kind === 'email' ? ` "${s.subject}"` : '';
  return {
    factor: 'unanswered_inbound',
    weight: late ? w + Math.min(10, Math.floor(days(waited - sla)) * 2) : Math.round(w * 0.5),
    explanation: `${who(s)} asked a question${subject} ${ago(waited)} ago and nobody has replied${late ? ` (reply target: ${tl.config.replySlaHours} hours)` : ''}`,
    evidence: open.slice(-3).map((x) => x.id),
    contacts: [...new Set(open.map(emailOf).filter((e): e is string => Boolean(e)))],
    ...(late ? {} : { nextChangeAt: iso(t(s.occurredAt) + sla) }),
  };
}

export function silence(tl: Timeline): Factor | null {
  const stage = tl.account.stage as keyof typeof tl.config.silenceDays;
  if (['closed_lost', 'closed_won'].includes(stage) || leadSignal(tl)) return null;
  if (tl.nextMeeting) return null; // a booked meeting is momentum, whatever the inbox says
  const slaDays = tl.config.silenceDays[stage] ?? 7;
  const lastThem = last(tl.fromThem);
  const lastUs = last(tl.fromUs);
  const since = lastThem ? t(lastThem.occurredAt) : tl.signals[0] ? t(tl.signals[0].occurredAt) : null;
  if (since === null) return null;
  const quiet = tl.now - since;
  if (quiet <= slaDays * DAY) return { factor: 'silence', weight: 0, explanation: '', evidence: [], nextChangeAt: iso(since + slaDays * DAY + 60_000) };
  const w = tl.config.weights.silence;
  const weight = Math.round(w * Math.min(1.4, 1 + (days(quiet) - slaDays) / (slaDays * 5)));
  const waitingOnThem = lastUs && (!lastThem || t(lastUs.occurredAt) > t(lastThem.occurredAt));
  const recipients = lastUs?.kind === 'email'
    ? [...lastUs.to, ...lastUs.cc].map((p) => p.email).filter((e) => tl.contacts.some((c) => c.email === e) || tl.account.domains.some((d) => e.endsWith(`@${d}`)))
    : [];
  const fallback = tl.contacts.filter((c) => c.status === 'active' && (c.role === 'champion' || c.role === 'decision_maker')).map((c) => c.email);
  return {
    factor: 'silence',
    weight,
    explanation: lastThem
      ? `No reply from ${tl.account.name} in ${Math.floor(days(quiet))} days (last: ${who(lastThem)}${lastThem.kind === 'email' ? ` "${lastThem.subject}"` : ''})${waitingOnThem && lastUs?.kind === 'email' ? `, while our "${lastUs.subject}" sent ${ago(tl.now - t(lastUs.occurredAt))} ago is unanswered` : ''}; the ${stage} stage expects contact every ${slaDays} days`
      : lastUs?.kind === 'email'
        ? `No reply from ${tl.account.name} in ${Math.floor(days(quiet))} days: our "${lastUs.subject}" is unanswered; the ${stage} stage expects contact every ${slaDays} days`
        : `Nothing heard from ${tl.account.name} in ${Math.floor(days(quiet))} days; the ${stage} stage expects contact every ${slaDays} days`,
    evidence: [lastThem, lastUs].filter((s): s is Signal => Boolean(s)).map((s) => s.id),
    contacts: recipients.length ? recipients : fallback,
  };
}

export function noNextStep(tl: Timeline): Factor | null {
  if (!OPEN_DEAL.has(tl.account.stage) || tl.nextMeeting) return null;
  const recentNextStep = tl.signals.some((s) => s.kind === 'crm' && s.change === 'next_step' && s.to && tl.now - t(s.occurredAt) < 14 * DAY);
  if (recentNextStep) return null;
  const lastMeeting = last(tl.signals.filter((s) => s.kind === 'meeting'));
  const evidence = lastMeeting ?? last(tl.fromThem) ?? last(tl.signals);
  if (!evidence) return null;
  return {
    factor: 'no_next_step',
    weight: tl.config.weights.no_next_step,
    explanation: `No next meeting is booked with ${tl.account.name}${lastMeeting ? ` since "${lastMeeting.kind === 'meeting' ? lastMeeting.title : ''}" ${ago(tl.now - t(lastMeeting.occurredAt))} ago` : ''} and no next step is set in the CRM`,
    evidence: [evidence.id],
    contacts: tl.contacts.filter((c) => c.status === 'active' && (c.role === 'champion' || c.role === 'decision_maker')).map((c) => c.email),
  };
}

export function stageStalled(tl: Timeline): Factor | null {
  const stage = tl.account.stage as keyof typeof tl.config.stageStalledDays;
  const entered = last(tl.signals.filter((s) => s.kind === 'crm' && s.change === 'stage' && s.to === stage));
  if (!entered) return null;
  const limit = tl.config.stageStalledDays[stage] ?? 30;
  const inStage = tl.now - t(entered.occurredAt);
  if (inStage <= limit * DAY) return { factor: 'stage_stalled', weight: 0, explanation: '', evidence: [], nextChangeAt: iso(t(entered.occurredAt) + limit * DAY + 60_000) };
  return {
    factor: 'stage_stalled',
    weight: tl.config.weights.stage_stalled,
    explanation: `${tl.account.name} has been in ${stage} for ${Math.floor(days(inStage))} days (expected at most ${limit})`,
    evidence: [entered.id],
  };
}
