// The workflow bundle's entry: every workflow the worker registers.
export { accountWorkflow } from './account/workflow.js';
