// A fresh in-memory PGlite with pgvector and the real migrations, per test file.
import { openDatabase, type Database } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';

export async function freshDatabase(): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db.pool);
  return db;
}
