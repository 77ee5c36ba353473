// The workflow bundle's entry: every workflow the worker registers.
export { accountWorkflow } from './account/workflow.js';
export { briefWorkflow } from './briefs/workflow.js';
