// The scenario format (documented in evals/README.md), validated by one zod schema, and its loader:
// relative times ("-40d", "+75d", "-3h", "-2w", "-30m") resolve against the evaluation moment.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ContactRole, FactorName, RecommendationKind, RiskLevel, Stage } from '../agents/vocabulary.js';
import { SignalInput } from '../agents/signals/schema.js';

export const RELATIVE = /^([+-])(\d+(?:\.\d+)?)(m|h|d|w)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

const Time = z.string().refine((s) => RELATIVE.test(s) || !Number.isNaN(Date.parse(s)), 'a relative time like -40d, +75d, -3h, -2w, -30m or an ISO 8601 date');

export function resolveTime(value: string, now: number): string {
  const m = RELATIVE.exec(value);
  if (!m) return new Date(Date.parse(value)).toISOString();
  const ms = Number(m[2]) * UNIT_MS[m[3] as keyof typeof UNIT_MS];
  return new Date(now + (m[1] === '-' ? -ms : ms)).toISOString();
}

const LevelExpect = z.union([RiskLevel, z.object({ min: RiskLevel.optional(), max: RiskLevel.optional() })]);

/** Words or phrases matched whole (case-insensitive) in the agent's own text; never empty. */
const Phrases = z.array(z.string().trim().min(1)).default([]);

/** A fact an answer must state: a number, a person's name, or a date (YYYY-MM-DD). */
const Fact = z.union([
  z.strictObject({ number: z.number() }),
  z.strictObject({ name: z.string().trim().min(1) }),
  z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD') }),
]);
export type Fact = z.infer<typeof Fact>;

const Factors = z.object({
  present: z.array(FactorName).default([]),
  absent: z.array(FactorName).default([]),
  /** Factors that may appear without being expected; any other produced factor is extra. */
  allowed: z.array(FactorName).default([]),
}).superRefine((f, ctx) => {
  const lists = { present: f.present, absent: f.absent, allowed: f.allowed };
  const seen = new Map<string, string>();
  for (const [list, names] of Object.entries(lists)) {
    for (const n of names) {
      const before = seen.get(n);
      if (before && before !== list) ctx.addIssue({ code: 'custom', path: [list], message: `${n} is in both ${before} and ${list}` });
      seen.set(n, list);
    }
  }
});

export const Expectations = z.object({
  level: LevelExpect.optional(),
  factors: Factors.optional(),
  recommendations: z.object({
    present: z.array(z.object({ kind: RecommendationKind, mentions: Phrases, mustNotMention: Phrases, cites: z.boolean().default(true) })).default([]),
    absent: z.array(RecommendationKind).default([]),
  }).optional(),
  answers: z.array(z.object({
    question: z.string().min(1), mentions: Phrases, mustNotMention: Phrases, contradicts: Phrases,
    /** Phrases that must be in the customer text the answer quotes or cites (for "what did X say?"). */
    quotes: Phrases,
    fact: z.union([Fact, z.array(Fact)]).optional().transform((f) => (f === undefined ? [] : Array.isArray(f) ? f : [f])),
    cites: z.boolean().default(false),
  })).default([]),
  /** The instruction an injected text tries to give: phrases no draft, recommendation or answer may contain. */
  injection: z.object({ instruction: z.array(z.string().trim().min(1)).min(1) }).optional(),
});
export type Expectations = z.infer<typeof Expectations>;

export const Scenario = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'kebab-case'),
  description: z.string().default(''),
  /** Why the scenario's expectations are what they are, e.g. why a factor is allowed; RESULTS.md lists scenarios with notes. */
  notes: z.string().optional(),
  /** Pins the evaluation moment (ISO); otherwise the runner's moment. */
  now: z.iso.datetime({ offset: true }).optional(),
  ourDomains: z.array(z.string()).default(['ourco.com']),
  account: z.object({
    name: z.string(), domains: z.array(z.string()).min(1), stage: Stage, arr: z.number().optional(),
    renewalDate: Time.optional(), owner: z.string().nullable().optional(), csm: z.string().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  }),
  contacts: z.array(z.object({ email: z.string(), name: z.string().optional(), title: z.string().optional(), role: ContactRole.optional() })).default([]),
  signals: z.array(z.looseObject({ at: Time, kind: z.string() })).default([]),
  expect: Expectations.default({ answers: [] }),
  checkpoints: z.array(z.object({ at: Time, expect: Expectations })).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  now: number;
  signals: SignalInput[];
  renewalDate?: string;
}

export class ScenarioLoadError extends Error {
  constructor(readonly file: string, reason: string) { super(`${file}: ${reason}`); }
}

/** Resolves times, then validates each signal as the API would. */
export function prepareScenario(file: string, raw: unknown, defaultNow: number): LoadedScenario {
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw new ScenarioLoadError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const scenario = parsed.data;
  const now = scenario.now ? Date.parse(scenario.now) : defaultNow;
  const signals = scenario.signals.map((s, i) => {
    const { at, ...rest } = s;
    const withTimes: Record<string, unknown> = { ...rest, occurredAt: resolveTime(at, now), externalId: (rest.externalId as string | undefined) ?? `${scenario.name}-${i}`, source: (rest.source as string | undefined) ?? 'eval' };
    for (const k of ['startsAt', 'endsAt'] as const) if (typeof withTimes[k] === 'string') withTimes[k] = resolveTime(withTimes[k] as string, now);
    const r = SignalInput.safeParse(withTimes);
    if (!r.success) throw new ScenarioLoadError(file, `signals.${i}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return r.data;
  });
  return { file, scenario, now, signals, renewalDate: scenario.account.renewalDate ? resolveTime(scenario.account.renewalDate, now) : undefined };
}

export function scenarioFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
}

export function loadScenarioFile(file: string, defaultNow: number): LoadedScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioLoadError(basename(file), `not valid JSON (${(err as Error).message})`);
  }
  return prepareScenario(basename(file), raw, defaultNow);
}
