import fp from 'fastify-plugin';
import type { Db } from '../../db/connection.js';

declare module 'fastify' {
  interface FastifyInstance { db: Db }
}

/** Decorates the app with the pool it is given; whoever opened the database closes it. */
export default fp<{ db: Db }>(async (app, opts) => {
  app.decorate('db', opts.db);
}, { name: 'db' });
