// The real app over a fresh PGlite with Temporal unreachable (its client points at a closed port):
// for tests of the API's own behaviour that never need a workflow. One database per file; any number
// of apps on it, each built with its own deps and closed with the rest.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from './db.js';
import { ADMIN_TOKEN } from './stack.js';
import type { Database } from '../../db/connection.js';
import { buildApp, type AppDeps } from '../../api/app.js';
import { notifierOf, type AccountsClient } from '../../workflows/client.js';
import { freePort } from '../../workflows/dev-server.js';

export interface OfflineApps {
  db: Database;
  app(extra?: Partial<AppDeps>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export async function offlineApps(defaults: Partial<AppDeps> = {}): Promise<OfflineApps> {
  const db = await freshDatabase();
  const address = `127.0.0.1:${await freePort()}`;
  const connection = Connection.lazy({ address, connectTimeout: 1000 });
  const temporal: AccountsClient = { client: new Client({ connection, namespace: 'default' }), settings: { address, namespace: 'default', taskQueue: 'offline-app', debounceMs: 100 }, close: () => connection.close() };
  const apps: FastifyInstance[] = [];
  return {
    db,
    async app(extra = {}) {
      const a = await buildApp({ db: db.pool, temporal, adminToken: ADMIN_TOKEN, ourDomains: ['ourco.com'], logLevel: 'silent', ...defaults, ...extra });
      await a.ready();
      apps.push(a);
      return a;
    },
    async close() {
      for (const a of apps) await a.close();
      // Notifications still in flight fail on the closed port; let them settle before the connection goes.
      await notifierOf(temporal).drain(10_000);
      await temporal.close().catch(() => {});
      await db.close();
    },
  };
}
