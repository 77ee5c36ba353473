// Small, realistic builders for pure tests of perception and the risk model: an account story whose
// signals are parsed like the API parses them, given a direction like the email parsers give it,
// and perceived like `remember` perceives them.
import type { Account } from '../../../db/queries/accounts.js';
import type { Contact } from '../../../db/queries/contacts.js';
import { SignalInput, type Signal } from '../../../agents/signals/schema.js';
import { emailDirection } from '../../../agents/signals/direction.js';
import { perceiveSignal } from '../../../agents/perception/index.js';
import { DEFAULT_RISK_CONFIG, riskConfigFor, type RiskConfig } from '../../../agents/risk/config.js';
import { assessRisk } from '../../../agents/risk/model.js';
import { buildTimeline, type Timeline } from '../../../agents/risk/timeline.js';
import type { Assessment, Factor, OpenRecommendation } from '../../../agents/risk/types.js';

/** The evaluation moment: a Friday afternoon. */
export const NOW = '2026-11-20T16:40:00.000Z';
export const OUR_DOMAINS = ['ourco.com'];
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A moment relative to NOW: `at(-6)` six days before, `at(0, -2)` two hours before. */
export function at(days: number, hours = 0, from = NOW): string {
  return new Date(Date.parse(from) + days * DAY + hours * HOUR).toISOString();
}

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acme', name: 'Acme Logistics', domains: ['acme.com'], stage: 'discovery', arr: 120_000, renewalDate: null,
    ownerId: 'sam', csmId: null, settings: {}, riskScore: null, riskLevel: null, lastAssessedAt: null,
    createdAt: at(-300), updatedAt: at(-1), ...over,
  };
}

export function contact(email: string, name: string, role: string | null = null, over: Partial<Contact> = {}): Contact {
  return { id: email, accountId: 'acme', email, name, title: null, role, status: 'active', createdAt: at(-200), updatedAt: at(-200), ...over };
}

/** Our people, by address. */
const OURS: Record<string, string> = { 'sam@ourco.com': 'Sam Patel', 'riley@ourco.com': 'Riley Chen', 'jo@ourco.com': 'Jo Park' };

type Raw = Record<string, unknown>;
export interface EmailSpec { from: string; to: string | string[]; text: string; subject?: string; cc?: string[]; auto?: 'auto_reply' | 'newsletter' | 'bounce'; attachments?: Array<{ name: string; size: number }>; threadId?: string }

export class Story {
  readonly account: Account;
  readonly contacts: Contact[];
  readonly signals: Signal[] = [];
  private n = 0;

  constructor(opts: { account?: Partial<Account>; contacts?: Contact[] } = {}) {
    this.account = account(opts.account);
    this.contacts = opts.contacts ?? [];
  }

  person(email: string): { email: string; name?: string } {
    const name = this.contacts.find((c) => c.email === email)?.name ?? OURS[email];
    return name ? { email, name } : { email };
  }

  /** Any signal as the API would take it; perceived with this story's account and contacts. */
  add(raw: Raw): Signal {
    const input = SignalInput.parse(raw);
    const direction = input.kind === 'email' ? input.direction ?? emailDirection(input.from.email, this.account.domains, OUR_DOMAINS) : undefined;
    const base = { ...input, id: `sig-${(this.n += 1)}`, accountId: this.account.id, source: input.source ?? 'test', receivedAt: input.occurredAt, ...(direction ? { direction } : {}) } as Signal;
    const competitors = riskConfigFor(this.account.settings).competitors;
    const s = { ...base, insights: perceiveSignal(base, { account: this.account, contacts: this.contacts, ourDomains: OUR_DOMAINS, competitors }) } as Signal;
    this.signals.push(s);
    return s;
  }

  email(when: string, spec: EmailSpec): Signal {
    const to = Array.isArray(spec.to) ? spec.to : [spec.to];
    return this.add({
      kind: 'email', occurredAt: when, from: this.person(spec.from), to: to.map((e) => this.person(e)), cc: (spec.cc ?? []).map((e) => this.person(e)),
      subject: spec.subject ?? 'Re: rollout plan', text: spec.text,
      ...(spec.auto ? { auto: spec.auto } : {}), ...(spec.attachments ? { attachments: spec.attachments } : {}), ...(spec.threadId ? { threadId: spec.threadId } : {}),
    });
  }

  /** A call: attendees by address, turns as [speaker name, words]. */
  meeting(when: string, title: string, attendees: string[], turns: Array<[string, string]>): Signal {
    return this.add({
      kind: 'meeting', occurredAt: when, title, durationSec: 1800,
      attendees: attendees.map((e) => ({ email: e, name: this.person(e).name ?? e })),
      transcript: turns.map(([speaker, text], i) => ({ speaker, text, startSec: i * 30 })),
    });
  }

  /** Daily points of one metric, the last one `endDaysAgo` days before NOW. */
  usage(metric: string, values: number[], endDaysAgo = 1, from = NOW): Signal[] {
    return values.map((value, i) => this.add({ kind: 'usage', occurredAt: at(-(endDaysAgo + values.length - 1 - i), 0, from), metric, value, unit: 'users' }));
  }

  crm(when: string, change: string, fields: { from?: string | null; to?: string | null; contactEmail?: string; text?: string } = {}): Signal {
    return this.add({ kind: 'crm', occurredAt: when, change, ...fields });
  }

  calendar(when: string, event: 'scheduled' | 'updated' | 'cancelled', eventId: string, title: string, startsAt: string, attendees: string[]): Signal {
    return this.add({ kind: 'calendar', occurredAt: when, event, eventId, title, startsAt, endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString(), attendees: attendees.map((e) => ({ email: e, name: this.person(e).name ?? e })) });
  }

  note(when: string, text: string, author = 'Sam Patel'): Signal {
    return this.add({ kind: 'note', occurredAt: when, text, author });
  }

  engagement(when: string, event: 'proposal_viewed' | 'pricing_page_visit' | 'form_submitted' | 'link_clicked', fields: { contactEmail?: string; contactName?: string; text?: string; url?: string } = {}): Signal {
    return this.add({ kind: 'engagement', occurredAt: when, event, ...fields });
  }

  chat(when: string, author: string, text: string, channel = 'acme-shared'): Signal {
    return this.add({ kind: 'chat', occurredAt: when, channel, author: { email: author, name: this.person(author).name ?? author }, text });
  }

  ticket(when: string, subject: string, text: string, priority: 'low' | 'normal' | 'high' | 'urgent' = 'normal', status: 'open' | 'pending' | 'solved' | 'closed' = 'open', requester?: string): Signal {
    return this.add({ kind: 'ticket', occurredAt: when, subject, text, priority, status, ...(requester ? { requesterEmail: requester } : {}) });
  }

  assess(asOf = NOW, extra: { config?: RiskConfig; openRecommendations?: OpenRecommendation[] } = {}): Assessment {
    return assessRisk({ account: this.account, contacts: this.contacts, signals: this.signals, asOf, ...extra });
  }

  /** What one factor function sees, for testing it alone. */
  timeline(asOf = NOW, config: RiskConfig = riskConfigFor(this.account.settings)): Timeline {
    return buildTimeline({ account: this.account, contacts: this.contacts, signals: this.signals, asOf }, config);
  }
}

export const names = (a: Assessment): string[] => [...a.factors, ...a.opportunities].map((f) => f.factor).sort();
export const factor = (a: Assessment, name: string): Factor | undefined => [...a.factors, ...a.opportunities].find((f) => f.factor === name);

export { DEFAULT_RISK_CONFIG };
