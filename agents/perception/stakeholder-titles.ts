// A person named by their post instead of their name (issue 15, held-out recall): "Our Finance Director
// is leaving", "the IT Director left last week", "our head of procurement has moved on". The post is
// matched against the account's contacts' titles by what the post is over (finance, IT, procurement…)
// and then by its level (director, head, chief…); a post no contact holds is named as said.
import type { Contact } from '../../db/queries/contacts.js';
import type { Sent } from './nlp.js';
import type { Hit } from './frames.js';
import { lookup } from '../lookup.js';

/** Words that say how senior a post is; the rest say what it is over. */
const LEVEL = new Set(['head', 'lead', 'leader', 'director', 'vp', 'vice', 'president', 'manager', 'chief', 'officer', 'senior', 'svp', 'evp', 'executive', 'principal', 'global', 'group', 'interim', 'acting', 'new', 'deputy']);
const FILLER = new Set(['of', 'the', 'and', '&', 'for', 'our', 'their', 'your', 'his', 'her']);
/** Acronyms as a level and what they are over. */
const ACRONYM: Record<string, string[]> = {
  cfo: ['chief', 'finance'], coo: ['chief', 'operations'], ceo: ['chief', 'executive'], cio: ['chief', 'it'], cto: ['chief', 'technology'],
  ciso: ['chief', 'security'], cro: ['chief', 'revenue'], cpo: ['chief', 'procurement'], cmo: ['chief', 'marketing'], gc: ['chief', 'legal'],
};
/** One word for what a post is over. */
const OVER: Record<string, string> = {
  financial: 'finance', information: 'it', technology: 'it', tech: 'it', infosec: 'security', purchasing: 'procurement', operating: 'operations',
  ops: 'operations', operation: 'operations', counsel: 'legal', sale: 'sales', revops: 'revenue', infrastructure: 'it',
};
/** A word that makes the phrase a post. */
const POST_WORD = /^(?:head|lead|director|vp|manager|chief|officer|president|counsel|controller|cfo|coo|ceo|cio|cto|ciso|cro|cpo|cmo|gc|treasurer)$/;

interface Post { level: Set<string>; over: Set<string> }

function postOf(words: string[]): Post {
  const level = new Set<string>();
  const over = new Set<string>();
  for (const raw of words.map((w) => w.toLowerCase())) {
    if (FILLER.has(raw)) continue;
    const a = lookup(ACRONYM, raw);
    if (a) { level.add(a[0]); over.add(a[1]); continue; }
    if (LEVEL.has(raw)) { level.add(raw === 'vice' || raw === 'president' ? 'vp' : raw); continue; }
    // "Chief Financial Officer": the adjective of what it is over.
    over.add(lookup(OVER, raw) ?? raw);
  }
  if (level.has('chief') && words.some((w) => /^officer$/i.test(w)) && over.has('security')) over.delete('it');
  return { level, over };
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The contact whose title is the post said: the same remit, then the same level when more than one has it. */
function holderOf(words: string[], contacts: Contact[]): Contact | undefined {
  const said = postOf(words);
  if (!said.over.size) return undefined;
  const remit = contacts.filter((c) => c.title && same(postOf(c.title.split(/\s+/)).over, said.over));
  if (remit.length <= 1) return remit[0];
  const level = remit.filter((c) => [...said.level].some((l) => postOf(c.title!.split(/\s+/)).level.has(l)));
  return level.length === 1 ? level[0] : undefined;
}

/**
 * The post that is the subject of the event at `hit`: "(our|the|their) <post words>" right before the verb
 * group, within the clause. Returns the contact holding it, or the post as said when nobody does.
 */
export function postHolder(s: Sent, hit: Hit, contacts: Contact[]): { name: string } | undefined {
  const t = s.toks;
  let k = hit.start - 1;
  while (k >= 0 && (['AUX', 'ADV', 'PART'].includes(t[k].pos) || ["'s", "'ll", 'will', 'has', 'have'].includes(t[k].lower))) k -= 1;
  const end = k;
  // (An acronym is tagged anything, and so is a post word: "IT" reads as a pronoun, "lead" as a verb.)
  while (k >= 0 && (['NOUN', 'PROPN', 'ADJ'].includes(t[k].pos) || /^[A-Z]{2,5}$/.test(t[k].text) || POST_WORD.test(t[k].lower) || ['of', '&', 'and'].includes(t[k].lower)) && end - k < 6) k -= 1;
  if (k < 0 || !['our', 'the', 'their', 'your', 'my'].includes(t[k].lower) || k === end) return undefined;
  // The clause opens here: nothing but a connective or punctuation before the determiner.
  if (k > 0 && !(t[k - 1].pos === 'PUNCT' || ['and', 'but', 'so', 'that', 'fyi', 'btw', 'also', 'sadly', 'unfortunately', 'meanwhile'].includes(t[k - 1].lower) || t[k - 1].pos === 'ADV')) return undefined;
  const words = t.slice(k + 1, end + 1).map((x) => x.text);
  if (!words.some((w) => POST_WORD.test(w.toLowerCase()))) return undefined;
  const c = holderOf(words, contacts);
  // A post with no remit ("my manager", "the director") names nobody in particular.
  if (!c && !postOf(words).over.size) return undefined;
  return { name: c?.name ?? words.join(' ') };
}

/** A post whose holder changed, said of the post: "Our procurement lead changed last week" (the subject must be a post: postHolder). */
export const POST_CHANGED = / (?:change|have change|be change) (?=last |this |on |recently |again |[.,;:] |$)/;
