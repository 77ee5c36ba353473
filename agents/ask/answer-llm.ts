// The LLM answerer: same contract as the rules answerer. Citations are checked against the data:
// one whose excerpt is not in its signal is dropped, and an answer left with no valid citation falls
// back to the rules answerer. An answer that cites any signal which is not this account's (another
// account's, or none at all) is not used: its text may carry what it cites, so the rules answerer,
// which reads only this account's memory, answers instead.
import { z } from 'zod';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { excerptIsIn } from '../evidence.js';
import { runToolLoop, type ToolFactory } from '../reasoners/llm.js';
import { ANSWER_SYSTEM_PROMPT } from '../reasoners/llm-prompt.js';
import { answerWithRules, type Answer, type AskContext, type Citation } from './answer-rules.js';
import { classifyQuestion } from './intent.js';

export const LlmAnswer = z.object({
  answer: z.string().min(1).max(4000),
  citations: z.array(z.object({ signalId: z.string(), excerpt: z.string() })).max(12),
  /** True when the memory holds nothing relevant (then no citation is needed). */
  nothingFound: z.boolean().optional(),
});

export function validCitations(raw: Array<{ signalId: string; excerpt: string }>, ctx: AskContext): Citation[] {
  const byId = new Map(ctx.signals.map((s) => [s.id, s]));
  const out: Citation[] = [];
  for (const c of raw) {
    const s = byId.get(c.signalId);
    if (!s || s.accountId !== ctx.account.id || !excerptIsIn(s, c.excerpt)) continue;
    if (!out.some((x) => x.signalId === s.id)) out.push({ signalId: s.id, excerpt: c.excerpt, occurredAt: s.occurredAt });
  }
  return out;
}

export async function answerWithLlm(model: BaseChatModel, tools: ToolFactory, ctx: AskContext, log?: (m: string) => void): Promise<Answer> {
  const intent = classifyQuestion(ctx.question, ctx.contacts).intent;
  const facts = JSON.stringify({
    account: { name: ctx.account.name, stage: ctx.account.stage, renewalDate: ctx.account.renewalDate, arr: ctx.account.arr },
    risk: { score: ctx.assessment.score, level: ctx.assessment.level, factors: ctx.assessment.factors.map((f) => ({ factor: f.factor, explanation: f.explanation, evidence: f.evidence })) },
    contacts: ctx.contacts.map((c) => ({ name: c.name, email: c.email, title: c.title, role: c.role, status: c.status })),
  });
  try {
    let messages: BaseMessage[] = [
      new SystemMessage(ANSWER_SYSTEM_PROMPT),
      new HumanMessage(`Account facts (data):\n${facts}\n\nQuestion: ${ctx.question}`),
    ];
    messages = await runToolLoop(model, tools(ctx.account.id, ctx.asOf), messages);
    const raw = LlmAnswer.parse(await model.withStructuredOutput(LlmAnswer, { name: 'answer' }).invoke(messages));
    const own = new Set(ctx.signals.filter((x) => x.accountId === ctx.account.id).map((x) => x.id));
    const elsewhere = raw.citations.filter((c) => !own.has(c.signalId));
    if (elsewhere.length) {
      log?.(`LLM answer cited ${elsewhere.length} signal(s) that are not this account's; the rules answerer answered`);
      return { ...(await answerWithRules(ctx)), reasoner: 'rules (fallback)' };
    }
    const citations = validCitations(raw.citations, ctx);
    if (citations.length === 0 && !raw.nothingFound) {
      log?.('LLM answer had no valid citation; the rules answerer answered');
      return { ...(await answerWithRules(ctx)), reasoner: 'rules (fallback)' };
    }
    return { answer: raw.answer, citations, intent, reasoner: 'llm' };
  } catch (err) {
    log?.(`LLM answer failed (${String(err).slice(0, 200)}); the rules answerer answered`);
    return { ...(await answerWithRules(ctx)), reasoner: 'rules (fallback)' };
  }
}
