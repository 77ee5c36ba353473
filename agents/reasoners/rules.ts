// The default reasoner: deterministic and offline. Each factor maps to the action a good rep would
// take, with a rationale that says why now, what it references and what changed since the last touch.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { Factor } from '../risk/types.js';
import type { Evidence, ProposedRecommendation } from '../recommendation.js';
import type { FactorName, RecommendationKind } from '../vocabulary.js';
import { lastTouch, personName, firstName, shortDate, daysBetween, deliverableOf, successorName, expansionScope, scopeFromText, latestRequestedAction } from './describe.js';
import { signalText } from '../evidence.js';
import { nextMeetingOf } from '../risk/timeline.js';
import { riskConfigFor } from '../risk/config.js';
import { minutesTarget } from '../risk/explain.js';
import { questionSentences } from '../perception/language.js';
import type { PlanInput, Reasoner } from './types.js';

const HOUR = 3_600_000;

/** Which action answers which factor (DESIGN.md vocabulary). */
export const ACTION_FOR: Record<FactorName, RecommendationKind> = {
  new_lead_waiting: 'reply',
  unanswered_inbound: 'reply',
  silence: 'follow_up',
  no_next_step: 'schedule_next_step',
  stage_stalled: 'escalate',
  overdue_commitment: 'fulfil_commitment',
  champion_change: 'find_new_champion',
  owner_gap: 'assign_owner',
  single_threaded: 'multithread',
  stakeholder_silent: 'multithread',
  usage_drop: 'adoption_play',
  renewal_approaching: 'renewal_plan',
  competitor_mention: 'competitive_response',
  negative_sentiment: 'escalate',
  expansion_signal: 'expansion_discovery',
  usage_growth: 'expansion_discovery',
  buying_signal: 'schedule_next_step',
};

/** How soon each kind of action is due. */
const DUE_IN_MS: Record<RecommendationKind, number> = {
  reply: 2 * HOUR, follow_up: 24 * HOUR, fulfil_commitment: 24 * HOUR, multithread: 3 * 24 * HOUR,
  find_new_champion: 3 * 24 * HOUR, assign_owner: 24 * HOUR, renewal_plan: 5 * 24 * HOUR,
  adoption_play: 5 * 24 * HOUR, competitive_response: 2 * 24 * HOUR, expansion_discovery: 5 * 24 * HOUR,
  schedule_next_step: 2 * 24 * HOUR, escalate: 24 * HOUR,
};

interface Ctx extends PlanInput {
  byId: Map<string, Signal>;
  contactByEmail: Map<string, Contact>;
}

type Draft = NonNullable<ProposedRecommendation['draft']>;
const bookedMeeting = (ctx: Ctx) => nextMeetingOf(ctx.signals, ctx.account, ctx.contacts, Date.parse(ctx.asOf));
interface Built { title: string; target: string; rationale: string; draft?: Draft; dueInMs?: number }

function contactsOf(f: Factor, ctx: Ctx): Contact[] {
  return (f.contacts ?? []).map((e) => ctx.contactByEmail.get(e.toLowerCase()) ?? { email: e, name: null, role: null, title: null } as Contact);
}

function names(cs: Contact[]): string {
  const n = cs.map((c) => `${personName(c)}${c.role ? ` (${c.role.replace(/_/g, ' ')})` : ''}`);
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

function latestInbound(ctx: Ctx, f: Factor): Signal | undefined {
  const ev = f.evidence.map((id) => ctx.byId.get(id)).filter((s): s is Signal => Boolean(s));
  return ev.reverse().find((s) => s.kind === 'email' || s.kind === 'engagement' || s.kind === 'chat') ?? ev[0];
}

function senderOf(s: Signal | undefined): { email?: string; name?: string } {
  if (!s) return {};
  if (s.kind === 'email') return { email: s.from.email, name: s.from.name };
  if (s.kind === 'engagement') return { email: s.contactEmail, name: s.contactName };
  if (s.kind === 'chat') return { email: s.author.email, name: s.author.name };
  return {};
}

function signature(ctx: Ctx): string {
  return ctx.ownerName ? `\n\nBest,\n${ctx.ownerName.split(' ')[0]}` : '\n\nBest regards';
}

/** Each factor's action; null when the situation already has it in hand. */
const BUILDERS: Partial<Record<FactorName, (f: Factor, ctx: Ctx) => Built | null>> = {
  new_lead_waiting(f, ctx) {
    // Drafted the moment the lead lands; when the first-response target passes unanswered the factor
    // weighs in full, and the same recommendation (same target) comes back with a higher priority.
    const s = latestInbound(ctx, f);
    const who = senderOf(s);
    const name = who.name ?? (who.email ? ctx.contactByEmail.get(who.email.toLowerCase())?.name ?? undefined : undefined);
    const asked = s ? leadAsks(s) : [];
    const first = f.evidence.map((id) => ctx.byId.get(id)).find((x): x is Signal => Boolean(x));
    const minutes = riskConfigFor(ctx.account.settings).newLead.responseMinutes;
    const late = first ? Date.parse(ctx.asOf) >= Date.parse(first.occurredAt) + minutes * 60_000 : true;
    const channel = s?.kind === 'engagement' ? 'form' : s?.kind === 'chat' ? 'chat message' : 'email';
    // What they want to know, in our words, so the title and rationale name the thing and not only the quote.
    const action = latestRequestedAction(asked);
    return {
      title: `Reply to new lead ${name ?? who.email ?? ctx.account.name}${late ? ` now: the ${minutesTarget(minutes)} first-response target has passed` : `: the draft is ready, answer within the ${minutesTarget(minutes)} target`}`,
      target: who.email ?? 'lead',
      rationale: `${f.explanation}. Speed to first response decides whether a new lead converts; every hour of delay costs meetings.${action ? ` To answer: ${action}.` : ''}${asked.length ? ` Their ${channel} asks: ${asked.map((q) => `"${truncate(q, 200)}"`).join(' ')}` : ''}`,
      dueInMs: late ? 15 * 60_000 : Math.max(60_000, (first ? Date.parse(first.occurredAt) + minutes * 60_000 : Date.parse(ctx.asOf)) - Date.parse(ctx.asOf)),
      draft: {
        channel: 'email', to: who.email ? [who.email] : [],
        subject: s?.kind === 'email' && s.subject ? (s.subject.startsWith('Re:') ? s.subject : `Re: ${s.subject}`) : `Your enquiry${ctx.account.name ? ` — ${ctx.account.name}` : ''}`,
        body: `Hi ${firstName(name) ?? 'there'},\n\nThank you for getting in touch${s?.kind === 'engagement' ? ' through our website' : ''}.${asked.length
          ? ` You asked:\n\n${asked.map((q) => `> ${q}`).join('\n')}\n\n[Your answer.] The quickest way to get you everything you need is a short call:`
          : ' The quickest way to understand what you need is a short call:'} would [slot 1] or [slot 2] work for 20 minutes? I will bring answers to your questions and anything else that helps.${signature(ctx)}`,
      },
    };
  },
  unanswered_inbound(f, ctx) {
    const s = latestInbound(ctx, f);
    const who = senderOf(s);
    const subject = s?.kind === 'email' ? s.subject : undefined;
    const waited = s ? daysBetween(s.occurredAt, ctx.asOf) : 0;
    const perceived = (s?.insights?.requests ?? []).map((r) => r.text.trim()).filter(Boolean);
    const asked = perceived.length ? perceived.slice(-2) : s ? questionSentences(signalText(s)).filter((q) => !/^re:/i.test(q)).slice(-2) : [];
    // What they want from us, in our words ("send the SAML metadata for their workspace"); else the subject.
    const action = latestRequestedAction(asked);
    return {
      title: `Reply to ${who.name ?? who.email ?? 'the customer'}${action ? `: ${action}` : subject ? `: "${subject}"` : ''}`,
      target: who.email ?? 'inbound',
      rationale: `${f.explanation}. ${asked.length ? `They asked: "${asked.join(' ')}" ` : ''}${waited >= 1 ? `They have waited ${waited} day${waited === 1 ? '' : 's'}` : 'They are waiting'} for an answer${s ? ` to their message of ${shortDate(s.occurredAt)}` : ''}. ${lastTouch(ctx.signals, ctx.asOf)}`,
      draft: {
        channel: 'email', to: who.email ? [who.email] : [],
        subject: subject ? (subject.startsWith('Re:') ? subject : `Re: ${subject}`) : `Following up`,
        body: `Hi ${firstName(who.name) ?? 'there'},\n\nThanks for your note${subject ? ` about "${subject}"` : ''} — sorry for the wait.${asked.length ? `\n\n> ${asked.join(' ')}\n\n[Your answer.]` : ' [Answer their question here.]'}\n\nWould it help to walk through it together this week?${signature(ctx)}`,
      },
    };
  },
  silence(f, ctx) {
    const cs = contactsOf(f, ctx);
    // Silence from a champion who has left is explained: finding a new champion is the action.
    const gone = new Set(ctx.assessment.factors.filter((x) => x.factor === 'champion_change').flatMap((x) => x.contacts ?? []));
    if (cs.length > 0 && cs.every((c) => gone.has(c.email))) return null;
    // We owe them an overdue promise: keeping it is the follow-up; "did my note reach you?" would
    // ask them to move while the next move is ours.
    const owed = ctx.assessment.factors.find((x) => x.factor === 'overdue_commitment');
    if (owed && (cs.length === 0 || cs.some((c) => (owed.contacts ?? []).includes(c.email)))) return null;
    const to = cs.filter((c) => c.email).map((c) => c.email);
    const lastOut = [...ctx.signals].reverse().find((s) => s.kind === 'email' && s.direction === 'outbound');
    const subject = lastOut?.kind === 'email' ? lastOut.subject : undefined;
    return {
      title: `Follow up with ${cs.length ? names(cs.slice(0, 2)) : ctx.account.name}${subject ? ` on "${subject}"` : ''}`,
      target: to[0] ?? 'account',
      rationale: `${f.explanation}. ${lastTouch(ctx.signals, ctx.asOf)} A short, specific follow-up now beats a "just checking in" next week.`,
      draft: {
        channel: 'email', to,
        subject: subject ? (subject.startsWith('Re:') ? subject : `Re: ${subject}`) : `Next steps for ${ctx.account.name}`,
        body: `Hi ${firstName(cs[0]?.name) ?? 'there'},\n\nI wanted to make sure ${subject ? `"${subject}"` : 'my last note'} reached you. Is there anything you need from us to move forward — or a better time to pick this up?${signature(ctx)}`,
      },
    };
  },
  no_next_step(f, ctx) {
    const cs = contactsOf(f, ctx);
    return {
      title: `Book the next meeting with ${cs.length ? names(cs.slice(0, 2)) : ctx.account.name}`,
      target: 'next_step',
      rationale: `${f.explanation}. Deals without a dated next step stall; propose a concrete time while the last conversation is fresh. ${lastTouch(ctx.signals, ctx.asOf)}`,
    };
  },
  stage_stalled(f, ctx) {
    return {
      title: `Review the stalled ${ctx.account.stage} stage at ${ctx.account.name} with your manager`,
      target: 'stage_stalled',
      rationale: `${f.explanation}. A deal stuck in one stage this long rarely moves on its own: agree a plan (new contact, executive outreach or close out).`,
    };
  },
  overdue_commitment(f, ctx) {
    const items = overdueCommitments(f, ctx);
    const first = items[0];
    const cs = contactsOf(f, ctx);
    const to = cs.map((c) => c.email);
    const thing = first ? deliverableOf(first, ctx.byId.get(first.signalId)) : undefined;
    // Their message asking after it (the factor's evidence beside the promises): keeping the promise
    // answers it, in its thread, to whoever asked.
    const chaser = chaserOf(f, ctx, items);
    const asker = senderOf(chaser);
    const askerName = asker.name ?? (asker.email ? ctx.contactByEmail.get(asker.email.toLowerCase())?.name ?? undefined : undefined);
    const asked = chaser ? asksOf(chaser).slice(-2) : [];
    const reTo = chaser?.kind === 'email' && chaser.subject.trim() ? (/^re:/i.test(chaser.subject) ? chaser.subject : `Re: ${chaser.subject}`) : undefined;
    const recipients = [...new Set([...(asker.email ? [asker.email] : []), ...to])];
    const greet = firstName(askerName) ?? firstName(cs[0]?.name) ?? 'there';
    return {
      title: thing ? `${cs.length ? `Send ${names(cs.slice(0, 2))} ${thing}` : `Send ${thing} to ${ctx.account.name}`}${first?.dueAt ? `, promised for ${shortDate(first.dueAt)}` : ''}${chaser ? ` (${firstName(askerName) ?? 'they'} asked again ${shortDate(chaser.occurredAt)})` : ''}` : `Deliver the overdue commitment to ${ctx.account.name}`,
      target: first ? `commitment:${first.signalId}` : 'commitment',
      rationale: `${f.explanation}. ${items.map((c) => `We owe ${deliverableOf(c, ctx.byId.get(c.signalId))}${c.dueAt ? ` (due ${shortDate(c.dueAt)})` : ''}: "${truncate(c.text, 160)}"`).join('; ')}.${chaser ? ` ${askerName ?? asker.email ?? 'They'} asked after it on ${shortDate(chaser.occurredAt)}${asked.length ? `: "${truncate(asked.join(' '), 200)}"` : ''}; sending it answers that message too.` : ''} A missed promise costs more trust than a late deal.`,
      draft: recipients.length ? {
        channel: 'email', to: recipients,
        subject: reTo ?? (thing ? capitalise(thing.replace(/^(the|our|a|an) /i, '')) : 'What we promised'),
        body: `Hi ${greet},\n\n${chaser && asked.length ? `${asked.map((q) => `> ${q}`).join('\n')}\n\n` : ''}${chaser ? `Sorry to keep you waiting — as promised, here is ${thing ?? 'what we committed to'}` : `As promised${first?.dueAt ? ' (and later than I said — apologies)' : ''}, here is ${thing ?? 'what we committed to'}`}. [Attach it here.]\n\nLet me know if anything is missing.${signature(ctx)}`,
      } : undefined,
    };
  },
  champion_change(f, ctx) {
    const cs = contactsOf(f, ctx);
    const others = ctx.contacts.filter((c) => c.status === 'active' && !cs.some((x) => x.email === c.email));
    const change = departureOf(cs, ctx);
    const heir = successorName(change?.successor);
    const heirContact = change?.successor ? findContact(ctx, change.successor) : undefined;
    const heirEmail = change?.successor?.email ?? heirContact?.email;
    const former = cs.length ? names(cs) : 'the former champion';
    const moved = change?.newRole ? ` (now ${change.newRole})` : '';
    return {
      title: heir
        ? `Win over ${heir}, who takes over from ${former} at ${ctx.account.name}`
        : `Find a new champion at ${ctx.account.name}${cs.length ? ` now that ${names(cs)} has moved on` : ''}`,
      target: cs[0]?.email ?? 'champion',
      rationale: `${f.explanation}. Without a champion nobody inside argues for us at renewal. ${heir
        ? `${former}${moved} named ${heir} as the successor: introduce yourself to ${firstName(heir) ?? heir}, recap what we deliver and agree how to work together${others.length ? `; keep ${names(others.filter((c) => c.email !== heirEmail).slice(0, 2)) || 'the others'} close` : ''}.`
        : others.length ? `Start with ${names(others.slice(0, 3))}; ask ${firstName(cs[0]?.name) ?? 'the former champion'} for an introduction to their successor.` : `Ask ${firstName(cs[0]?.name) ?? 'the former champion'} who now owns the relationship.`}`,
      draft: heir && heirEmail ? {
        channel: 'email', to: [heirEmail],
        subject: `Introduction: carrying on ${firstName(cs[0]?.name) ?? 'the'} work with us at ${ctx.account.name}`,
        body: `Hi ${firstName(heirContact?.name ?? change?.successor?.name) ?? 'there'},\n\nI understand you are taking over from ${cs[0] ? personName(cs[0]) : 'your colleague'}${moved}. I would love to introduce myself and walk you through what we have been doing together at ${ctx.account.name}. Would a short call this week or next work?${signature(ctx)}`,
      } : cs[0]?.email && unreachable(cs[0], ctx) ? (others.length ? {
        // Their address is gone: ask the people still there, not a mailbox that bounces.
        channel: 'email', to: others.slice(0, 2).map((c) => c.email),
        subject: `Who should we work with at ${ctx.account.name} now?`,
        body: `Hi ${others.slice(0, 2).map((c) => firstName(c.name) ?? c.email).join(' and ')},\n\nI understand ${personName(cs[0])} has left ${ctx.account.name}. Who is the best person for us to work with on what ${firstName(cs[0].name) ?? 'they'} looked after? A short introduction would mean a lot.${signature(ctx)}`,
      } : undefined) : cs[0]?.email ? {
        channel: 'email', to: [cs[0].email],
        subject: 'Congratulations — and who should we work with now?',
        body: `Hi ${firstName(cs[0].name) ?? 'there'},\n\nCongratulations on the move. Thank you for championing us at ${ctx.account.name}. Who would be the best person to carry the work forward on your old team? A short introduction would mean a lot.${signature(ctx)}`,
      } : undefined,
    };
  },
  owner_gap(f, ctx) {
    return {
      title: `Assign an owner to ${ctx.account.name}`,
      target: 'owner',
      rationale: `${f.explanation}. Nobody is accountable for this account${ctx.account.arr ? ` (${money(ctx.account.arr)} ARR)` : ''}; name an owner before the next customer touch is missed.`,
      dueInMs: 24 * HOUR,
    };
  },
  single_threaded(f, ctx) {
    const cs = contactsOf(f, ctx);
    const others = ctx.contacts.filter((c) => c.status === 'active' && !cs.some((x) => x.email === c.email));
    return {
      title: `Multithread ${ctx.account.name}: reach beyond ${cs.length ? names(cs) : 'one contact'}`,
      target: 'single_threaded',
      rationale: `${f.explanation}. If that one person goes quiet or leaves, the deal goes with them. ${others.length ? `Engage ${names(others.slice(0, 3))} directly.` : 'Ask for the economic buyer and the technical evaluator.'}`,
    };
  },
  stakeholder_silent(f, ctx) {
    const cs = contactsOf(f, ctx);
    return {
      title: `Re-engage ${names(cs) || 'silent stakeholders'} at ${ctx.account.name}`,
      target: cs.map((c) => c.email).sort().join(',') || 'stakeholders',
      rationale: `${f.explanation}. Only part of the buying group is engaged; those who are silent can still block the deal late. Reach them directly with what matters to their role.`,
      draft: cs.length ? {
        channel: 'email', to: cs.map((c) => c.email),
        subject: `${ctx.account.name}: anything you need from us?`,
        body: `Hi ${cs.map((c) => firstName(c.name) ?? c.email).join(' and ')},\n\nI want to make sure you have everything you need from our side${cs.some((c) => c.role === 'security') ? ' for the security review' : ''}${cs.some((c) => c.role === 'procurement') ? ' for procurement' : ''}. Is there anything open I can help with, or a good time for a short call?${signature(ctx)}`,
      } : undefined,
    };
  },
  usage_drop(f, ctx) {
    return {
      title: `Run an adoption play at ${ctx.account.name}: usage is down`,
      target: 'usage',
      rationale: `${f.explanation}. Falling usage precedes churn; find out which team dropped off and why, and offer a working session or training.`,
    };
  },
  renewal_approaching(f, ctx) {
    const people = renewalPeople(ctx);
    const champion = people.find((p) => p.role === 'champion');
    return {
      title: `Build the renewal plan for ${ctx.account.name}${ctx.account.renewalDate ? ` (renews ${shortDate(ctx.account.renewalDate)})` : ''}${champion ? ` with ${personName(champion)}` : ''}`,
      target: 'renewal',
      rationale: `${f.explanation}. Agree the renewal path now: confirm the decision maker, the value delivered and any risks before procurement starts the clock.${people.length ? ` Work it with ${names(people)}${renewalSilence(people, ctx)}.` : ' No champion or buyer is on record: find out who signs the renewal.'}`,
    };
  },
  competitor_mention(f, ctx) {
    const found = perceivedIn(f, ctx, (s) => (s.insights?.competitors ?? []).filter((c) => !c.replacing && c.context !== 'replacing' && c.context !== 'integration'));
    const evaluating = found.filter((c) => c.context === 'evaluation');
    const named = [...new Set((evaluating.length ? evaluating : found).map((c) => c.name))];
    const list = named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return {
      title: list ? `Respond to ${list} in play at ${ctx.account.name}` : `Respond to the competitor in play at ${ctx.account.name}`,
      target: 'competitor',
      rationale: `${f.explanation}. Get ahead of the comparison${list ? ` with ${list}` : ''}: share the differentiators that matter to their use case and a customer reference.`,
    };
  },
  negative_sentiment(f, ctx) {
    return {
      title: `Escalate: ${ctx.account.name} is unhappy`,
      target: 'sentiment',
      rationale: `${f.explanation}. An unhappy customer needs a senior voice quickly; acknowledge, own the issue and agree a fix with a date.`,
    };
  },
  expansion_signal(f, ctx) {
    const found = perceivedIn(f, ctx, (s) => s.insights?.expansion ?? []);
    // The perceived team and seats; else read from the expansion's own words.
    const scoped = [...found].reverse().find((e) => e.team || e.seats) ?? [...found].reverse().map((e) => scopeFromText(e.text)).find((e) => e.team || e.seats);
    const scope = scoped ? expansionScope(scoped) : undefined;
    return {
      title: scope ? `Explore the expansion at ${ctx.account.name}: ${scope}` : `Explore the expansion opportunity at ${ctx.account.name}`,
      target: 'expansion',
      rationale: `${f.explanation}. ${scope ? `${capitalise(scope)}: a new group inside a customer that already trusts us; ask for a discovery conversation about their needs, timing and who decides, before a budget is set.` : 'A new initiative is the moment to offer help before a budget is set; ask for a discovery conversation about it.'}`,
    };
  },
  usage_growth(f, ctx) {
    return {
      title: `Usage is growing at ${ctx.account.name}: open an expansion conversation`,
      target: 'expansion',
      rationale: `${f.explanation}. Growth beyond the contract is the clearest expansion signal; align on the next tier before they hit limits.`,
    };
  },
  buying_signal(f, ctx) {
    if (bookedMeeting(ctx)) return null; // the next step is already on the calendar
    return {
      title: `Strike while it's hot: propose the next step with ${ctx.account.name}`,
      target: 'next_step',
      rationale: `${f.explanation}. They are showing buying intent; propose a concrete next step (call, order form, or security review) with a date.`,
    };
  },
};

/** What a message asks of us: the requests perception read, else the sentences that ask (their own words). */
function asksOf(s: Signal): string[] {
  const perceived = (s.insights?.requests ?? []).map((r) => r.text.trim()).filter(Boolean);
  if (perceived.length) return perceived;
  const text = s.kind === 'engagement' ? s.text ?? '' : signalText(s);
  return questionSentences(text).filter((q) => !/^re:/i.test(q));
}

const leadAsks = (s: Signal) => asksOf(s).slice(0, 3);

/** A perceived list from the factor's evidence signals, newest last. */
function perceivedIn<T>(f: Factor, ctx: Ctx, pick: (s: Signal) => T[]): T[] {
  return f.evidence.map((id) => ctx.byId.get(id)).filter((s): s is Signal => Boolean(s)).flatMap(pick);
}

/** Who a renewal is worked with: the active champion first, then whoever signs or decides. */
const RENEWAL_ROLES = ['champion', 'economic_buyer', 'decision_maker', 'executive_sponsor'];
function renewalPeople(ctx: Ctx): Contact[] {
  return ctx.contacts
    .filter((c) => c.status === 'active' && c.role && RENEWAL_ROLES.includes(c.role) && !unreachable(c, ctx))
    .sort((a, b) => RENEWAL_ROLES.indexOf(a.role!) - RENEWAL_ROLES.indexOf(b.role!))
    .slice(0, 3);
}

/** "; Desmond has never been in a conversation with us": the people a renewal needs who have never talked to us. */
function renewalSilence(people: Contact[], ctx: Ctx): string {
  const heard = new Set(ctx.signals.flatMap((s) => (s.kind === 'email' && s.direction === 'inbound' ? [s.from.email.toLowerCase()] : s.kind === 'chat' && s.author.email ? [s.author.email.toLowerCase()] : s.kind === 'meeting' ? s.attendees.map((a) => a.email?.toLowerCase() ?? '') : [])));
  const never = people.filter((p) => !heard.has(p.email.toLowerCase())).map((p) => firstName(p.name) ?? p.email);
  return never.length ? `; ${never.join(' and ')} ${never.length === 1 ? 'has' : 'have'} never been in a conversation with us` : '';
}

/** A contact we can no longer write to: left the company (CRM or contact status) or their address bounces. */
function unreachable(c: Contact, ctx: Ctx): boolean {
  const email = c.email.toLowerCase();
  if (c.status === 'left') return true;
  return ctx.signals.some((s) => (s.kind === 'crm' && s.change === 'contact_left' && s.contactEmail?.toLowerCase() === email)
    || (s.insights?.stakeholderChanges ?? []).some((ch) => ch.change === 'bounced' && ch.contactEmail?.toLowerCase() === email));
}

/** The latest perceived departure of one of these people (who replaces them, their new role). */
function departureOf(cs: Contact[], ctx: Ctx): NonNullable<Signal['insights']>['stakeholderChanges'][number] | undefined {
  const emails = new Set(cs.map((c) => c.email.toLowerCase()));
  const firstNames = cs.map((c) => firstName(c.name)?.toLowerCase()).filter((n): n is string => Boolean(n));
  const all = ctx.signals.flatMap((s) => s.insights?.stakeholderChanges ?? []).filter((ch) => ch.change !== 'joined' && ch.side !== 'us');
  const mine = all.filter((ch) => (ch.contactEmail && emails.has(ch.contactEmail.toLowerCase())) || (ch.name && firstNames.includes(ch.name.split(/\s+/)[0].toLowerCase())));
  return [...mine].reverse().find((ch) => ch.successor) ?? mine[mine.length - 1];
}

function findContact(ctx: Ctx, who: { name?: string; email?: string }): Contact | undefined {
  if (who.email) return ctx.contactByEmail.get(who.email.toLowerCase());
  const n = who.name?.toLowerCase();
  return n ? ctx.contacts.find((c) => c.name?.toLowerCase() === n || (c.name && c.name.toLowerCase().split(/\s+/)[0] === n)) : undefined;
}

const capitalise = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function money(n: number): string {
  return n >= 1000 ? `$${Math.round(n / 1000)}k` : `$${n}`;
}

/** The latest message of theirs in a promise's evidence: one asking after it (the promises are ours). */
function chaserOf(f: Factor, ctx: Ctx, promises: Array<{ signalId: string }>): Signal | undefined {
  const made = new Set(promises.map((c) => c.signalId));
  const theirs = f.evidence.filter((id) => !made.has(id)).map((id) => ctx.byId.get(id))
    .filter((s): s is Signal => Boolean(s) && ((s!.kind === 'email' && s!.direction === 'inbound') || s!.kind === 'chat' || s!.kind === 'engagement'));
  return theirs.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).pop();
}

function overdueCommitments(f: Factor, ctx: Ctx): Array<{ text: string; deliverable?: string; dueAt?: string; signalId: string }> {
  const out: Array<{ text: string; deliverable?: string; dueAt?: string; signalId: string }> = [];
  for (const id of f.evidence) {
    const s = ctx.byId.get(id);
    for (const c of s?.insights?.commitments ?? []) {
      if (c.owner === 'us' && (!c.dueAt || c.dueAt <= ctx.asOf)) out.push({ text: c.text, deliverable: c.deliverable, dueAt: c.dueAt, signalId: id });
    }
  }
  return out;
}

/** Risk contribution × deal value × urgency, on 0–100. */
export function priorityOf(f: Factor, arr: number | null, dueInMs: number): number {
  const risk = Math.min(1, Math.abs(f.weight) / 35);
  const value = arr && arr > 0 ? Math.min(1, Math.log10(Math.max(arr, 1000)) / 6) : 0.5;
  const urgency = dueInMs <= 4 * HOUR ? 1 : dueInMs <= 24 * HOUR ? 0.85 : dueInMs <= 3 * 24 * HOUR ? 0.7 : 0.55;
  return Math.round(100 * (0.5 * risk + 0.25 * value + 0.25 * urgency) * 10) / 10;
}

export function planFromFactors(input: PlanInput): ProposedRecommendation[] {
  const ctx: Ctx = {
    ...input,
    byId: new Map(input.signals.map((s) => [s.id, s])),
    contactByEmail: new Map(input.contacts.map((c) => [c.email.toLowerCase(), c])),
  };
  const out: ProposedRecommendation[] = [];
  const factors = [...input.assessment.factors, ...input.assessment.opportunities];
  for (const f of factors) {
    const build = BUILDERS[f.factor];
    if (!build) continue;
    const kind = ACTION_FOR[f.factor];
    const b = build(f, ctx);
    if (!b) continue;
    const dueInMs = b.dueInMs ?? DUE_IN_MS[kind];
    const evidence: Evidence[] = (input.evidence[f.factor] ?? []).slice(0, 5);
    out.push({
      kind,
      target: b.target,
      title: truncate(b.title, 300),
      rationale: truncate(b.rationale.replace(/\.\./g, '.').replace(/\s+/g, ' ').trim(), 4000),
      evidence,
      priority: priorityOf(f, input.account.arr, dueInMs),
      dueAt: new Date(Date.parse(input.asOf) + dueInMs).toISOString(),
      ...(b.draft ? { draft: b.draft } : {}),
      factors: [f.factor],
    });
  }
  return out;
}

export function createRulesReasoner(): Reasoner {
  return { name: 'rules', plan: async (input) => planFromFactors(input) };
}
