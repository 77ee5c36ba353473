// The rules perceiver's version. Bump it whenever what perception reads from a signal changes, so
// `npm run reperceive` knows which stored insights are stale (like re-embedding after a model change).
export const RULES_PERCEIVER_VERSION = '10';
