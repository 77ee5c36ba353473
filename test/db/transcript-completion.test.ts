// A Gong call stored from its call_completed webhook (no transcript yet) is completed by the later
// delivery of the same call with its transcript: one row, filled in, pending again, its memory and
// reading refreshed rather than doubled; a redelivery of the complete call is a plain duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { withTransaction } from '../../db/tx.js';
import { insertSignals, listSignals, readingInfo } from '../../db/queries/signals.js';
import { parseGong } from '../../agents/signals/parsers/transcripts.js';
import type { SignalInput } from '../../agents/signals/schema.js';
import { createAccountAgent } from '../../agents/index.js';
import { createRulesPerceiver } from '../../agents/perceivers/rules.js';
import type { Perceiver } from '../../agents/perceivers/types.js';
import { freshDatabase } from '../helpers/db.js';
import { seedAccount } from '../helpers/seed.js';

let db: Database;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db.close(); });

const CALL = '8841200937155'; // fresh words below: a call about a warehouse pilot
const meta = { id: CALL, title: 'Borealis pilot debrief', started: 1795518000, duration: 1800 };
const parties = [
  { id: 'a', speakerId: 'sp1', name: 'Marit Solberg', emailAddress: 'marit@borealis.example', affiliation: 'External' },
  { id: 'b', speakerId: 'sp2', name: 'Theo Lindqvist', emailAddress: 'theo@ourco.com', affiliation: 'Internal' },
];
const webhook = { isTest: false, callData: { metaData: meta, parties } };
const fullCall = {
  calls: [{ metaData: meta, parties }],
  callTranscripts: [{ callId: CALL, transcript: [
    { speakerId: 'sp1', sentences: [{ start: 1000, end: 6000, text: 'The forklift scanners kept dropping the pallet labels on night shifts.' }] },
    { speakerId: 'sp2', sentences: [{ start: 6500, end: 9000, text: 'I will send the firmware patch notes by Thursday.' }] },
    { speakerId: 'sp1', sentences: [{ start: 9500, end: 14000, text: 'If the patch holds we would extend the pilot to the Trondheim depot.' }] },
  ] }],
};

const signal = (payload: unknown): SignalInput => {
  const r = parseGong(payload);
  expect(r.rejected).toEqual([]);
  return r.items[0].signal;
};
const deliver = (accountId: string, s: SignalInput) => withTransaction(db.pool, (tx) => insertSignals(tx, accountId, [s]));
const rowOf = async (id: string) => (await db.pool.query('select status, remembered_at, insights, payload, received_at from signals where id = $1', [id])).rows[0];
const chunks = async (id: string) => (await db.pool.query('select seq, text from memory_chunks where signal_id = $1 order by seq', [id])).rows as Array<{ seq: number; text: string }>;

function counting(): Perceiver & { calls: string[] } {
  const rules = createRulesPerceiver();
  const calls: string[] = [];
  return { id: 'rules', version: rules.version, calls, perceive: async (s, ctx) => { calls.push(s.id); return rules.perceive(s, ctx); } };
}

async function seed(id: string) {
  await seedAccount(db.pool, { id, name: 'Borealis', domains: ['borealis.example'], stage: 'proposal', ownerId: 'theo' }, []);
}

describe('insertSignals: a call waiting for its transcript', () => {
  it('the webhook stores it pending; the full call completes the same row; a second full call is a duplicate', async () => {
    await seed('tc-1');
    const first = await deliver('tc-1', signal(webhook));
    expect(first).toMatchObject({ stored: [{ index: 0 }], duplicates: [], completed: [] });
    const id = first.stored[0].id;
    expect((await rowOf(id)).payload).toMatchObject({ transcript: [], transcriptPending: true });

    const second = await deliver('tc-1', signal(fullCall));
    expect(second).toEqual({ stored: [], duplicates: [], completed: [{ id, index: 0 }] });
    const row = await rowOf(id);
    expect(row.status).toBe('pending');
    expect(row.payload.transcriptPending).toBeUndefined();
    expect(row.payload.transcript.map((t: { speaker: string }) => t.speaker)).toEqual(['Marit Solberg', 'Theo Lindqvist', 'Marit Solberg']);
    expect(row.payload.transcript[1].text).toBe('I will send the firmware patch notes by Thursday.');
    expect(row.payload).toMatchObject({ title: 'Borealis pilot debrief', durationSec: 1800 });

    const third = await deliver('tc-1', signal(fullCall));
    expect(third).toEqual({ stored: [], duplicates: [{ id, index: 0 }], completed: [] });
    // The webhook delivered again after the call was completed takes nothing back.
    expect(await deliver('tc-1', signal(webhook))).toEqual({ stored: [], duplicates: [{ id, index: 0 }], completed: [] });
    expect((await rowOf(id)).payload.transcript).toHaveLength(3);
    expect((await db.pool.query('select count(*)::int as n from signals where account_id = $1', ['tc-1'])).rows[0].n).toBe(1);
  });

  it('an empty or still pending delivery does not complete it, nor does another source with the same id', async () => {
    await seed('tc-2');
    const id = (await deliver('tc-2', signal(webhook))).stored[0].id;
    expect((await deliver('tc-2', signal(webhook))).duplicates).toEqual([{ id, index: 0 }]);
    const other = { ...signal(fullCall), source: 'zoom' };
    expect((await deliver('tc-2', other)).stored).toHaveLength(1);
    expect((await rowOf(id)).payload.transcriptPending).toBe(true);
  });

  it('is part of the batch transaction: rolled back with it, the row is still waiting', async () => {
    await seed('tc-3');
    const id = (await deliver('tc-3', signal(webhook))).stored[0].id;
    await expect(withTransaction(db.pool, async (tx) => {
      await insertSignals(tx, 'tc-3', [signal(fullCall)]);
      throw new Error('the batch failed after the completion');
    })).rejects.toThrow(/batch failed/);
    expect((await rowOf(id)).payload.transcriptPending).toBe(true);
    expect((await deliver('tc-3', signal(fullCall))).completed).toEqual([{ id, index: 0 }]);
  });

  it("the account's agent reads the completed call again: its memory is replaced, not doubled, and it is perceived anew", async () => {
    await seed('tc-4');
    const perceiver = counting();
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver });
    const id = (await deliver('tc-4', signal(webhook))).stored[0].id;
    await agent.remember('tc-4');
    await agent.assess({ accountId: 'tc-4', asOf: '2026-11-25T12:00:00.000Z', runKey: 'tc-4-a' });
    const before = await chunks(id);
    expect(before.map((c) => c.text).join('\n')).not.toMatch(/forklift/);
    expect(perceiver.calls).toEqual([id]);
    expect((await rowOf(id)).status).toBe('processed');

    await deliver('tc-4', signal(fullCall));
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ status: 'pending', remembered_at: null, insights: null });
    expect(await chunks(id)).toEqual([]);
    expect((await readingInfo(db.pool, [id])).get(id)).toMatchObject({ perceiver: null, perceivedFor: null });

    expect(await agent.remember('tc-4')).toEqual({ remembered: 1 });
    const after = await chunks(id);
    expect(after.map((c) => c.text).join('\n')).toMatch(/forklift scanners.*\n?[\s\S]*Trondheim depot/);
    expect(new Set(after.map((c) => c.seq)).size).toBe(after.length);
    // Remembering again writes nothing more.
    await agent.remember('tc-4');
    expect(await chunks(id)).toEqual(after);

    await agent.assess({ accountId: 'tc-4', asOf: '2026-11-25T13:00:00.000Z', runKey: 'tc-4-b' });
    expect(perceiver.calls).toEqual([id, id]);
    const read = (await listSignals(db.pool, 'tc-4')).find((s) => s.id === id)!;
    expect(read.insights?.commitments.map((c) => c.text).join(' ')).toMatch(/firmware patch notes/);
    expect((await rowOf(id)).status).toBe('processed');
  });
});
