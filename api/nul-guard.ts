// Postgres text cannot hold U+0000: a NUL anywhere in a request's parameters or JSON body made the
// first statement that stored or even compared it fail, and the request answered 500 (found by
// test/fuzz/routes.test.ts: `GET /v1/briefs/%00`, a signal whose sender name held "\u0000").
// Checked once, before any handler runs, and refused as a 400 naming the field. The walk is
// iterative, so a body nested 100,000 levels deep is read without exhausting the stack.
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Issue { path: string; message: string }

const MESSAGE = 'contains a NUL character (\\u0000), which cannot be stored';

/** The path of the first string (or object key) holding a NUL, or null. */
export function findNul(root: unknown, where: string): string | null {
  const stack: Array<[unknown, string]> = [[root, where]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return `${path}.${k.replace(/\u0000/g, '\\u0000')}`;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

export async function rejectNul(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  for (const [where, v] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
    const path = findNul(v, where);
    if (path) {
      const issues: Issue[] = [{ path, message: MESSAGE }];
      await reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${path}: ${MESSAGE}`, issues });
      return;
    }
  }
}
