// A deal sitting in one stage longer than that stage should take (from the CRM stage change).
import { forStage } from '../config.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, last, t, type Timeline } from '../timeline.js';
import { day, wholeDays } from '../explain.js';

export function stageStalled(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  const entered = last(tl.signals.filter((s) => s.kind === 'crm' && s.change === 'stage' && s.to === stage));
  if (!entered) return NONE;
  const limit = forStage(tl.config.stageStalledDays, stage);
  const crossing = t(entered.occurredAt) + limit * DAY;
  if (tl.now < crossing) return notYet(crossing);
  return flagged({
    factor: 'stage_stalled',
    weight: tl.config.weights.stage_stalled,
    explanation: `${tl.account.name} has been in ${stage} for ${wholeDays(tl.now - t(entered.occurredAt))} days since ${day(entered.occurredAt)} (expected at most ${limit})`,
    evidence: [entered.id],
  });
}
