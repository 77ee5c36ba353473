import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { latestAssessment } from '../db/queries/assessments.js';
import type { ToolDeps } from './deps.js';

export function createCurrentAssessmentTool(deps: ToolDeps) {
  return tool(async () => {
    const a = await latestAssessment(deps.db, deps.accountId);
    return JSON.stringify(a ? { asOf: a.asOf, score: a.score, level: a.level, factors: a.factors, opportunities: a.opportunities } : null);
  }, {
    name: 'current_assessment',
    description: "The account's latest risk assessment: score, level, and each factor with its explanation and evidence signal ids.",
    schema: z.object({}),
  });
}
