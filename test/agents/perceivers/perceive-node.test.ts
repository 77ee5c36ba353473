// The graph's perceive node is where perception happens: remember only chunks and embeds; the
// first assessment reads each signal once with the configured perceiver and stores the reading
// with its id and version; later assessments read only what is new; a dry run stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/db.js';
import { seedAccount, at } from '../../helpers/seed.js';
import { createAccountAgent } from '../../../agents/index.js';
import { createRulesPerceiver } from '../../../agents/perceivers/rules.js';
import type { Perceiver } from '../../../agents/perceivers/types.js';
import { RULES_PERCEIVER_VERSION } from '../../../agents/perception/version.js';
import { insertSignals, listSignals, readingInfo } from '../../../db/queries/signals.js';
import { listContacts } from '../../../db/queries/contacts.js';
import type { Database } from '../../../db/connection.js';

let db: Database;
const NOW = Date.parse('2026-11-20T15:00:00Z');

beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db.close(); });

/** The rules perceiver, counting the signals it is asked to read. */
function counting(version?: string): Perceiver & { calls: string[] } {
  const rules = createRulesPerceiver({ version });
  const calls: string[] = [];
  return { id: 'rules', version: rules.version, calls, perceive: async (s, ctx) => { calls.push(s.id); return rules.perceive(s, ctx); } };
}

async function seed(id: string) {
  return seedAccount(db.pool, {
    id, name: 'Fabrikam', domains: ['fabrikam.example'], stage: 'proposal', ownerId: 'rita',
    contacts: [{ email: 'jo@fabrikam.example', name: 'Jo Park', role: 'champion' }],
  }, [
    { kind: 'email', occurredAt: at(NOW, -6), externalId: `${id}-1`, from: { email: 'rita@ourco.com', name: 'Rita' }, to: [{ email: 'jo@fabrikam.example' }], subject: 'Proposal', text: 'Hi Jo, I will send you the revised proposal by Monday.' },
    { kind: 'email', occurredAt: at(NOW, -1), externalId: `${id}-2`, from: { email: 'jo@fabrikam.example', name: 'Jo Park' }, to: [{ email: 'rita@ourco.com' }], cc: [{ email: 'lee@fabrikam.example', name: 'Lee Chan' }], subject: 'Re: Proposal', text: 'We are also getting a quote from Salesforce. Could you walk Lee through pricing?' },
  ]);
}

describe('perceive node', () => {
  it('remember stores memory but no insights; the first assessment reads each signal once and stores who read it', async () => {
    const ids = await seed('pn-1');
    const perceiver = counting();
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver });
    expect(await agent.remember('pn-1')).toEqual({ remembered: 2 });
    expect(perceiver.calls).toEqual([]);
    const afterRemember = await listSignals(db.pool, 'pn-1');
    expect(afterRemember.every((s) => s.insights === undefined)).toBe(true);
    const chunks = await db.pool.query('select count(*)::int as n from memory_chunks where account_id = $1', ['pn-1']);
    expect(chunks.rows[0].n).toBeGreaterThanOrEqual(2);
    // A person seen only on a signal is learned by perception, not by memory.
    expect((await listContacts(db.pool, 'pn-1')).map((c) => c.email)).not.toContain('lee@fabrikam.example');

    await agent.assess({ accountId: 'pn-1', asOf: new Date(NOW).toISOString(), runKey: 'pn-1-a' });
    expect([...perceiver.calls].sort()).toEqual([...ids].sort());
    const info = await readingInfo(db.pool, ids);
    for (const id of ids) {
      expect(info.get(id)).toEqual({ perceiver: 'rules', version: RULES_PERCEIVER_VERSION, perceivedFor: `rules@${RULES_PERCEIVER_VERSION}`, fallback: false });
    }
    const stored = await listSignals(db.pool, 'pn-1');
    expect(stored.find((s) => s.id === ids[0])!.insights!.commitments[0]).toMatchObject({ owner: 'us' });
    expect((await listContacts(db.pool, 'pn-1')).map((c) => c.email)).toContain('lee@fabrikam.example');
    const rows = await db.pool.query("select status from signals where account_id = 'pn-1'");
    expect(rows.rows.every((r) => r.status === 'processed')).toBe(true);
  });

  it('a second assessment reads nothing again; a new signal is read alone', async () => {
    const perceiver = counting();
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver });
    await agent.assess({ accountId: 'pn-1', asOf: new Date(NOW).toISOString(), runKey: 'pn-1-b' });
    expect(perceiver.calls).toEqual([]);
    const added = await insertSignals(db.pool, 'pn-1', [{ kind: 'note', occurredAt: at(NOW, 0, -1), externalId: 'pn-1-3', source: 'api', text: 'Jo said the board meets next week.' }]);
    await agent.remember('pn-1');
    await agent.assess({ accountId: 'pn-1', asOf: new Date(NOW).toISOString(), runKey: 'pn-1-c' });
    expect(perceiver.calls).toEqual([added.stored[0].id]);
  });

  it('a dry run (evaluate) reads what has no reading but stores nothing', async () => {
    const ids = await seed('pn-2');
    const perceiver = counting();
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver });
    const ev = await agent.evaluate({ accountId: 'pn-2', asOf: new Date(NOW).toISOString() });
    expect(perceiver.calls.length).toBe(2);
    expect(ev.assessment.factors.map((f) => f.factor)).toContain('competitor_mention');
    const info = await readingInfo(db.pool, ids);
    expect([...info.values()].every((x) => x.perceiver === null)).toBe(true);
    expect((await listSignals(db.pool, 'pn-2')).every((s) => s.insights === undefined)).toBe(true);
  });

  it('stored insights are parsed with the Insights schema; a reading that no longer fits it is read again', async () => {
    const ids = await seed('pn-4');
    const perceiver = counting();
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver });
    await agent.assess({ accountId: 'pn-4', asOf: new Date(NOW).toISOString(), runKey: 'pn-4-a' });
    // Defaults filled by the schema come back from the row as parsed values.
    await db.pool.query(`update signals set insights = '{"sentiment": 0.5}' where id = $1`, [ids[0]]);
    await db.pool.query(`update signals set insights = '{"sentiment": 5, "commitments": "many"}' where id = $1`, [ids[1]]);
    const rows = await listSignals(db.pool, 'pn-4');
    expect(rows.find((x) => x.id === ids[0])!.insights).toMatchObject({ sentiment: 0.5, commitments: [], competitors: [], question: false });
    expect(rows.find((x) => x.id === ids[1])!.insights).toBeUndefined();
    perceiver.calls.length = 0;
    await agent.assess({ accountId: 'pn-4', asOf: new Date(NOW).toISOString(), runKey: 'pn-4-b' });
    expect(perceiver.calls).toEqual([ids[1]]);
    expect((await listSignals(db.pool, 'pn-4')).find((x) => x.id === ids[1])!.insights!.competitors.length).toBeGreaterThan(0);
  });

  it('a reading from another version is read again by the next assessment', async () => {
    const ids = await seed('pn-3');
    const v1 = counting('t1');
    await createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver: v1 }).assess({ accountId: 'pn-3', asOf: new Date(NOW).toISOString(), runKey: 'pn-3-a' });
    const v2 = counting('t2');
    await createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver: v2 }).assess({ accountId: 'pn-3', asOf: new Date(NOW).toISOString(), runKey: 'pn-3-b' });
    expect([...v2.calls].sort()).toEqual([...ids].sort());
    expect([...(await readingInfo(db.pool, ids)).values()].map((x) => x.version)).toEqual(['t2', 't2']);
  });
});
