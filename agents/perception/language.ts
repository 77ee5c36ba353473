// The lexical cues, under the name other folders import them by (reasoners, graph nodes).
export { questionSentences, asksSomething } from './question.js';
export { findCompetitors } from './competitors.js';
export { sentimentOf } from './sentiment.js';
export { findExpansion } from './expansion.js';
export { findBuying } from './buying.js';
