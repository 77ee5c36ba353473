// The load generator, run as its own process so its work does not share the server's event loop.
// Posts one signal per tick at a fixed rate to accounts in turn, then polls the API until the
// recommendation citing that signal is readable; prints one JSON line with every sample, the ones
// that timed out included (latencyMs null) so the caller can count them as misses.
import { parseArgs } from './lib.js';

const args = parseArgs(process.argv.slice(2));
const url = String(args.url);
const token = String(args.token);
const accounts = String(args.accounts).split(',');
const rate = Number(args.rate ?? 5);
const durationMs = Number(args.duration ?? 60) * 1000;
const timeoutMs = Number(args.timeout ?? 30) * 1000;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

export interface Sample {
  i: number;
  accountId: string;
  /** Seconds after the run started that the signal was posted. */
  at: number;
  postMs: number;
  status: number;
  signalId: string | null;
  /** POST to a recommendation citing the signal; null when none was readable within the timeout. */
  latencyMs: number | null;
}
const samples: Sample[] = [];
const inflight: Array<Promise<void>> = [];

async function waitForRecommendation(accountId: string, signalId: string, t0: number): Promise<number | null> {
  while (performance.now() - t0 < timeoutMs) {
    const r = await fetch(`${url}/v1/recommendations?account=${encodeURIComponent(accountId)}`, { headers }).catch(() => null);
    if (r?.ok) {
      const body = (await r.json()) as { recommendations: Array<{ evidence: Array<{ signalId: string }> }> };
      if (body.recommendations.some((rec) => rec.evidence.some((e) => e.signalId === signalId))) return performance.now() - t0;
    }
    await new Promise((res) => setTimeout(res, 25));
  }
  return null;
}

async function one(i: number, start: number): Promise<void> {
  const accountId = accounts[i % accounts.length];
  const domain = `${accountId}.example`;
  const t0 = performance.now();
  const at = (t0 - start) / 1000;
  const r = await fetch(`${url}/v1/accounts/${encodeURIComponent(accountId)}/signals`, {
    method: 'POST', headers,
    body: JSON.stringify({
      kind: 'email', occurredAt: new Date().toISOString(), externalId: `bench-${process.pid}-${i}`, source: 'bench',
      from: { email: `buyer@${domain}`, name: 'Jordan Buyer' }, to: [{ email: 'rep@ourco.com' }],
      subject: `Question ${i}`, text: `Hi, could you send us the pricing for 50 more seats and the SSO add-on? We need it for the budget meeting.`,
    }),
  }).catch(() => null);
  const postMs = performance.now() - t0;
  if (r?.status !== 202) {
    samples.push({ i, accountId, at, postMs, status: r?.status ?? 0, signalId: null, latencyMs: null });
    return;
  }
  const { stored } = (await r.json()) as { stored: string[] };
  const latencyMs = await waitForRecommendation(accountId, stored[0], t0);
  samples.push({ i, accountId, at, postMs, status: 202, signalId: stored[0], latencyMs });
}

const start = performance.now();
for (let i = 0; performance.now() - start < durationMs; i += 1) {
  inflight.push(one(i, start));
  const next = start + ((i + 1) * 1000) / rate;
  await new Promise((res) => setTimeout(res, Math.max(0, next - performance.now())));
}
await Promise.all(inflight);
samples.sort((a, b) => a.i - b.i);
process.stdout.write(`${JSON.stringify({ samples, timeoutMs, elapsedMs: performance.now() - start })}\n`);
