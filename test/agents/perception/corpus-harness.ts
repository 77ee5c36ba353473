// A small harness over the perception corpus (the DEV half only): builds the signal an item
// describes, perceives it, and maps Insights to the corpus concepts the way the agreed scorer does.
// Used by the dev-corpus test and by the timing script; the official eval is evals/perception/run.ts.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Signal, Insights } from '../../../agents/signals/schema.js';
import type { PerceiveContext } from '../../../agents/perception/index.js';

export interface Item {
  id: string; register: 'email' | 'call' | 'ticket' | 'chat' | 'note'; from: string; subject?: string; before?: string;
  text: string; expect: Array<Record<string, unknown> & { concept: string }>; hard?: boolean;
}

const ROOT = new URL('../../../evals/perception/', import.meta.url).pathname;
export const FAMILIES = ['stakeholder', 'commitment', 'competitor', 'churn', 'request', 'expansion', 'buying'] as const;
export const CONCEPT: Record<(typeof FAMILIES)[number], string> = {
  stakeholder: 'stakeholder_change', commitment: 'commitment', competitor: 'competitor', churn: 'churn', request: 'request', expansion: 'expansion', buying: 'buying',
};

export function devItems(family: string): Item[] {
  return readFileSync(join(ROOT, 'dev', `${family}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
}

interface CorpusContext { now: string; account: { name: string; domains: string[]; stage?: string; settings?: Record<string, unknown> }; ourDomains: string[]; competitors: string[]; contacts: Array<{ email: string; name: string; title?: string; role?: string }>; us: Array<{ email: string; name: string }> }

/** The shared context when the corpus has one; else the one the dev half was written against. */
export function corpusContext(): CorpusContext {
  const file = join(ROOT, 'context.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CorpusContext;
  return {
    now: '2026-11-10T15:00:00Z',
    account: { name: 'Northwind', domains: ['northwind.example'], stage: 'customer', settings: {} },
    ourDomains: ['ourco.com'], competitors: ['Gong', 'Clari'],
    contacts: [
      { email: 'greta.holm@northwind.example', name: 'Greta Holm', title: 'VP Operations', role: 'champion' },
      { email: 'owen.pratt@northwind.example', name: 'Owen Pratt', title: 'IT Lead', role: 'user' },
      { email: 'mia.santos@northwind.example', name: 'Mia Santos', title: 'Procurement Manager', role: 'economic_buyer' },
      { email: 'raj.iyer@northwind.example', name: 'Raj Iyer', title: 'Finance Director', role: 'decision_maker' },
    ],
    us: [{ email: 'sam@ourco.com', name: 'Sam Reyes' }, { email: 'lee@ourco.com', name: 'Lee Park' }],
  };
}

export function perceiveContext(c: CorpusContext): PerceiveContext {
  return {
    account: { id: 'acc-dev', name: c.account.name, domains: c.account.domains, stage: c.account.stage ?? 'customer', settings: c.account.settings ?? {} } as unknown as PerceiveContext['account'],
    contacts: c.contacts.map((x, i) => ({ id: `c${i}`, accountId: 'acc-dev', email: x.email, name: x.name, title: x.title ?? null, role: x.role ?? null, status: 'active' })) as unknown as PerceiveContext['contacts'],
    ourDomains: c.ourDomains, competitors: c.competitors,
  };
}

/** The signal an item stands for, said at the corpus's `now`. */
export function signalOf(item: Item, c: CorpusContext): Signal {
  const ours = c.ourDomains.some((d) => item.from.endsWith(`@${d}`));
  const person = ours ? c.us.find((u) => u.email === item.from) : c.contacts.find((x) => x.email === item.from);
  const name = person?.name ?? item.from.split('@')[0];
  const other = ours ? { email: c.contacts[0].email, name: c.contacts[0].name } : { email: c.us[0].email, name: c.us[0].name };
  const base = { id: item.id, accountId: 'acc-dev', source: 'corpus', receivedAt: c.now, occurredAt: c.now };
  const withBefore = (t: string) => (item.before ? `${t}\n\nOn Mon, ${other.name} <${other.email}> wrote:\n> ${item.before}` : t);
  switch (item.register) {
    case 'email':
      return { ...base, kind: 'email', from: { email: item.from, name }, to: [other], cc: [], subject: item.subject ?? 'Re: our account', text: withBefore(item.text), direction: ours ? 'outbound' : 'inbound' } as Signal;
    case 'call':
      return {
        ...base, kind: 'meeting', title: item.subject ?? 'Call', attendees: [{ email: item.from, name }, { email: other.email, name: other.name }],
        transcript: [...(item.before ? [{ speaker: other.name, text: item.before }] : []), { speaker: name, text: item.text }],
      } as Signal;
    case 'chat': return { ...base, kind: 'chat', channel: 'shared', author: { email: item.from, name }, text: item.text } as Signal;
    case 'ticket': return { ...base, kind: 'ticket', subject: item.subject ?? '', text: item.text, priority: 'normal', status: 'open', requesterEmail: item.from } as Signal;
    case 'note': return { ...base, kind: 'note', text: item.text, author: name } as Signal;
  }
}

export type Perceived = Array<Record<string, unknown> & { concept: string }>;

/** Insights as corpus concepts (the agreed mapping). */
export function conceptsOf(ins: Insights): Perceived {
  const out: Perceived = [];
  for (const s of ins.stakeholderChanges) if (s.side !== 'us' && s.change !== 'bounced') out.push({ concept: 'stakeholder_change', change: s.change, name: s.name, successor: s.successor?.name });
  for (const k of ins.commitments) out.push({ concept: 'commitment', owner: k.owner, deliverable: k.deliverable, dueAt: k.dueAt, dueDefaulted: k.dueDefaulted });
  for (const k of ins.competitors) if (!k.replacing && k.context !== 'replacing' && k.context !== 'integration') out.push({ concept: 'competitor', name: k.name });
  if (ins.churnIntent || (ins.sentiment <= -0.25 && ins.negativeText)) out.push({ concept: 'churn' });
  if (ins.question || (ins.requests?.length ?? 0) > 0) out.push({ concept: 'request' });
  for (const e of ins.expansion) out.push({ concept: 'expansion', team: e.team, seats: e.seats });
  if (ins.buying.length) out.push({ concept: 'buying' });
  return out;
}

const wholeWord = (hay: unknown, needle: string) => typeof hay === 'string' && new RegExp(`(^|\\W)${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\W|$)`, 'i').test(hay);

/** Which expected fields a perceived concept gets wrong (empty = all right). */
export function fieldMisses(exp: Record<string, unknown>, got: Record<string, unknown>): string[] {
  const miss: string[] = [];
  if (exp.change && exp.change !== got.change) miss.push(`change ${String(got.change)}≠${String(exp.change)}`);
  if (typeof exp.name === 'string' && !wholeWord(got.name, exp.name) && !(exp.concept === 'competitor' && String(got.name).toLowerCase() === exp.name.toLowerCase())) miss.push(`name ${String(got.name)}≠${exp.name}`);
  if (typeof exp.successor === 'string' && !wholeWord(got.successor, exp.successor)) miss.push(`successor ${String(got.successor)}≠${exp.successor}`);
  if (exp.owner && exp.owner !== got.owner) miss.push(`owner ${String(got.owner)}≠${String(exp.owner)}`);
  if (Array.isArray(exp.deliverable) && !(exp.deliverable as string[]).every((w) => String(got.deliverable ?? '').toLowerCase().includes(w.toLowerCase()))) miss.push(`deliverable "${String(got.deliverable)}"≠${(exp.deliverable as string[]).join('+')}`);
  if (typeof exp.due === 'string' && !got.dueDefaulted && String(got.dueAt).slice(0, 10) !== exp.due) miss.push(`due ${String(got.dueAt).slice(0, 10)}≠${exp.due}`);
  if (typeof exp.due === 'string' && got.dueDefaulted) miss.push('due defaulted');
  if (typeof exp.team === 'string' && !wholeWord(got.team, exp.team)) miss.push(`team ${String(got.team)}≠${exp.team}`);
  if (typeof exp.seats === 'number' && exp.seats !== got.seats) miss.push(`seats ${String(got.seats)}≠${exp.seats}`);
  return miss;
}

export interface FamilyScore { family: string; tp: number; fp: number; fn: number; fieldsOk: number; fieldsAll: number; misses: string[] }

/** Precision/recall of a family's own concept over its items. */
export function scoreFamily(family: (typeof FAMILIES)[number], perceive: (s: Signal, ctx: PerceiveContext) => Insights): FamilyScore {
  const c = corpusContext();
  const ctx = perceiveContext(c);
  const concept = CONCEPT[family];
  const sc: FamilyScore = { family, tp: 0, fp: 0, fn: 0, fieldsOk: 0, fieldsAll: 0, misses: [] };
  for (const item of devItems(family)) {
    const got = conceptsOf(perceive(signalOf(item, c), ctx)).filter((g) => g.concept === concept);
    const exp = item.expect.filter((e) => e.concept === concept);
    const used = new Set<number>();
    for (const e of exp) {
      const i = got.findIndex((g, j) => !used.has(j));
      if (i < 0) { sc.fn += 1; sc.misses.push(`MISS ${item.id}: ${item.text}`); continue; }
      used.add(i);
      sc.tp += 1;
      const m = fieldMisses(e, got[i]);
      const checked = Object.keys(e).filter((k) => k !== 'concept').length;
      sc.fieldsAll += checked;
      sc.fieldsOk += checked - Math.min(checked, m.length);
      if (m.length) sc.misses.push(`FIELD ${item.id}: ${m.join('; ')} — ${item.text}`);
    }
    const extra = got.length - used.size;
    if (extra > 0 && exp.length === 0) { sc.fp += 1; sc.misses.push(`FP ${item.id}${item.hard ? ' (hard)' : ''}: ${item.text}`); }
  }
  return sc;
}
