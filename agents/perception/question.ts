// Whether an inbound message asks us something that needs an answer: a question mark in the new
// (unquoted) text, or a request ("can you", "could you", "please send").
import type { Signal } from '../signals/schema.js';
import { sentences } from './sentences.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import type { PerceiveContext, Utterance } from './utterances.js';

const QUESTION = /\?|\b(can|could|would|will) you\b|\bplease (send|share|confirm|advise|let (me|us) know|provide|resend|check)\b|\blet (me|us) know (when|whether|what|how|if you can|your)\b|\bany update\b/i;
/** Sign-offs that invite questions are not questions: "let me know if you have any questions". */
const CLOSING = /\b(let (me|us) know if you (have|need)|if you have any questions|any questions\?|feel free to|how are you\??|hope (you|all) (are|is) well)\b/i;
const URL = /\bhttps?:\/\/\S+/g;

/** The sentences of a text that ask for something (questions and requests), verbatim. */
export function questionSentences(text: string): string[] {
  return sentences(text).filter((s) => QUESTION.test(s.replace(URL, '')) && !CLOSING.test(s));
}

export function asksSomething(parts: Utterance[]): boolean {
  return parts.some((u) => u.side === 'them' && questionSentences(u.text).length > 0);
}

const firstName = (n?: string | null) => (n ?? '').trim().split(/[\s.@]+/)[0]?.toLowerCase() ?? '';

/**
 * Whether an inbound email's question is for us: "Erik, could you check…" sent to Erik with us in
 * copy is the customer asking a colleague. A question that names one of us, or an email addressed
 * to us (or to nobody in particular), is ours to answer.
 */
export function askedOfUs(signal: Signal, ctx: PerceiveContext): boolean {
  if (signal.kind !== 'email') return true;
  const ours = (email: string) => !matchesDomain(email, ctx.account.domains);
  const people = [...signal.to, ...signal.cc];
  const ourNames = new Set(people.filter((p) => ours(p.email)).map((p) => firstName(p.name ?? p.email)));
  const theirNames = new Set([...ctx.contacts.map((c) => firstName(c.name)), ...people.filter((p) => !ours(p.email)).map((p) => firstName(p.name ?? p.email))].filter(Boolean));
  for (const q of questionSentences(stripQuotedReply(signal.text))) {
    const vocative = /^(?:hi |hey )?([A-Z][a-z]+)\s*,/.exec(q.trim())?.[1]?.toLowerCase();
    if (vocative && ourNames.has(vocative)) return true;
    if (vocative && theirNames.has(vocative)) continue;
    if (signal.to.length === 0 || signal.to.some((p) => ours(p.email))) return true;
  }
  return false;
}

/** An inbound human message (email, chat, form) that asks us something. */
export function isQuestionForUs(signal: Signal, parts: Utterance[], ctx: PerceiveContext): boolean {
  const inbound = (signal.kind === 'email' && parts[0]?.side === 'them') || signal.kind === 'chat' || signal.kind === 'engagement';
  return inbound && asksSomething(parts) && askedOfUs(signal, ctx);
}
