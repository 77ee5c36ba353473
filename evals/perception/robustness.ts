// Robustness of perception to the way a thing is written, measured without new labels: every corpus
// item the perceiver reads right is rewritten in ways that keep its meaning (typed all in lower case,
// a sign-off and signature added, a greeting, a filler opening a call turn, an unrelated sentence
// before or after, contractions spelt out or made, chat shorthand, full stops left out), and each
// concept the reading gains or loses is counted. A perceiver that reads language and not the corpus's
// spelling loses nothing. Found this way: a polite sign-off hid a complaint's tone, and names typed
// in lower case were not names. Examples are printed for the dev half only (like misses).
//   npm run evals -- --perception --robustness [--half dev|val|test]
import { CONCEPTS, type Concept, type Item } from './corpus.js';

export interface Rewrite { name: string; what: string; apply(text: string): string }

const EXPAND: Array<[RegExp, string]> = [
  [/\bwon't\b/gi, 'will not'], [/\bcan't\b/gi, 'cannot'], [/\b(\w+)n't\b/gi, '$1 not'], [/\b(I|you|we|they|he|she|it)'ll\b/gi, '$1 will'],
  [/\bI'm\b/g, 'I am'], [/\b(we|you|they)'re\b/gi, '$1 are'], [/\b(it|that|he|she)'s\b/gi, '$1 is'], [/\b(I|we|you|they)'ve\b/gi, '$1 have'],
];
const CONTRACT: Array<[RegExp, string]> = [
  [/\bwill not\b/g, "won't"], [/\bdo not\b/g, "don't"], [/\bdoes not\b/g, "doesn't"], [/\bis not\b/g, "isn't"], [/\bare not\b/g, "aren't"],
  [/\b(I|you|we|they|he|she) will\b/g, "$1'll"], [/\bI am\b/g, "I'm"], [/\b(we|you|they) are\b/g, "$1're"], [/\bcannot\b/g, "can't"],
];
const replaceAll = (text: string, rules: Array<[RegExp, string]>) => rules.reduce((t, [re, w]) => t.replace(re, w), text);
/** The text ends a sentence before another is added after it. */
const closed = (text: string) => (/[.!?…]\s*$/.test(text) ? text : `${text.trimEnd()}.`);

export const REWRITES: Rewrite[] = [
  { name: 'lower_case', what: 'typed all in lower case, as in chat', apply: (t) => t.toLowerCase() },
  { name: 'sign_off', what: 'a closing and a signature block added', apply: (t) => `${t}\n\nThanks,\nGreta\nVP Customer Operations | Northwind Freight` },
  { name: 'greeting', what: 'a salutation and a pleasantry before it', apply: (t) => `Hi Sam,\n\nHope your week is going well.\n\n${t}` },
  { name: 'filler_opening', what: 'a spoken filler opening it', apply: (t) => `So, um, ${t}` },
  { name: 'unrelated_before', what: 'an unrelated sentence before it', apply: (t) => `We had our team offsite on Tuesday. ${t}` },
  { name: 'unrelated_after', what: 'an unrelated sentence after it', apply: (t) => `${closed(t)} Also, the weather here has been grim all week.` },
  { name: 'contractions_out', what: "contractions spelt out (won't → will not)", apply: (t) => replaceAll(t, EXPAND) },
  { name: 'contractions_in', what: "contractions made (will not → won't)", apply: (t) => replaceAll(t, CONTRACT) },
  { name: 'chat_shorthand', what: '& for and, u for you, pls for please', apply: (t) => t.replace(/\band\b/g, '&').replace(/\byou\b/g, 'u').replace(/\bplease\b/gi, 'pls') },
  { name: 'no_full_stops', what: 'full stops and exclamation marks left out', apply: (t) => t.replace(/[.!]+(\s|$)/g, '$1') },
];

export interface Flip { id: string; concept: Concept; lost: boolean; text: string }
export interface RewriteScore { rewrite: string; what: string; changed: number; lost: Record<Concept, number>; gained: Record<Concept, number>; flips: Flip[] }

const zero = () => Object.fromEntries(CONCEPTS.map((c) => [c, 0])) as Record<Concept, number>;

/**
 * Per rewrite: among the items whose reading of a concept was right, how many lose it (a positive no
 * longer read) or gain it (a negative now read) once rewritten. `read` gives the concepts perceived.
 */
export async function robustness(items: Item[], read: (item: Item, index: number) => Promise<Set<Concept>>, rewrites = REWRITES): Promise<RewriteScore[]> {
  const base: Set<Concept>[] = [];
  for (const [i, item] of items.entries()) base.push(await read(item, i));
  const out: RewriteScore[] = [];
  for (const r of rewrites) {
    const score: RewriteScore = { rewrite: r.name, what: r.what, changed: 0, lost: zero(), gained: zero(), flips: [] };
    for (const [i, item] of items.entries()) {
      const text = r.apply(item.text);
      if (text === item.text) continue;
      score.changed += 1;
      const got = await read({ ...item, text }, i);
      const truth = new Set(item.expect.map((e) => e.concept));
      for (const c of CONCEPTS) {
        if (base[i].has(c) !== truth.has(c)) continue; // only what was read right
        if (base[i].has(c) && !got.has(c)) { score.lost[c] += 1; score.flips.push({ id: item.id, concept: c, lost: true, text }); }
        if (!base[i].has(c) && got.has(c)) { score.gained[c] += 1; score.flips.push({ id: item.id, concept: c, lost: false, text }); }
      }
    }
    out.push(score);
  }
  return out;
}

const SHORT: Record<Concept, string> = { stakeholder_change: 'stakeholder', commitment: 'commitment', competitor: 'competitor', churn: 'churn', request: 'request', expansion: 'expansion', buying: 'buying' };

/** A table: per rewrite, lost/gained per concept; with examples when asked. */
export function formatRobustness(half: string, scores: RewriteScore[], examples: boolean): string {
  const head = `Robustness on the ${half} half: detections lost (-) and gained (+) per concept when items read right are rewritten`;
  const cols = CONCEPTS.map((c) => SHORT[c].padStart(12)).join('');
  const rows = scores.map((s) => `${s.rewrite.padEnd(18)}${String(s.changed).padStart(6)}${CONCEPTS.map((c) => `-${s.lost[c]}/+${s.gained[c]}`.padStart(12)).join('')}`);
  const total = scores.reduce((n, s) => n + CONCEPTS.reduce((m, c) => m + s.lost[c] + s.gained[c], 0), 0);
  const lines = [head, `${'rewrite'.padEnd(18)}${'items'.padStart(6)}${cols}`, ...rows, `flips in all: ${total}`];
  if (examples) {
    for (const s of scores) {
      if (s.flips.length === 0) continue;
      lines.push('', `${s.rewrite} (${s.what}):`);
      for (const f of s.flips.slice(0, 15)) lines.push(`  ${f.lost ? 'lost' : 'gained'} ${f.concept} ${f.id}: ${f.text.replace(/\s*\n\s*/g, ' / ').slice(0, 160)}`);
      if (s.flips.length > 15) lines.push(`  … and ${s.flips.length - 15} more`);
    }
  }
  return lines.join('\n');
}
