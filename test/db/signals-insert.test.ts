// A delivery is stored by one statement: each (source, externalId) once, whether its copy was stored
// earlier or sits beside it in the same batch, and every item is answered at its own position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { withTransaction } from '../../db/tx.js';
import { insertSignals, listSignals } from '../../db/queries/signals.js';
import type { SignalInput } from '../../agents/signals/schema.js';
import { freshDatabase } from '../helpers/db.js';
import { seedAccount } from '../helpers/seed.js';

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedAccount(db.pool, { id: 'kiln', name: 'Kiln Works', domains: ['kiln.example'], stage: 'customer' }, []);
}, 300_000);
afterAll(async () => { await db?.close(); });

const note = (externalId: string | undefined, text: string, source = 'crm-notes'): SignalInput =>
  ({ kind: 'note', occurredAt: '2026-10-05T09:30:00Z', source, ...(externalId ? { externalId } : {}), text }) as SignalInput;

describe('insertSignals', () => {
  it('stores new rows, answers an earlier and an in-batch copy with the stored id, position by position', async () => {
    const first = await withTransaction(db.pool, (tx) => insertSignals(tx, 'kiln', [note('n-2', 'Glaze supplier audit moved to March.')]));
    expect(first.stored).toHaveLength(1);
    const r = await withTransaction(db.pool, (tx) => insertSignals(tx, 'kiln', [
      note('n-1', 'Asked for the kiln telemetry export.'),
      note('n-2', 'Glaze supplier audit moved to March.'),
      note('n-1', 'Asked for the kiln telemetry export.'),
      note('n-1', 'Same id from another system is another signal.', 'zendesk'),
      note(undefined, 'No id at all: always a new row.'),
    ]));
    expect(r.stored.map((s) => s.index)).toEqual([0, 3, 4]);
    expect(r.duplicates.map((s) => s.index)).toEqual([1, 2]);
    expect(r.duplicates[0].id).toBe(first.stored[0].id);
    expect(r.duplicates[1].id).toBe(r.stored[0].id);
    const rows = await listSignals(db.pool, 'kiln', {});
    expect(rows).toHaveLength(4);
    const telemetry = rows.find((s) => s.id === r.stored[0].id)!;
    expect(telemetry).toMatchObject({ kind: 'note', source: 'crm-notes', externalId: 'n-1', occurredAt: '2026-10-05T09:30:00.000Z', text: 'Asked for the kiln telemetry export.' });
  });

  it('writes nothing when the transaction around it fails', async () => {
    await expect(withTransaction(db.pool, async (tx) => {
      await insertSignals(tx, 'kiln', [note('n-9', 'Rolled back with its batch.')]);
      throw new Error('a later item of the batch failed');
    })).rejects.toThrow('a later item');
    expect((await listSignals(db.pool, 'kiln', {})).some((s) => s.externalId === 'n-9')).toBe(false);
  });

  it('an empty delivery is no statement and no row', async () => {
    expect(await insertSignals(db.pool, 'kiln', [])).toEqual({ stored: [], duplicates: [], completed: [] });
  });
});
