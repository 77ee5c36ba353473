// PGlite with pgvector over the Postgres wire protocol (pglite-socket), safe for several client
// connections at once. `node --import tsx test/helpers/pg-wire-server.ts <port>` prints "ready <port>".
//
// Why not pglite-socket as it comes (0.2.17): PGlite is one session, and the socket server queues
// each protocol message separately, keeping one client's messages together only inside an explicit
// transaction. A client's extended-protocol query (Parse, Bind, Execute, Sync, all on the unnamed
// statement) that reaches the server in more than one TCP chunk (a large parameter) can then have
// another client's Parse run between its own Parse and Bind: measured with `pg`, 2 of 600 queries
// failed with 'bind message supplies 2 parameters, but prepared statement "" requires 1', and a
// quietly wrong answer is possible (a Bind can just as well fit the other client's statement).
// Here a client that has started an extended-protocol sequence keeps the session until its Sync.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface Queued { handlerId: number; message: Uint8Array; onData: (d: Uint8Array) => void; resolve: (n: number) => void; reject: (e: unknown) => void }
interface QueueInternals {
  queue: Queued[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
}

/** Extended-protocol messages (Parse, Bind, Describe, Execute, Close, Flush): the session is theirs until Sync. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = 0x53;
const QUERY = 0x51;

/** Replaces the server's queue processing with one that keeps an extended-protocol sequence together. */
export function keepSequencesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  let owner: number | null = null;
  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const lockedTo = owner ?? (this.db.isInTransaction() && this.lastHandlerId !== null ? this.lastHandlerId : null);
        const at = lockedTo === null ? 0 : this.queue.findIndex((x) => x.handlerId === lockedTo);
        if (at === -1) break; // the owner's next message has not arrived yet
        const item = this.queue.splice(at, 1)[0];
        const type = item.message[0];
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (d: Uint8Array) => { bytes += d.length; item.onData(d); } }));
        } catch (err) {
          owner = null;
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        if (type === SYNC || type === QUERY) owner = null;
        else if (EXTENDED.has(type)) owner = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    clear(id);
    if (owner === id) { owner = null; setImmediate(() => void q.processQueue()); }
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 5499);
  const db = await PGlite.create('memory://', { extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 64 });
  keepSequencesTogether(server);
  await server.start();
  process.stdout.write(`ready ${port}\n`);
  // The most client connections open at once, for tests that want to know the server had several.
  let most = 0;
  setInterval(() => {
    const open = server.getStats().activeConnections;
    if (open > most) { most = open; process.stdout.write(`connections ${most}\n`); }
  }, 100).unref();
  process.on('SIGTERM', () => { void server.stop().then(() => db.close()).then(() => process.exit(0)); });
}
