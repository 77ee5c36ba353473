// ask latency: plain-language questions to an account with N signals, through HTTP and the
// workflow's `ask` Update, on the embedded default (rules). Several clients ask at once (as the
// managers of a team would), each going through every intent `rounds` times: p50 and p95 per
// question, and answers per second over the whole run.
import { startBenchServer, api } from './server.js';
import { history } from './assess-cost.js';
import { ms, record, summarize } from './lib.js';

export interface AskBenchOptions { signals: number; rounds: number; clients: number; smoke?: boolean; command: string }

const QUESTIONS = [
  'Why is Acme at risk?', 'Who is our champion now?', 'What did Ken say about the security review?', 'What have we promised and is it done?',
  'When did we last hear from them?', 'What is the renewal status?', 'How is usage trending?', 'Which competitors have come up?',
  'Who are the stakeholders?', 'What did procurement say last?',
];

export async function runAskBench(o: AskBenchOptions): Promise<string> {
  const server = await startBenchServer({ DEBOUNCE_MS: '500' });
  try {
    const created = await api(server.url, 'POST', '/v1/accounts', {
      id: 'ask', name: 'Acme', domains: ['acme.com'], stage: 'customer', arr: 100000, renewalDate: new Date(Date.now() + 80 * 86_400_000).toISOString(),
      contacts: ['dana', 'li', 'ken', 'olu', 'marta'].map((n, i) => ({ email: `${n}@acme.com`, name: n[0].toUpperCase() + n.slice(1), role: ['champion', 'economic_buyer', 'security', 'procurement', 'user'][i] })),
    });
    if (created.status !== 201) throw new Error(`account: ${created.status} ${JSON.stringify(created.json)}`);
    const signals = history(o.signals, Date.now());
    for (let i = 0; i < signals.length; i += 500) {
      const r = await api(server.url, 'POST', '/v1/accounts/ask/signals', { signals: signals.slice(i, i + 500) });
      if (r.status !== 202) throw new Error(`signals: ${r.status}`);
    }
    for (;;) {
      const s = (await api<{ pending: number }>(server.url, 'GET', '/v1/stats/signals')).json;
      const a = (await api<{ assessments: Array<{ signalCount: number }> }>(server.url, 'GET', '/v1/accounts/ask/assessments?limit=1')).json;
      if (s.pending === 0 && (a.assessments[0]?.signalCount ?? 0) >= o.signals) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const times: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: o.clients }, async (_, c) => {
      for (let round = 0; round < o.rounds; round += 1) {
        for (let q = 0; q < QUESTIONS.length; q += 1) {
          const question = QUESTIONS[(q + c) % QUESTIONS.length]; // clients start on different intents
          const t = performance.now();
          const r = await api(server.url, 'POST', '/v1/accounts/ask/ask', { question });
          if (r.status !== 200) throw new Error(`ask: ${r.status} ${JSON.stringify(r.json)}`);
          times.push(performance.now() - t);
        }
      }
    }));
    const wallS = (performance.now() - t0) / 1000;
    const s = summarize(times);
    const figures = `${o.signals} signals, ${o.clients} concurrent clients, ${s.n} questions of ${QUESTIONS.length} intents (rules): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}; ${(s.n / wallS).toFixed(1)} answers/s (${s.n} in ${wallS.toFixed(1)} s)`;
    console.log(`ask: ${figures}`);
    record('ask latency', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
  }
}
