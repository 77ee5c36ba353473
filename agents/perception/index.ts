// Perception: what one signal means for the account, computed once when it is remembered. Pure and
// deterministic: the signal's own time is the reference for every date it mentions.
import { Insights, type Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { automatedKind } from './auto.js';
import { findCommitments } from './commitments.js';
import { findStakeholderChanges } from './stakeholder-changes.js';
import { findCompetitors, type CompetitorMention } from './competitors.js';
import { sentimentOf } from './sentiment.js';
import { findExpansion } from './expansion.js';
import { engagementBuying, findBuying } from './buying.js';
import { isQuestionForUs, questionSentences, requestsOf } from './question.js';
import { utterances, type PerceiveContext } from './utterances.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';

export type { PerceiveContext, Side, Utterance } from './utterances.js';
export { automatedKind } from './auto.js';
export { questionSentences } from './question.js';
export { dueDateOf, DEFAULT_DUE_BUSINESS_DAYS } from './due-date.js';

/** The account's time zone for "by Friday" (settings.timezone, IANA), else UTC. */
function timeZoneOf(ctx: PerceiveContext): string | undefined {
  const tz = ctx.account.settings?.timezone;
  return typeof tz === 'string' && tz ? tz : undefined;
}

/** An address at the account: its domains, or one of its contacts (a personal address). */
function atAccount(email: string, ctx: PerceiveContext): boolean {
  return matchesDomain(email, ctx.account.domains) || ctx.contacts.some((c) => c.email === email);
}

function recipientsOf(signal: Signal, ctx: PerceiveContext): { us: string[]; them: string[] } | undefined {
  if (signal.kind !== 'email') return undefined;
  const all = [...signal.to, ...signal.cc].map((p) => p.email);
  return { us: all.filter((e) => !atAccount(e, ctx)), them: all.filter((e) => atAccount(e, ctx)) };
}

/** Our people on an email (sender and recipients not at the account), by name: "the pilot with Jordan" is not a rival. */
function ourPeopleOf(signal: Signal, ctx: PerceiveContext): string[] {
  // Our company by its domain's name ("OurCo" for ourco.com): the vendor under review is us, never a rival.
  const ourNames = (ctx.ourDomains ?? []).map((d) => d.split('.')[0]).filter((n) => n.length > 2);
  if (signal.kind !== 'email') return ourNames;
  return [...ourNames, ...[signal.from, ...signal.to, ...signal.cc].filter((p) => p.name && !atAccount(p.email, ctx)).map((p) => p.name!)];
}

/** Lines without their "> " marks, joined; undefined when nothing is left. */
const unquoted = (lines: string[]) => lines.map((l) => l.replace(/^\s*>+\s?/, '')).join('\n').trim() || undefined;

/** The message a reply answers (its quoted part), for "I'll send it" to name what "it" is. */
function quotedOf(signal: Signal): string | undefined {
  if (signal.kind !== 'email') return undefined;
  const fresh = stripQuotedReply(signal.text);
  // Either a forward, kept unquoted in the fresh text (no "> " lines), or a reply written between the
  // quoted paragraphs: then the quoted lines are the message it answers.
  if (!signal.text.includes(fresh)) return unquoted(signal.text.split('\n').filter((l) => /^\s*>/.test(l)));
  return unquoted(signal.text.slice(fresh.length).split('\n').filter((l) => !/wrote:\s*$/.test(l)));
}

/**
 * Our reply carries the account's message it answers: what that message asked of us is in this signal too
 * ("Could you share the training schedule?" quoted under "Sure, I can have that to you by Monday").
 */
function quotedAsks(signal: Signal, ctx: PerceiveContext, quoted: string | undefined): string[] {
  if (signal.kind !== 'email' || signal.direction !== 'outbound' || !quoted) return [];
  const attribution = /^On .*?<([^>\s]+@[^>\s]+)>\s*wrote:\s*$/m.exec(signal.text)?.[1];
  return attribution && atAccount(attribution.toLowerCase(), ctx) ? questionSentences(quoted) : [];
}

/** A rival written all in lower case in a chat ("trialling qualix") is named as a name in what we write: "Qualix". */
function asName(found: CompetitorMention[], configured: string[]): CompetitorMention[] {
  const listed = new Set(configured.map((n) => n.toLowerCase()));
  return found.map((c) => (c.name === c.name.toLowerCase() && !listed.has(c.name) ? { ...c, name: c.name.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()) } : c));
}

/** Words that put our deal in a sentence: with them, a person's move and a threat to the contract can share it. */
const OUR_DEAL = /\b(?:renew\w*|contracts?|subscriptions?|cancel\w*|licen[cs]es?|vendors?|platforms?|products?|tools?|apps?|systems?|switch\w*|budget)\b/i;

export function perceiveSignal(signal: Signal, ctx: PerceiveContext): Insights {
  const auto = automatedKind(signal);
  if (auto) {
    // Nobody wrote this to us: only a bounce says something (an address no longer works).
    const changes = auto === 'bounce' ? findStakeholderChanges({ ...signal, auto } as Signal, [], ctx.contacts) : [];
    return Insights.parse({ auto, stakeholderChanges: changes });
  }
  const parts = utterances(signal, ctx);
  const quoted = quotedOf(signal);
  const requests = [...requestsOf(signal, parts, ctx), ...quotedAsks(signal, ctx, quoted)];
  const stakeholderChanges = findStakeholderChanges(signal, parts, ctx.contacts, { accountName: ctx.account.name, competitors: ctx.competitors });
  // A person leaving or moving is a stakeholder change, not the account leaving us: "I'm no longer running
  // operations" ends a role, not the contract, and a farewell's regret is not the account's mood.
  const aboutAPerson = (text: string | undefined) => Boolean(text) && !OUR_DEAL.test(text!) && stakeholderChanges.some((c) => c.text.includes(text!) || text!.includes(c.text));
  const read = sentimentOf(parts);
  const negativeText = aboutAPerson(read.negativeText) ? undefined : read.negativeText;
  // Our notes report what the customer said ("Raj told me they plan to downgrade"): churn intent, not our mood.
  const said = read.churnText ?? (signal.kind === 'note' ? sentimentOf(parts, { reported: true }).churnText : undefined);
  const churn = aboutAPerson(said) ? undefined : said;
  const competitors = asName(findCompetitors(parts, ctx.competitors, { contacts: ctx.contacts, accountName: ctx.account.name, reported: signal.kind === 'note', ourPeople: ourPeopleOf(signal, ctx) }), ctx.competitors);
  return Insights.parse({
    commitments: findCommitments(parts, signal.occurredAt, {
      recipients: recipientsOf(signal, ctx), actionItems: signal.kind === 'note', contacts: ctx.contacts, due: { timeZone: timeZoneOf(ctx) }, before: quoted,
    }),
    stakeholderChanges,
    competitors,
    sentiment: read.sentiment,
    ...(negativeText ? { negativeText } : {}),
    ...(churn ? { churnIntent: { text: churn } } : {}),
    // A rival perceived here is someone else's tool: seats in it are not our expansion ("Clari gave the SDRs 20 logins").
    // The message it answers lets a count answer our how-many question ("12" under "how many seats will the new team need?").
    expansion: findExpansion(parts, { reported: signal.kind === 'note', stage: ctx.account.stage, rivals: competitors.map((c) => c.name), before: quoted }),
    buying: [...findBuying(parts, { reported: signal.kind === 'note' }), ...engagementBuying(signal)],
    question: isQuestionForUs(signal, parts, ctx),
    ...(requests.length ? { requests: requests.map((text) => ({ text })) } : {}),
  });
}
