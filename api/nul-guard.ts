// Postgres text cannot hold U+0000, and jsonb refuses an unpaired UTF-16 surrogate: a NUL anywhere
// in a request's parameters or JSON body made the first statement that stored or even compared it
// fail, and the request answered 500 (found by test/fuzz/routes.test.ts: `GET /v1/briefs/%00`, a
// signal whose sender name held "\u0000"; a webhook field holding "\ud800"). Checked once, before
// any handler runs, and refused as a 400 naming the field. The walk is iterative, so a body nested
// 100,000 levels deep is read without exhausting the stack.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LONE_SURROGATE } from '../agents/signals/parsers/result.js';

interface Issue { path: string; message: string }

const LONE = new RegExp(LONE_SURROGATE.source);
const bad = (s: string) => s.includes('\u0000') || LONE.test(s);

/** What is wrong with a string that cannot be stored, or null. */
export function unstorable(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE.test(s)) return 'contains an unpaired UTF-16 surrogate (half of a character), which cannot be stored';
  return null;
}

/** The path of the first string (or object key) holding a NUL or an unpaired surrogate, or null. */
export function findNul(root: unknown, where: string): string | null {
  const stack: Array<[unknown, string]> = [[root, where]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (bad(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (bad(k)) return `${path}.${JSON.stringify(k).slice(1, -1)}`;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/**
 * The preHandler hook. A webhook's body (the public, signature-checked routes) is not refused: the
 * parsers make every value storable (agents/signals/parsers/result.ts#storable), so a sender's stray
 * character costs one character, not the delivery.
 */
export async function rejectNul(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const checked: Array<[string, unknown]> = [['params', req.params], ['querystring', req.query]];
  if (req.routeOptions.config?.public !== true) checked.push(['body', req.body]);
  for (const [where, v] of checked) {
    const path = findNul(v, where);
    if (path) {
      const at = path.split('.').slice(1).reduce<unknown>((cur, k) => (cur as Record<string, unknown>)?.[k], v);
      const message = (typeof at === 'string' && unstorable(at)) || 'holds a key with a NUL or an unpaired surrogate, which cannot be stored';
      const issues: Issue[] = [{ path, message }];
      await reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${path}: ${message}`, issues });
      return;
    }
  }
}
