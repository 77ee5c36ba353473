import type { Signal } from '../signals/schema.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';

// An auto-reply is known by its shape, not its words: a person who writes "I'm on leave Thursday, but
// before I go I'll upload the logs" tells us something. Automatic headers (the parser's `auto`) and an
// auto-reply subject ("Automatic reply: …", "Out of Office: …") decide alone; otherwise the whole fresh
// text must be the notice: an absence plus one more part of a notice (the return, limited access,
// answering on return, whom to contact meanwhile, thanks for your message), and nothing else said.

/** The subject an auto-responder writes (as the email parser reads it, with a few more phrasings). */
const AUTO_SUBJECT = /^\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (the )?office|vacation reply|abwesenheitsnotiz|réponse automatique|respuesta automática)\s*(:|$|\(|-\s|(auto[- ]?)?reply\b)/i;
/** The parts of an out-of-office notice. */
const NOTICE: Array<[kind: string, re: RegExp]> = [
  ['absence', /\b(?:i am|i'm|i will be|i'll be|i shall be|i have been)\s+(?:currently\s+|now\s+)?(?:out of (?:the )?office|ooo|away|on (?:annual |parental |maternity |paternity |sick |study |sabbatical )?leave|on (?:vacation|holidays?|pto|sabbatical|a business trip|business travel)|travell?ing|not in the office|off (?:work|sick)|out(?: of office)?)\b|\b(?:this is an?|an?)\s+(?:automatic|automated|auto-?generated)\s+(?:reply|response|message)\b/i],
  ['return', /\b(?:(?:i will|i'll|i shall) (?:be )?(?:return|back)|returning (?:on|to (?:the office|work))|return(?:s)? (?:on|to (?:the office|work))|back (?:in (?:the )?office|at my desk|on (?:mon|tue|wed|thu|fri|sat|sun|the \d|\d))|upon my return|on my return|when i(?: am|'m)? back|when i return|until (?:mon|tue|wed|thu|fri|the \d|\d|next|[a-z]+ \d))/i],
  ['access', /\b(?:limited|no|intermittent|restricted|sporadic|occasional)\s+(?:access to (?:my )?e-?mails?|e-?mail access|access to my inbox|connectivity)\b|\bwithout (?:access to )?e-?mail\b/i],
  ['answer', /\b(?:will|shall|'ll)\s+(?:respond|reply|get back to you|answer|read|deal with|attend to|action)\b[^.!?\n]{0,50}\b(?:return|back|as soon as (?:possible|i can)|asap)\b|\b(?:will not|won't) be (?:forwarded|read|monitored)\b/i],
  ['contact', /\b(?:for (?:anything |any |all )?urgent|if (?:your (?:matter|query|request|message) is|it(?:'s| is)) urgent|in (?:case of )?(?:an? )?(?:urgent|emergency)|urgent (?:matters|queries|requests|enquiries|inquiries|issues)|in my absence)\b/i],
  ['thanks', /\bthank(?:s| you) for your (?:e-?mail|message|note|mail)\b/i],
];

/** A line or clause of the message, split where a person would go on to say something else ("…, but before I go I'll…"). */
const clauses = (text: string) => text.split(/(?<=[.!?;])\s+|\n+|,?\s+but\s+|\s+(?:and|so)\s+(?=(?:i|we)(?:'ll| will)\b)/i).map((c) => c.trim()).filter(Boolean);

/** The kinds of notice parts the text has, or undefined when some clause says something a notice does not. */
function noticeKinds(text: string): Set<string> | undefined {
  const kinds = new Set<string>();
  for (const c of clauses(text)) {
    const found = NOTICE.filter(([, re]) => re.test(c)).map(([k]) => k);
    // A greeting, sign-off or name ("Hello,", "Best regards,", "Luca Bianchi") is no content.
    if (!found.length && c.split(/\s+/).length > 4) return undefined;
    for (const k of found) kinds.add(k);
  }
  return kinds;
}

/** True when the text is an out-of-office notice and nothing else. */
export function isAutoReplyNotice(text: string): boolean {
  if (text.length > 1500) return false;
  const kinds = noticeKinds(text);
  return !!kinds && kinds.has('absence') && kinds.size >= 2;
}

const NEWSLETTER = /\b(unsubscribe|manage (your )?(email )?preferences|view (this email )?in (your|a) browser)\b/i;
const BOUNCE_FROM = /^(mailer-daemon|postmaster)@/i;

/** Mail no human wrote to us: auto-replies, newsletters and bounces carry no intent. */
export function automatedKind(s: Signal): 'auto_reply' | 'newsletter' | 'bounce' | undefined {
  if (s.kind !== 'email') return undefined;
  if (s.auto) return s.auto;
  if (BOUNCE_FROM.test(s.from.email) || /\b(delivery status notification|undeliverable|mail delivery failed)\b/i.test(s.subject)) return 'bounce';
  if (AUTO_SUBJECT.test(s.subject) || isAutoReplyNotice(stripQuotedReply(s.text))) return 'auto_reply';
  if (/^(no-?reply|newsletter|news|marketing|updates?)@/i.test(s.from.email) || NEWSLETTER.test(s.text)) return 'newsletter';
  return undefined;
}
