// Every route of the API, as its own OpenAPI document lists it (a new route is fuzzed without
// touching this file), gets random and structure-aware requests: path and query parameters from
// their schemas or hostile, bodies generated from the route's schema, valid bodies with one field
// mutated, whole-body garbage, wrong content types, and admin, rep, missing and bad tokens.
// Each answer: never a 5xx (a 503 is allowed only where Temporal is needed, as it is down here,
// and must carry Retry-After), a 4xx says what is wrong, and a refused request leaves every table's
// row count as it was. Short in CI; FUZZ_RUNS=10000 for the full run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADMIN_TOKEN } from '../helpers/stack.js';
import { fromSchema, hostileString, hostileValue, mutationOf, type Json, type JsonSchema } from './arbitraries.js';
import { Tally, changedTables, fuzzApp, fuzzRuns, fuzzSeed, reportTallies, rowCounter, unnamedRejection, watchCrashes, type FuzzApp } from './harness.js';

interface Param { name: string; in: 'path' | 'query'; schema: JsonSchema; required?: boolean }
interface Op { method: string; path: string; params: Param[]; body?: { type: string; schema: JsonSchema }; multipart: boolean }

let f: FuzzApp;
let ops: Op[];
let counts: () => Promise<Record<string, number>>;
const crashes = watchCrashes();
afterAll(async () => { crashes.stop(); await f?.close(); });

beforeAll(async () => {
  f = await fuzzApp();
  counts = await rowCounter(f.db);
  const doc = (await f.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, o]) => {
    const content = Object.entries(o.requestBody?.content ?? {});
    return {
      method: method.toUpperCase(), path, params: o.parameters ?? [],
      body: content[0] ? { type: content[0][0], schema: content[0][1].schema } : undefined,
      multipart: content.some(([t]) => t.startsWith('multipart/')),
    };
  }));
}, 120_000);

/** Percent-encoding of a string's UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const now = () => new Date().toISOString();

/** Valid bodies to mutate, by route; a route without one mutates what its schema generates. */
function seeds(): Record<string, Json[]> {
  const email = { kind: 'email', occurredAt: now(), externalId: 'e-1', source: 'gmail', from: { email: 'dana@acme.com', name: 'Dana' }, to: [{ email: 'rita@ourco.com' }], subject: 'Pricing', text: 'Can you send the pricing by Friday?' };
  return {
    'POST /v1/users': [{ id: 'fuzz-user', name: 'Fuzz User', email: 'fuzz@ourco.com', role: 'rep' }, { id: 'fuzz-csm', name: 'Fuzz Csm', role: 'csm', managerId: 'rep-1' }],
    'POST /v1/accounts': [{ name: 'Initech', domains: ['initech.com'], stage: 'discovery', arr: 12000, renewalDate: now(), ownerId: 'rep-1', csmId: 'csm-1', contacts: [{ email: 'bill@initech.com', name: 'Bill', role: 'champion' }], settings: { competitors: ['Quillstone'], thresholds: { silenceDays: { proposal: 5 } }, externalIds: ['hubspot:deal:9'], slackChannels: ['#initech'], timezone: 'Europe/Berlin' } }],
    'PATCH /v1/accounts/{id}/settings': [{ competitors: ['Quillstone'], thresholds: { silenceDays: { proposal: 7 } }, timezone: 'America/New_York', externalIds: ['salesforce:0065e00000AbCdE'], slackChannels: ['C0ACME'] }],
    'POST /v1/accounts/{id}/signals': [
      email,
      [email, { kind: 'meeting', occurredAt: now(), title: 'QBR', attendees: [{ email: 'dana@acme.com', name: 'Dana' }], transcript: [{ speaker: 'Dana', text: 'We will sign by the 15th.' }] }],
      { signals: [{ kind: 'usage', occurredAt: now(), metric: 'active_users', value: 42 }, { kind: 'crm', occurredAt: now(), change: 'stage', from: 'proposal', to: 'negotiation' }, { kind: 'ticket', occurredAt: now(), externalId: 't-1', subject: 'Login broken', text: 'Cannot sign in', severity: 'high', status: 'open' }, { kind: 'note', occurredAt: now(), text: 'Champion is leaving.' }, { kind: 'chat', occurredAt: now(), channel: '#acme-shared', from: { email: 'dana@acme.com' }, text: 'ping' }] },
    ],
    'POST /v1/recommendations/{id}/decision': [{ decision: 'approve' }, { decision: 'edit', edit: { title: 'Reply today', draft: { subject: 'Pricing', body: 'Hi Dana', to: ['dana@acme.com'] }, dueAt: now() } }, { decision: 'reject', reason: 'Not now' }, { decision: 'snooze', until: now() }],
    'POST /v1/accounts/{id}/ask': [{ question: 'Why is Acme at risk?' }],
    'POST /v1/briefs': [{ csmId: 'csm-1' }, {}],
    'PUT /v1/briefs/settings': [{ csmId: 'csm-1', localTime: '08:30', timezone: 'Europe/Berlin', windowDays: 14, enabled: true }],
  };
}

/** A path parameter: most often one that exists (so the handler runs), else from the schema or hostile. */
function paramArb(op: Op, p: Param): fc.Arbitrary<string> {
  const real = p.name === 'id'
    ? (op.path.startsWith('/v1/recommendations') ? [f.ids.recommendation] : op.path.startsWith('/v1/users') ? [f.ids.rep, f.ids.csm] : op.path.startsWith('/v1/briefs') ? ['00000000-0000-0000-0000-000000000000'] : [f.ids.account, f.ids.account2])
    : p.name === 'source' ? ['gong', 'salesforce', 'segment'] : ['x'];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...real).map(pct) },
    { weight: 2, arbitrary: hostileString.map(pct) },
    { weight: 1, arbitrary: fromSchema(p.schema).map((v) => pct(String(v))) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2F..%2F', 'a%2Fb') },
  );
}

const queryValue = (p: Param) => fc.oneof(
  { weight: 3, arbitrary: fromSchema(p.schema).map((v) => String(v)) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1e9', '1.5', '', 'NaN', '99999999999999999999') },
);

interface Req { url: string; body?: string | Buffer; contentType?: string; auth: string; remote: string; what: string }

function requestArb(op: Op, seedsByRoute: Record<string, Json[]>): fc.Arbitrary<Req> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const url = fc.tuple(
    fc.tuple(...pathParams.map((p) => paramArb(op, p))),
    fc.tuple(...queryParams.map((p) => fc.option(queryValue(p), { nil: undefined, freq: 2 }))),
    fc.option(fc.tuple(fc.constantFrom('unknown', 'limit', '__proto__', 'a[b]'), hostileString), { nil: undefined, freq: 4 }),
  ).map(([pv, qv, extra]) => {
    let path = op.path;
    pathParams.forEach((p, i) => { path = path.replace(`{${p.name}}`, pv[i]); });
    const q = queryParams.flatMap((p, i) => (qv[i] === undefined ? [] : [`${pct(p.name)}=${pct(qv[i]!)}`]));
    if (extra) q.push(`${pct(extra[0])}=${pct(extra[1])}`);
    return q.length ? `${path}?${q.join('&')}` : path;
  });
  const key = `${op.method} ${op.path}`;
  const schema = op.body?.schema;
  const docs = seedsByRoute[key] ?? [];
  const json = (v: Json | undefined, what: string) => ({ body: v === undefined ? undefined : JSON.stringify(v), contentType: 'application/json', what });
  const bodies: Array<{ weight: number; arbitrary: fc.Arbitrary<{ body?: string | Buffer; contentType?: string; what: string }> }> = [
    { weight: 1, arbitrary: hostileValue.map((v) => json(v, 'whole body hostile')) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'nul', '\u0000', '{"a":1}{"b":2}', '{"__proto__":{"x":1}}', '\uFEFF{}', '['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)).map((s) => ({ body: s, contentType: 'application/json', what: 'raw JSON text' })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/calendar', 'application/json; charset=utf-16'), fc.string({ maxLength: 50 }))
      .map(([contentType, s]) => ({ body: s, contentType, what: `content-type ${contentType}` })) },
  ];
  if (op.body || docs.length) {
    bodies.push({ weight: 3, arbitrary: fromSchema(schema).map((v) => json(v, 'from schema')) });
    const mutable = docs.length ? fc.constantFrom(...docs) : fromSchema(schema);
    bodies.push({ weight: 6, arbitrary: mutable.chain((d) => mutationOf(d)).map((m) => json(m.value, `${m.op} at ${m.path}`)) });
    if (docs.length) bodies.push({ weight: 2, arbitrary: fc.constantFrom(...docs).map((d) => json(d, 'valid seed')) });
  } else {
    bodies.push({ weight: 6, arbitrary: fc.constant({ what: 'no body' }) });
  }
  const auth = fc.oneof(
    { weight: 7, arbitrary: fc.constant(`Bearer ${ADMIN_TOKEN}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${f.ids.repToken}`) },
    { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Basic YTpi', `Bearer ${ADMIN_TOKEN}x`, 'Bearer \u0000', `bearer ${'t'.repeat(5000)}`) },
  );
  return fc.record({ url, b: fc.oneof(...bodies), auth, ip: fc.integer({ min: 1, max: 250 }) })
    .map(({ url: u, b, auth: a, ip }) => ({ url: u, body: b.body, contentType: b.contentType, auth: a, remote: `127.0.${ip}.${ip}`, what: b.what }));
}

/** Routes whose answer needs Temporal (down here): a 503 with Retry-After is the right answer there. */
const NEEDS_TEMPORAL = [/\/ask$/, /\/decision$/, /^POST \/v1\/briefs$/, /^POST \/v1\/accounts\/\{id\}\/briefs$/, /^PUT \/v1\/briefs\/settings$/];

describe('every route under hostile requests', () => {
  it(`answers without a 5xx, names what is wrong, and leaves no row behind (${fuzzRuns(300)} cases)`, async () => {
    const tallies = new Map<string, Tally>();
    const seedsByRoute = seeds();
    const arbs = ops.map((op) => requestArb(op, seedsByRoute).map((r) => ({ op, r })));
    await fc.assert(fc.asyncProperty(fc.oneof(...arbs), async ({ op, r }) => {
      const key = `${op.method} ${op.path}`;
      const tally = tallies.get(key) ?? new Tally(key);
      tallies.set(key, tally);
      const before = await counts();
      const headers: Record<string, string> = {};
      if (r.auth) headers.authorization = r.auth;
      if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
      const res = await f.app.inject({ method: op.method as 'GET', url: r.url, headers, payload: r.body, remoteAddress: r.remote });
      tally.count(res.statusCode);
      const sent = typeof r.body === 'string' ? ` ${r.body.slice(0, 300)}` : '';
      const sample = `${op.method} ${r.url.slice(0, 160)} (${r.what})${sent} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (res.statusCode >= 500) {
        // /health says what is down with a 503 (that is its job); a route that needs Temporal says when to retry.
        const allowed = res.statusCode === 503 && (key === 'GET /health'
          ? (res.json() as { temporal?: string }).temporal === 'down'
          : NEEDS_TEMPORAL.some((re) => re.test(key)) && res.headers['retry-after'] !== undefined);
        if (!allowed) tally.serverErrors.push(sample);
      }
      if (res.statusCode >= 400 && res.statusCode < 500 && unnamedRejection(res)) tally.unnamed.push(`${sample}: ${unnamedRejection(res)}`);
      if (res.statusCode >= 300) {
        const changed = changedTables(before, await counts());
        if (changed.length) tally.rowsLeft.push(`${sample}: ${changed.join(', ')}`);
      }
      return true;
    }), { numRuns: fuzzRuns(300), seed: fuzzSeed(), endOnFailure: true });

    const all = [...tallies.values()].sort((a, b) => a.name.localeCompare(b.name));
    console.log(['routes fuzz:', ...all.map((t) => `  ${t.line()}`), `  crashes=${crashes.crashes.length}`].join('\n'));
    await reportTallies('routes', all, crashes.crashes);
    // Every route in the OpenAPI document was tried.
    expect(ops.map((o) => `${o.method} ${o.path}`).filter((k) => !tallies.has(k))).toEqual([]);
    expect(all.flatMap((t) => t.serverErrors).slice(0, 5)).toEqual([]);
    expect(all.flatMap((t) => t.rowsLeft).slice(0, 5)).toEqual([]);
    expect(all.flatMap((t) => t.unnamed).slice(0, 5)).toEqual([]);
    expect(crashes.crashes).toEqual([]);
  }, 3_600_000);
});
