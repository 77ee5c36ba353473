import type { Signal } from '../signals/schema.js';

const AUTO_SUBJECT = /\b(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|away from (the )?office|on (annual |parental )?leave|vacation reply)\b/i;
const AUTO_BODY = /\b(i am|i'm) (currently )?(out of (the )?office|away|on (annual |parental )?leave)\b|\bwith limited access to email\b|\bwill (respond|reply) (to your (e-?mail|message) )?(when|upon) (i|my) return\b/i;
const NEWSLETTER = /\b(unsubscribe|manage (your )?(email )?preferences|view (this email )?in (your|a) browser)\b/i;
const BOUNCE_FROM = /^(mailer-daemon|postmaster)@/i;

/** Mail no human wrote to us: auto-replies, newsletters and bounces carry no intent. */
export function automatedKind(s: Signal): 'auto_reply' | 'newsletter' | 'bounce' | undefined {
  if (s.kind !== 'email') return undefined;
  if (s.auto) return s.auto;
  if (BOUNCE_FROM.test(s.from.email) || /\b(delivery status notification|undeliverable|mail delivery failed)\b/i.test(s.subject)) return 'bounce';
  if (AUTO_SUBJECT.test(s.subject) || AUTO_BODY.test(s.text.slice(0, 600))) return 'auto_reply';
  if (/^(no-?reply|newsletter|news|marketing|updates?)@/i.test(s.from.email) || NEWSLETTER.test(s.text)) return 'newsletter';
  return undefined;
}
