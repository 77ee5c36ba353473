// assessment cost: CPU time, wall time and allocated bytes of one assess run (rules reasoner) for
// a small and a large account, in-process against PGlite. Allocations come from V8's sampling heap
// profiler with collected objects included (so they count what was allocated, not what survived).
// With --profile it also writes a CPU profile of the large account and prints the top self-time.
import { Session } from 'node:inspector/promises';
import { writeFileSync, mkdirSync } from 'node:fs';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { upsertContact } from '../../db/queries/contacts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { createAccountAgent } from '../../agents/index.js';
import type { SignalInput } from '../../agents/signals/schema.js';
import { record, summarize } from './lib.js';

export interface AssessCostOptions { small: number; large: number; runs: number; profile?: boolean; smoke?: boolean; command: string }

const DAY = 86_400_000;
const CONTACTS = ['dana', 'li', 'ken', 'olu', 'marta'].map((n, i) => ({ email: `${n}@acme.com`, name: n[0].toUpperCase() + n.slice(1), role: ['champion', 'economic_buyer', 'security', 'procurement', 'user'][i] }));

export function history(n: number, now: number): SignalInput[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(now - (n - i) * (180 * DAY) / n).toISOString();
    const c = CONTACTS[i % CONTACTS.length];
    switch (i % 5) {
      case 0: return { kind: 'usage', occurredAt: at, externalId: `h${i}`, metric: 'active_users', value: 100 + (i % 7) } as SignalInput;
      case 1: return { kind: 'email', occurredAt: at, externalId: `h${i}`, from: { email: 'sam@ourco.com', name: 'Sam' }, to: [{ email: c.email }], cc: [], subject: `Update ${i}`, text: `Hi ${c.name}, we'll send the revised plan by Friday. Notes from our call are attached.`, direction: 'outbound' } as SignalInput;
      case 2: return { kind: 'email', occurredAt: at, externalId: `h${i}`, from: { email: c.email, name: c.name }, to: [{ email: 'sam@ourco.com' }], cc: [], subject: `Re: Update ${i}`, text: 'Thanks. Could you also include the security review timeline? The team is happy with the rollout so far.', direction: 'inbound' } as SignalInput;
      case 3: return { kind: 'meeting', occurredAt: at, externalId: `h${i}`, title: `Sync ${i}`, attendees: [{ email: c.email, name: c.name }, { email: 'sam@ourco.com', name: 'Sam' }],
        transcript: [{ speaker: c.name, text: 'We want to roll it out to another team next quarter.' }, { speaker: 'Sam', text: 'Great, I will prepare a plan.' }] } as SignalInput;
      default: return { kind: 'note', occurredAt: at, externalId: `h${i}`, text: `Call notes ${i}: budget discussion, Gong mentioned as the incumbent being replaced.` } as SignalInput;
    }
  });
}

async function setup(n: number) {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db.pool);
  const now = Date.now();
  await insertAccount(db.pool, { id: 'acc', name: 'Acme', domains: ['acme.com'], stage: 'customer', arr: 100000, renewalDate: new Date(now + 80 * DAY).toISOString() });
  for (const c of CONTACTS) await upsertContact(db.pool, 'acc', c);
  const sigs = history(n, now);
  for (let i = 0; i < sigs.length; i += 500) await insertSignals(db.pool, 'acc', sigs.slice(i, i + 500));
  const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });
  await agent.remember('acc');
  return { db, agent, now };
}

async function measure(n: number, runs: number, session: Session): Promise<{ wall: ReturnType<typeof summarize>; cpuMs: number; allocMiB: number }> {
  const { db, agent } = await setup(n);
  try {
    await agent.assess({ accountId: 'acc', asOf: new Date().toISOString(), runKey: 'warm' });
    const walls: number[] = [];
    await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await agent.assess({ accountId: 'acc', asOf: new Date().toISOString(), runKey: `run-${i}` });
      walls.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const samples = (profile as { samples?: Array<{ size: number }> }).samples ?? [];
    const allocated = samples.reduce((s, x) => s + x.size, 0);
    return { wall: summarize(walls), cpuMs: (cpu.user + cpu.system) / 1000 / runs, allocMiB: allocated / runs / 2 ** 20 };
  } finally {
    await db.close();
  }
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

export async function runAssessCost(o: AssessCostOptions): Promise<string> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const rows: string[] = [];
  for (const n of [o.small, o.large]) {
    const r = await measure(n, o.runs, session);
    rows.push(`${n} signals: wall p50 ${r.wall.p50.toFixed(1)} ms (p95 ${r.wall.p95.toFixed(1)}), CPU ${r.cpuMs.toFixed(1)} ms, allocated ${r.allocMiB.toFixed(1)} MiB per assess`);
    console.log(`assess-cost: ${rows[rows.length - 1]}`);
  }
  if (o.profile) {
    const { agent, db } = await setup(o.large);
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    for (let i = 0; i < o.runs; i += 1) await agent.assess({ accountId: 'acc', asOf: new Date().toISOString(), runKey: `p-${i}` });
    const { profile } = await session.post('Profiler.stop');
    await db.close();
    mkdirSync('evals/out', { recursive: true });
    writeFileSync('evals/out/assess-large.cpuprofile', JSON.stringify(profile));
    const byFn = new Map<string, number>();
    const total = (profile.nodes as ProfileNode[]).reduce((s, n) => s + (n.hitCount ?? 0), 0);
    for (const n of profile.nodes as ProfileNode[]) {
      const where = n.callFrame.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '');
      const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (n.hitCount ?? 0));
    }
    const top = [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log('top self time (assess, large account):');
    for (const [k, v] of top) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
  session.disconnect();
  const figures = rows.join('; ');
  record('assessment cost', o.command, figures, { smoke: o.smoke });
  return figures;
}
