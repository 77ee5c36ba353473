import type { ToolDeps } from './deps.js';
import { createSearchMemoryTool } from './search-memory.js';
import { createListSignalsTool } from './list-signals.js';
import { createStakeholdersTool } from './stakeholders.js';
import { createOpenCommitmentsTool } from './open-commitments.js';
import { createCurrentAssessmentTool } from './current-assessment.js';

export type { ToolDeps } from './deps.js';

/** The read-only tools, bound to one account. Actions with side effects are never tools. */
export function createAccountTools(deps: ToolDeps) {
  return [
    createSearchMemoryTool(deps), createListSignalsTool(deps), createStakeholdersTool(deps),
    createOpenCommitmentsTool(deps), createCurrentAssessmentTool(deps),
  ];
}
