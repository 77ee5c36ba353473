// zod schemas of every signal kind (DESIGN.md "Shared vocabulary"). The API body, the parsers'
// output and the stored row all derive from these.
import { z } from 'zod';

/**
 * An ISO 8601 instant that Postgres can store: year 0000 is valid ISO 8601 but Postgres refuses it
 * ("date/time field value out of range"), which answered 500 (found by test/fuzz/webhooks.test.ts).
 */
export const isoInstant = () => z.iso.datetime({ offset: true, local: false }).refine((s) => !s.startsWith('0000-'), 'year 0000 does not exist (the year before 1 is 1 BC)');
const isoDate = isoInstant();

/** An address, RFC 6532 UTF-8 local parts and domains included. */
const address = () => z.string().trim().toLowerCase().pipe(z.email({ pattern: z.regexes.unicodeEmail }));

export const Person = z.object({
  email: address(),
  name: z.string().max(200).optional(),
});
export type Person = z.infer<typeof Person>;

/** A participant whose email may be unknown (transcript speakers, chat authors). */
export const Participant = z.object({
  email: address().optional(),
  name: z.string().max(200),
});
export type Participant = z.infer<typeof Participant>;

const common = {
  occurredAt: isoDate,
  externalId: z.string().min(1).max(512).optional(),
  source: z.string().min(1).max(128).optional(),
};

export const EmailSignal = z.object({
  kind: z.literal('email'),
  ...common,
  from: Person,
  to: z.array(Person).max(200).default([]),
  cc: z.array(Person).max(200).default([]),
  subject: z.string().max(1000).default(''),
  text: z.string().max(200_000),
  threadId: z.string().max(512).optional(),
  inReplyTo: z.string().max(512).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  /** Automated mail (auto-replies, newsletters, bounces) as flagged by a parser or the sender. */
  auto: z.enum(['auto_reply', 'newsletter', 'bounce']).optional(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), contentType: z.string().optional() })).max(100).optional(),
  /** Where occurredAt came from when the Date header was missing or implausible (absent: the Date header). */
  dateSource: z.enum(['received', 'envelope']).optional(),
});

export const TranscriptTurn = z.object({
  speaker: z.string().max(200),
  text: z.string().max(50_000),
  startSec: z.number().nonnegative().optional(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const MeetingSignal = z.object({
  kind: z.literal('meeting'),
  ...common,
  title: z.string().max(1000),
  attendees: z.array(Participant).max(200).default([]),
  durationSec: z.number().nonnegative().optional(),
  transcript: z.union([z.array(TranscriptTurn).max(20_000), z.string().max(500_000)]),
  /** The call was recorded but its transcript is still to come (Gong call_completed): imported or fetched later. */
  transcriptPending: z.boolean().optional(),
});

export const UsageSignal = z.object({
  kind: z.literal('usage'),
  ...common,
  metric: z.string().min(1).max(200),
  value: z.number().finite(),
  unit: z.string().max(50).optional(),
});

export const CRM_CHANGES = ['stage', 'owner', 'contact_role', 'contact_left', 'renewal_date', 'amount', 'next_step'] as const;
export const CrmSignal = z.object({
  kind: z.literal('crm'),
  ...common,
  change: z.enum(CRM_CHANGES),
  from: z.string().max(1000).nullable().optional(),
  to: z.string().max(1000).nullable().optional(),
  contactEmail: address().optional(),
  text: z.string().max(10_000).optional(),
});

export const TicketSignal = z.object({
  kind: z.literal('ticket'),
  ...common,
  subject: z.string().max(1000),
  text: z.string().max(100_000).default(''),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
  status: z.enum(['open', 'pending', 'solved', 'closed']).default('open'),
  requesterEmail: address().optional(),
});

export const NoteSignal = z.object({
  kind: z.literal('note'),
  ...common,
  text: z.string().min(1).max(100_000),
  author: z.string().max(200).optional(),
});

export const ENGAGEMENT_EVENTS = ['proposal_viewed', 'pricing_page_visit', 'form_submitted', 'link_clicked'] as const;
export const EngagementSignal = z.object({
  kind: z.literal('engagement'),
  ...common,
  event: z.enum(ENGAGEMENT_EVENTS),
  contactEmail: address().optional(),
  contactName: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  text: z.string().max(20_000).optional(),
});

export const NewsSignal = z.object({
  kind: z.literal('news'),
  ...common,
  title: z.string().max(1000),
  text: z.string().max(100_000).default(''),
  url: z.string().max(2000).optional(),
});

export const CalendarSignal = z.object({
  kind: z.literal('calendar'),
  ...common,
  event: z.enum(['scheduled', 'updated', 'cancelled']),
  eventId: z.string().min(1).max(512),
  title: z.string().max(1000),
  startsAt: isoDate,
  endsAt: isoDate.optional(),
  attendees: z.array(Participant).max(200).default([]),
  organizer: z.string().max(200).optional(),
});

export const ChatSignal = z.object({
  kind: z.literal('chat'),
  ...common,
  channel: z.string().max(200),
  author: Participant.extend({ name: z.string().max(200) }),
  text: z.string().min(1).max(50_000),
  threadId: z.string().max(512).optional(),
});

/** A signal as delivered to the API or produced by a parser. */
export const SignalInput = z.discriminatedUnion('kind', [
  EmailSignal, MeetingSignal, UsageSignal, CrmSignal, TicketSignal, NoteSignal, EngagementSignal,
  NewsSignal, CalendarSignal, ChatSignal,
]);
export type SignalInput = z.infer<typeof SignalInput>;
export type SignalInputOf<K extends SignalInput['kind']> = Extract<SignalInput, { kind: K }>;

/** What perception derived from one signal (computed once, stored beside it). */
export const Insights = z.object({
  commitments: z.array(z.object({
    text: z.string(),
    /** 'us' = our side promised; 'them' = the customer promised. */
    owner: z.enum(['us', 'them']),
    who: z.string().optional(),
    /** What was promised, in a few words ("the SOC 2 report", "a revised quote for 40 seats"), resolved from the
     * sentence before or the question it answers when the promise itself says only "it" or "that". */
    deliverable: z.string().optional(),
    dueAt: z.string().optional(),
    /** True when no date was said and `dueAt` is the default (a few business days after it was said). */
    dueDefaulted: z.boolean().optional(),
    /** Who the promise was made to (emails): the recipients, or whoever asked just before in a call. */
    counterparts: z.array(z.string()).optional(),
  })).default([]),
  stakeholderChanges: z.array(z.object({
    contactEmail: z.string().optional(),
    name: z.string().optional(),
    change: z.enum(['left', 'moved', 'role_changed', 'bounced', 'joined']),
    text: z.string(),
    /** Whose person it is: 'us' for our own people (the account's owner or CSM leaving); absent = the account's. */
    side: z.enum(['us', 'them']).optional(),
    /** Who takes over, when the text names them. */
    successor: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
    /** The new role or employer, when said ("VP Finance", "a startup"). */
    newRole: z.string().optional(),
  })).default([]),
  competitors: z.array(z.object({
    name: z.string(),
    text: z.string(),
    replacing: z.boolean().default(false),
    /** How the customer relates to it: weighing it against us, the tool they are leaving, a tool we integrate with. */
    context: z.enum(['evaluation', 'replacing', 'integration', 'mention']).optional(),
  })).default([]),
  sentiment: z.number().min(-1).max(1).default(0),
  negativeText: z.string().optional(),
  /** The customer says, in any words, that they may not renew, may cancel or reconsider the contract. */
  churnIntent: z.object({ text: z.string() }).optional(),
  expansion: z.array(z.object({
    text: z.string(), speaker: z.string().optional(), email: z.string().optional(),
    /** Which team, office or department wants it, and how many seats, when said. */
    team: z.string().optional(),
    seats: z.number().optional(),
  })).default([]),
  buying: z.array(z.object({ text: z.string() })).default([]),
  question: z.boolean().default(false),
  /** The request or question put to us (with or without a question mark), when there is one. */
  requests: z.array(z.object({ text: z.string() })).optional(),
  auto: z.enum(['auto_reply', 'newsletter', 'bounce']).optional(),
});
export type Insights = z.infer<typeof Insights>;

/** A stored signal: the input plus its identity and processing state. */
export type Signal = SignalInput & {
  id: string;
  accountId: string;
  source: string;
  receivedAt: string;
  direction?: 'inbound' | 'outbound';
  insights?: Insights;
};
