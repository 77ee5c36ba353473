// A small CSM book for the brief tests: users of two teams, accounts with assessments that cite real
// signal rows, and open recommendations. Signals are marked processed so no workflow re-assesses them.
import type pg from 'pg';
import { insertAccount } from '../../db/queries/accounts.js';
import { insertAssessment } from '../../db/queries/assessments.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import { insertSignals, markSignalsProcessed } from '../../db/queries/signals.js';
import { createToken, upsertUser } from '../../db/queries/users.js';
import { SignalInput } from '../../agents/signals/schema.js';
import { uniqueId } from './stack.js';

const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY).toISOString();

export interface BriefBook {
  /** Bearer tokens by person. */
  tokens: Record<'cara' | 'cole' | 'mia' | 'rex', string>;
  ids: Record<'cara' | 'cole' | 'mia' | 'rex' | 'otherManager', string>;
  accounts: { atRisk: string; calm: string; far: string; othersCsm: string };
  signals: { competitor: string; silence: string };
  recommendationId: string;
}

export async function seedBriefBook(db: pg.Pool, opts: { caraEmail?: string } = {}): Promise<BriefBook> {
  const ids = { cara: uniqueId('cara'), cole: uniqueId('cole'), mia: uniqueId('mia'), rex: uniqueId('rex'), otherManager: uniqueId('oli') };
  await upsertUser(db, { id: ids.mia, name: 'Mia Manager', role: 'manager', email: 'mia@ourco.com' });
  await upsertUser(db, { id: ids.otherManager, name: 'Oli Otherteam', role: 'manager' });
  await upsertUser(db, { id: ids.cara, name: 'Cara Csm', role: 'csm', email: opts.caraEmail ?? 'cara@ourco.com', managerId: ids.mia });
  await upsertUser(db, { id: ids.cole, name: 'Cole Csm', role: 'csm', email: 'cole@ourco.com', managerId: ids.otherManager });
  await upsertUser(db, { id: ids.rex, name: 'Rex Rep', role: 'rep', email: 'rex@ourco.com', managerId: ids.mia });
  const tokens = {
    cara: await createToken(db, ids.cara), cole: await createToken(db, ids.cole), mia: await createToken(db, ids.mia), rex: await createToken(db, ids.rex),
  };

  const account = async (name: string, renewIn: number, csmId: string, score: number, level: string, factors: unknown[]) => {
    const a = await insertAccount(db, { id: uniqueId(name.toLowerCase()), name, domains: [`${name.toLowerCase()}.example`], stage: 'customer', renewalDate: days(renewIn), ownerId: ids.rex, csmId });
    return { id: a.id, assess: (runKey: string) => insertAssessment(db, { accountId: a.id, runKey, asOf: new Date().toISOString(), score, level, factors: factors as never, opportunities: [], reasoner: 'rules', signalCount: 2 }) };
  };

  const atRisk = await account('Globex', 25, ids.cara, 72, 'high', []);
  const stored = await insertSignals(db, atRisk.id, [
    SignalInput.parse({ kind: 'email', occurredAt: days(-3), source: 'gmail', externalId: uniqueId('m'), from: { email: 'cfo@globex.example', name: 'Gina CFO' }, to: [{ email: 'cara@ourco.com' }], subject: 'Renewal', text: 'We are evaluating Initrode as a cheaper option before we renew.' }),
    SignalInput.parse({ kind: 'note', occurredAt: days(-30), source: 'crm', externalId: uniqueId('n'), text: 'No reply from the champion since the QBR.' }),
  ]);
  await markSignalsProcessed(db, stored.stored.map((s) => s.id));
  const [competitor, silence] = stored.stored.map((s) => s.id);
  const assessment = await insertAssessment(db, {
    accountId: atRisk.id, runKey: uniqueId('run'), asOf: new Date().toISOString(), score: 72, level: 'high', reasoner: 'rules', signalCount: 2, opportunities: [],
    factors: [
      { factor: 'competitor_mention', weight: 30, explanation: 'The CFO named Initrode as a cheaper option.', evidence: [competitor] },
      { factor: 'silence', weight: 20, explanation: 'The champion has not replied in 30 days.', evidence: [silence] },
    ],
  });
  const rec = await upsertOpenRecommendation(db, atRisk.id, assessment.record.id, {
    kind: 'competitive_response', target: 'cfo@globex.example', title: 'Answer the CFO on price before the renewal call', rationale: 'She is comparing prices.',
    evidence: [{ signalId: competitor, excerpt: 'evaluating Initrode as a cheaper option' }], priority: 80, dueAt: days(2), factors: ['competitor_mention'],
  });

  const calm = await account('Hooli', 20, ids.cara, 10, 'low', []);
  await calm.assess(uniqueId('run'));
  const far = await account('Umbrella', 300, ids.cara, 90, 'critical', []);
  await far.assess(uniqueId('run'));
  const othersCsm = await account('Soylent', 15, ids.cole, 80, 'critical', []);
  await othersCsm.assess(uniqueId('run'));

  return {
    tokens, ids, accounts: { atRisk: atRisk.id, calm: calm.id, far: far.id, othersCsm: othersCsm.id },
    signals: { competitor, silence }, recommendationId: rec.recommendation.id,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
