// PGlite with pgvector served over the Postgres wire protocol in its own process, so a benchmark
// can measure the product's worker and API without the database's memory in the same process.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number(process.argv[2] ?? 5499);
const db = await PGlite.create('memory://', { extensions: { vector } });
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
await server.start();
process.stdout.write(`ready ${port}\n`);
process.on('SIGTERM', () => { void server.stop().then(() => db.close()).then(() => process.exit(0)); });
