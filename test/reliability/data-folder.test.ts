// Starting on a data folder that must not be used as it is: a clear message and a non-zero exit,
// and the folder left exactly as it was (never a new empty database initialised over it). Real
// processes: start.ts as `npm start` runs it.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { exitWithin, freePorts, startProduct } from './product.js';

const made: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'aa-data-')); made.push(d); return d; };
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** A real data folder: migrated, with one account in it. */
async function seededFolder(): Promise<string> {
  const dir = tempDir();
  const db = await openDatabase({ dataDir: dir });
  await migrate(db.pool);
  await db.pool.query(`insert into accounts (id, name, stage) values ('keep-me', 'Keep Me GmbH', 'discovery')`);
  await db.close();
  return dir;
}

async function accountsIn(dir: string): Promise<string[]> {
  const db = await openDatabase({ dataDir: dir });
  try {
    return (await db.pool.query('select id from accounts order by id')).rows.map((r) => r.id);
  } finally {
    await db.close();
  }
}

async function refused(dir: string, spawnOpts = {}): Promise<{ code: number | string; output: string }> {
  const p = await startProduct(dir, await freePorts(), { spawn: spawnOpts });
  const code = await exitWithin(p, 90_000);
  if (code === 'running') p.child.kill('SIGKILL');
  return { code, output: p.output() };
}

describe('a data folder that must not be used', () => {
  it('a newer schema version: refused by name, the data kept', async () => {
    const dir = await seededFolder();
    const db = await openDatabase({ dataDir: dir });
    await db.pool.query(`insert into schema_migrations (version, name) values (9001, '9001_from_the_future')`);
    await db.close();
    const { code, output } = await refused(dir);
    expect(code).toBe(3);
    expect(output).toContain('9001 (9001_from_the_future)');
    expect(output).toMatch(/newer version/);
    expect(await accountsIn(dir)).toEqual(['keep-me']);
    expect(existsSync(join(dir, 'temporal.sqlite'))).toBe(false); // refused before anything else started
  }, 120_000);

  it('damaged database files (pg_control overwritten): refused, the files untouched', async () => {
    const dir = await seededFolder();
    const control = join(dir, 'pglite', 'global', 'pg_control');
    writeFileSync(control, Buffer.alloc(512, 0x5a));
    const before = readdirSync(join(dir, 'pglite')).sort();
    const { code, output } = await refused(dir);
    expect(code).toBe(3);
    expect(output).toMatch(/could not be opened .*damaged/);
    expect(readdirSync(join(dir, 'pglite')).sort()).toEqual(before);
    expect(statSync(control).size).toBe(512);
  }, 120_000);

  it('a database folder without PG_VERSION: refused instead of initialising an empty database over it', async () => {
    const dir = await seededFolder();
    const marker = readFileSync(join(dir, 'pglite', 'PG_VERSION'));
    rmSync(join(dir, 'pglite', 'PG_VERSION'));
    const { code, output } = await refused(dir);
    expect(code).toBe(3);
    expect(output).toMatch(/no PG_VERSION/);
    expect(existsSync(join(dir, 'pglite', 'PG_VERSION'))).toBe(false);
    // Put the marker back: the account is still there, so nothing was written over it.
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), marker);
    expect(await accountsIn(dir)).toEqual(['keep-me']);
  }, 120_000);

  it('an unwritable data folder: refused by name', async () => {
    const dir = await seededFolder();
    if (process.getuid?.() === 0) {
      // root writes anywhere: run the product as nobody, against a folder only root may write.
      const copy = join(tempDir(), 'data');
      cpSync(dir, copy, { recursive: true });
      chmodSync(join(copy, '..'), 0o755);
      const { code, output } = await refused(copy, { uid: 65534, gid: 65534 });
      expect(code).toBe(3);
      expect(output).toContain(`${copy} is not writable`);
    }
    // Any user: DATA_DIR under a regular file cannot be created.
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const { code, output } = await refused(join(file, 'data'));
    expect(code).toBe(3);
    expect(output).toMatch(/is not writable by this process \(ENOTDIR\)/);
  }, 180_000);
});
