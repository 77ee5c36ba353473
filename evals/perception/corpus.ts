// The perception corpus: labelled utterances in the registers the product reads, one JSON object per
// line in evals/perception/<half>/<family>.jsonl, and the account context they are all read in
// (evals/perception/context.json). The test half is held out from whoever tunes perception; the dev
// half is for tuning; the val half, written after the dev half was tuned, is measured in aggregate only. Format: evals/README.md, "Perception corpus".
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const FAMILIES = ['stakeholder', 'commitment', 'competitor', 'churn', 'request', 'expansion', 'buying'] as const;
export type Family = (typeof FAMILIES)[number];

export const CONCEPTS = ['stakeholder_change', 'commitment', 'competitor', 'churn', 'request', 'expansion', 'buying'] as const;
export type Concept = (typeof CONCEPTS)[number];

/** The concept each family file is about (its positives expect it; its negatives do not). */
export const FAMILY_CONCEPT: Record<Family, Concept> = {
  stakeholder: 'stakeholder_change', commitment: 'commitment', competitor: 'competitor', churn: 'churn',
  request: 'request', expansion: 'expansion', buying: 'buying',
};

export const HALVES = ['test', 'dev', 'val'] as const;
export type Half = (typeof HALVES)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const word = z.string().trim().min(1);

export const Expected = z.discriminatedUnion('concept', [
  z.strictObject({ concept: z.literal('stakeholder_change'), change: z.enum(['left', 'role_changed', 'moved', 'joined']).optional(), name: word.optional(), successor: word.optional() }),
  z.strictObject({ concept: z.literal('commitment'), owner: z.enum(['us', 'them']).optional(), deliverable: z.array(word).min(1).optional(), due: isoDay.optional() }),
  z.strictObject({ concept: z.literal('competitor'), name: word.optional() }),
  z.strictObject({ concept: z.literal('churn') }),
  z.strictObject({ concept: z.literal('request') }),
  z.strictObject({ concept: z.literal('expansion'), team: word.optional(), seats: z.number().int().positive().optional() }),
  z.strictObject({ concept: z.literal('buying') }),
]);
export type Expected = z.infer<typeof Expected>;
// `moved` (the Insights word for an internal move) is accepted as another spelling of `role_changed`.

export const REGISTERS = ['email', 'call', 'ticket', 'chat', 'note'] as const;
export type Register = (typeof REGISTERS)[number];

export const Item = z.strictObject({
  id: z.string().regex(/^[a-z]+-[tdv]-\d{3}$/, 'an id as <family>-<t|d|v>-NNN'),
  register: z.enum(REGISTERS),
  from: z.email(),
  subject: z.string().min(1).optional(),
  before: z.string().min(1).optional(),
  text: z.string().min(1),
  expect: z.array(Expected),
  hard: z.boolean().optional(),
});
export type Item = z.infer<typeof Item>;

const Person = z.strictObject({ email: z.email(), name: z.string().min(1) });
export const CorpusContext = z.strictObject({
  now: z.iso.datetime(),
  account: z.strictObject({ name: z.string().min(1), domains: z.array(z.string().min(1)).min(1), stage: z.string().min(1), settings: z.record(z.string(), z.unknown()) }),
  ourDomains: z.array(z.string().min(1)).min(1),
  competitors: z.array(z.string().min(1)),
  contacts: z.array(Person.extend({ title: z.string().min(1), role: z.string().min(1) })).min(1),
  us: z.array(Person).min(1),
});
export type CorpusContext = z.infer<typeof CorpusContext>;

export interface FamilyFile { family: Family; half: Half; file: string; items: Item[] }

export class CorpusError extends Error {}

export const CORPUS_DIR = fileURLToPath(new URL('./', import.meta.url));

export function loadContext(dir = CORPUS_DIR): CorpusContext {
  const file = `${dir}context.json`;
  const parsed = CorpusContext.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new CorpusError(`${file}: ${issues(parsed.error)}`);
  return parsed.data;
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Whether a half has been written (the dev half arrives after the test half). */
export function halfExists(half: Half, dir = CORPUS_DIR): boolean {
  return FAMILIES.some((f) => existsSync(`${dir}${half}/${f}.jsonl`));
}

/**
 * Every family file of one half, each line validated; a wrong line is an error naming its file and line.
 * Ids must match their file (family and half) and be unique; `from` must be a contact or one of us.
 */
export function loadHalf(half: Half, ctx: CorpusContext, dir = CORPUS_DIR): FamilyFile[] {
  const people = new Set([...ctx.contacts, ...ctx.us].map((p) => p.email.toLowerCase()));
  const ours = new Set(ctx.us.map((p) => p.email.toLowerCase()));
  const seen = new Set<string>();
  const errors: string[] = [];
  const out: FamilyFile[] = [];
  for (const family of FAMILIES) {
    const file = `${dir}${half}/${family}.jsonl`;
    if (!existsSync(file)) { errors.push(`${file}: missing`); continue; }
    const items: Item[] = [];
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let json: unknown;
      try { json = JSON.parse(line); } catch (err) { errors.push(`${where}: not JSON (${(err as Error).message})`); return; }
      const p = Item.safeParse(json);
      if (!p.success) { errors.push(`${where}: ${issues(p.error)}`); return; }
      const it = p.data;
      if (!it.id.startsWith(`${family}-${half[0]}-`)) errors.push(`${where}: id ${it.id} does not belong in ${half}/${family}.jsonl`);
      if (seen.has(it.id)) errors.push(`${where}: duplicate id ${it.id}`);
      seen.add(it.id);
      if (!people.has(it.from.toLowerCase())) errors.push(`${where}: from ${it.from} is neither a contact nor one of us in context.json`);
      if (it.register === 'note' && !ours.has(it.from.toLowerCase())) errors.push(`${where}: a note is written by one of us`);
      if (it.register === 'ticket' && ours.has(it.from.toLowerCase())) errors.push(`${where}: a ticket comes from the account`);
      if (it.hard && it.expect.some((e) => e.concept === FAMILY_CONCEPT[family])) errors.push(`${where}: a hard negative expects its own family's concept`);
      items.push(it);
    });
    out.push({ family, half, file, items });
  }
  if (errors.length) throw new CorpusError(`perception corpus (${half} half):\n${errors.join('\n')}`);
  return out;
}

/** A family's negatives: items that do not expect the family's concept (they may expect others). */
export function familyCounts(f: FamilyFile): { items: number; positives: number; negatives: number; hardNegatives: number } {
  const concept = FAMILY_CONCEPT[f.family];
  const positives = f.items.filter((i) => i.expect.some((e) => e.concept === concept)).length;
  const hardNegatives = f.items.filter((i) => i.hard && !i.expect.some((e) => e.concept === concept)).length;
  return { items: f.items.length, positives, negatives: f.items.length - positives, hardNegatives };
}
