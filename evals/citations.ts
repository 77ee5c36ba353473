// Citation validity, checked by the evals themselves rather than by the agent's own helper: a
// citation counts only when its signal exists, is the account's, and the excerpt is verbatim in it.
import { signalText } from '../agents/evidence.js';
import type { Signal } from '../agents/signals/schema.js';
import { citationValid, type CitedSignal } from './metrics.js';
import type { CheckContext } from './check.js';
import type { LoadedScenario } from './scenario.js';

export interface Citation { signalId: string; excerpt: string }

/**
 * The texts an excerpt may quote: the signal's free-text fields (subject, text, title, each
 * transcript turn, with and without its speaker) and the one-line rendering the agent's memory
 * stores for structured kinds (usage, crm, calendar, engagement), e.g. `seats_active = 42`.
 */
export function signalTexts(s: Signal): string[] {
  const texts = [signalText(s)];
  const r = s as unknown as Record<string, unknown>;
  for (const k of ['subject', 'text', 'title']) if (typeof r[k] === 'string' && r[k]) texts.push(r[k] as string);
  if (s.kind === 'meeting') {
    if (typeof s.transcript === 'string') texts.push(s.transcript);
    else for (const t of s.transcript) texts.push(t.text, `${t.speaker}: ${t.text}`);
  }
  return texts;
}

/** How many of the citations are valid for the account, given the signals they could refer to. */
export function countValidCitations(cited: Citation[], signals: Signal[], accountId: string): { total: number; valid: number } {
  const byId = new Map<string, CitedSignal>(signals.map((s) => [s.id, { accountId: s.accountId, texts: signalTexts(s) }]));
  return { total: cited.length, valid: cited.filter((c) => citationValid(c.excerpt, byId.get(c.signalId), accountId)).length };
}

/** What the checks need to know about a scenario's account, from the signals stored for it. */
export function checkContext(l: LoadedScenario, accountId: string, signals: Signal[]): CheckContext {
  return {
    accountId,
    signals: new Map(signals.map((s) => [s.id, { accountId: s.accountId, texts: signalTexts(s) }])),
    accountDomains: l.scenario.account.domains, ourDomains: l.scenario.ourDomains,
    contactEmails: l.scenario.contacts.map((c) => c.email),
  };
}
