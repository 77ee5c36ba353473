// Issue 12: "already_done is recorded as an outbound touch". Through the real decision activity and
// a real database: what the rejection writes is what the risk model counts as our outreach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { getAccount, insertAccount } from '../../db/queries/accounts.js';
import { listContacts, upsertContact } from '../../db/queries/contacts.js';
import { upsertUser } from '../../db/queries/users.js';
import { insertSignals, listSignals } from '../../db/queries/signals.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import { createDecisionActivities } from '../../workflows/activities/decide.js';
import { assessRisk } from '../../agents/risk/model.js';
import { isRecordedTouch, participants } from '../../agents/stakeholders.js';
import { Insights, type Signal } from '../../agents/signals/schema.js';
import { freshDatabase } from '../helpers/db.js';

const DAY = 86_400_000;
let db: Database;

beforeAll(async () => { db = await freshDatabase(); }, 120_000);
afterAll(async () => { await db?.close(); });

/** The account as the agent sees it now; the customer's email is read as the question it is. */
async function assessNow(accountId: string) {
  const account = (await getAccount(db.pool, accountId))!;
  const signals: Signal[] = (await listSignals(db.pool, accountId)).map((s) => (s.kind === 'email' ? { ...s, insights: Insights.parse({ question: true }) } : s));
  const contacts = await listContacts(db.pool, accountId);
  return { signals, assessment: assessRisk({ account, contacts, signals, asOf: new Date(Date.now() + 60_000).toISOString() }) };
}

describe('rejecting a reply as already done', () => {
  it('the note it writes is our outreach: the waiting question is answered', async () => {
    await upsertUser(db.pool, { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' });
    const account = await insertAccount(db.pool, { id: 'hollis', name: 'Hollis Dairy', domains: ['hollisdairy.com'], stage: 'discovery', ownerId: 'sam' });
    await upsertContact(db.pool, account.id, { email: 'maria@hollisdairy.com', name: 'Maria Kovacs', role: 'champion' });
    await insertSignals(db.pool, account.id, [{
      kind: 'email', occurredAt: new Date(Date.now() - 3 * DAY).toISOString(), direction: 'inbound', externalId: 'm1', source: 'test',
      from: { email: 'maria@hollisdairy.com', name: 'Maria Kovacs' }, to: [{ email: 'sam@ourco.com' }], cc: [], subject: 'Cold chain sensors',
      text: 'Do your sensors export readings every five minutes, or only hourly?',
    }]);
    const before = await assessNow(account.id);
    expect(before.assessment.factors.map((f) => f.factor)).toContain('unanswered_inbound');

    const { recommendation } = await upsertOpenRecommendation(db.pool, account.id, null, {
      kind: 'reply', target: 'maria@hollisdairy.com', title: 'Reply to Maria Kovacs: "Cold chain sensors"', rationale: 'She asked 3 days ago.',
      evidence: [], priority: 60, dueAt: new Date().toISOString(), factors: ['unanswered_inbound'],
      draft: { channel: 'email', to: ['maria@hollisdairy.com'], subject: 'Re: Cold chain sensors', body: 'Hi Maria, …' },
    });
    const decided = await createDecisionActivities({ db: db.pool }).decide({
      accountId: account.id, recommendationId: recommendation.id, decision: 'reject', reason: 'already_done', decidedBy: 'sam',
    });
    expect(decided.status).toBe('rejected');

    const after = await assessNow(account.id);
    const touch = after.signals.find((s) => s.id === decided.touchSignalId)!;
    expect(isRecordedTouch(touch)).toBe(true);
    expect(participants(touch).to).toEqual(['maria@hollisdairy.com']);
    expect(after.assessment.factors.map((f) => f.factor)).not.toContain('unanswered_inbound');
    expect(after.assessment.factors.map((f) => f.factor)).not.toContain('silence');
  }, 120_000);
});
