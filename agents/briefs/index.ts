// Renewal-risk briefs for CSMs: compose (pure) and render as an email.
export * from './types.js';
export { composeBrief, daysBetween, excerptOf, urgencyOf, levelRank, DEFAULT_WINDOW_DAYS, DEFAULT_MIN_LEVEL, IMPROVED_BY_POINTS } from './compose.js';
export { briefSubject, renderBriefHtml, renderBriefText, EMAIL_MAX_ACCOUNTS } from './render.js';
