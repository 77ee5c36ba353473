// Every webhook (HubSpot v3, Segment, Slack Events v0, calendar, and /v1/webhooks/:source for Gong,
// Salesforce, HubSpot and signals JSON) and both import routes, fed the parsers' fixtures mutated
// one field or one line at a time, correctly signed (so the body reaches the parser and the store)
// or now and then signed wrongly. Each answer: no 5xx, a 4xx says what is wrong, and a refused
// request leaves every table's row count as it was. FUZZ_RUNS cases per target; short in CI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { ADMIN_TOKEN } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { hubspotSignatureV3 } from '../../agents/signals/hubspot-signature.js';
import { slackSignatureV0 } from '../../agents/signals/slack-signature.js';
import { type Json } from './arbitraries.js';
import { fixture, fixtures, json, jsonInput, textInput, textMutation } from './seeds.js';
import { SECRETS, Tally, changedTables, fuzzApp, fuzzRuns, fuzzSeed, reportTallies, rowCounter, unnamedRejection, watchCrashes, type FuzzApp } from './harness.js';

let f: FuzzApp;
let counts: () => Promise<Record<string, number>>;
const crashes = watchCrashes();
const tallies: Tally[] = [];
beforeAll(async () => { f = await fuzzApp(); counts = await rowCounter(f.db); }, 120_000);
afterAll(async () => {
  console.log(['webhooks and imports fuzz:', ...tallies.map((t) => `  ${t.line()}`), `  crashes=${crashes.crashes.length}`].join('\n'));
  await reportTallies('webhooks', tallies, crashes.crashes);
  crashes.stop();
  await f?.close();
});

interface Send { url: string; body?: string | Buffer; headers?: Record<string, string>; what: string; prepare?: () => Promise<{ body: Buffer; headers: Record<string, string> }> }

const hmac = (body: string) => createHmac('sha256', SECRETS.webhook).update(body, 'utf8').digest('hex');
const BAD_SIGNATURES = ['', 'sha256=', '00', 'zz'.repeat(32), 'v0=', '\u00e9'];

/** A JSON body: a fixture with a field mutated, random JSON, or the JSON text itself cut or spliced. */
const jsonBody = (seeds: Json[]) => fc.oneof(
  { weight: 5, arbitrary: jsonInput(seeds).map((v) => (v === undefined ? 'null' : JSON.stringify(v))) },
  { weight: 1, arbitrary: fc.constantFrom(...seeds).chain((s) => textMutation(Buffer.from(JSON.stringify(s)))).map((b) => b.toString('latin1')) },
);

/** Signed as the route expects, or (one time in seven) not. */
function signedBy(sign: (body: string) => Record<string, string>) {
  return (body: fc.Arbitrary<string>) => fc.tuple(body, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...BAD_SIGNATURES)).map(([b, n, bad]) => {
    const good = sign(b);
    return { body: b, headers: n === 0 ? Object.fromEntries(Object.keys(good).map((k) => [k, bad])) : good, signed: n !== 0 };
  });
}
const xSignature = signedBy((b) => ({ 'x-signature': hmac(b) }));

async function fuzzTarget(name: string, arb: fc.Arbitrary<Send>, short = 100) {
  const tally = new Tally(name);
  tallies.push(tally);
  const seed = fuzzSeed() ?? Math.floor(Math.random() * 2 ** 31);
  await fc.assert(fc.asyncProperty(arb, async (given) => {
    const s = given.prepare ? { ...given, ...(await given.prepare()) } : given;
    const before = await counts();
    const res = await f.app.inject({ method: 'POST', url: s.url, headers: s.headers, payload: s.body });
    tally.count(res.statusCode);
    const sample = `${name} (${s.what}) ${JSON.stringify(String(s.body).slice(0, 300))} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    if (res.statusCode >= 500) tally.serverErrors.push(sample);
    if (res.statusCode >= 400 && res.statusCode < 500 && unnamedRejection(res)) tally.unnamed.push(`${sample}: ${unnamedRejection(res)}`);
    if (res.statusCode >= 300) {
      const changed = changedTables(before, await counts());
      if (changed.length) tally.rowsLeft.push(`${sample}: ${changed.join(', ')}`);
    }
    return true;
  }), { numRuns: fuzzRuns(short), seed });
  // The seed is named so that a rare 500 can be replayed (FUZZ_SEED=<seed>), and the whole failing body kept.
  expect(tally.serverErrors.slice(0, 3), `${name}: FUZZ_SEED=${seed} replays this run`).toEqual([]);
  expect(tally.rowsLeft.slice(0, 3)).toEqual([]);
  expect(tally.unnamed.slice(0, 3)).toEqual([]);
  expect(tally.statuses.get(200) ?? 0).toBeGreaterThan(0); // the bodies did reach the parsers and the store
}

const gong = ['gong-call.json', 'gong-call-completed.json', 'gong-api-responses.json'].map(json);
const hubspot = ['hubspot-batch.json', 'hubspot-custom-pipeline.json', 'hubspot-mixed.json'].map(json);
const salesforce = ['salesforce-create.json', 'salesforce-opportunity.json'].map(json);
const segment = ['segment-batch.json', 'segment-http-batch.json', 'segment-http-page.json', 'segment-http-track.json'].map(json);
const signalsJson: Json[] = [{ signals: [{ kind: 'note', occurredAt: '2026-11-20T10:00:00Z', externalId: 'n-1', text: 'Renewal call went fine.', source: 'crm' }, { kind: 'email', occurredAt: '2026-11-20T11:00:00Z', from: { email: 'dana@acme.com' }, to: [{ email: 'rita@ourco.com' }], subject: 'Renewal', text: 'Can we talk pricing?' }] }];

describe('webhooks under hostile, correctly signed bodies', () => {
  it('HubSpot (signature v3)', () => fuzzTarget('POST /v1/webhooks/hubspot', signedBy((b) => {
    const ts = String(Date.now());
    return { 'x-hubspot-request-timestamp': ts, 'x-hubspot-signature-v3': hubspotSignatureV3(SECRETS.hubspot, 'POST', 'http://fuzz.test/v1/webhooks/hubspot', b, ts) };
  })(jsonBody(hubspot)).map((s) => ({ url: '/v1/webhooks/hubspot', body: s.body, headers: { ...s.headers, 'content-type': 'application/json' }, what: s.signed ? 'signed' : 'bad signature' }))), 600_000);

  it('Segment (X-Signature)', () => fuzzTarget('POST /v1/webhooks/segment', xSignature(jsonBody(segment))
    .map((s) => ({ url: '/v1/webhooks/segment', body: s.body, headers: { ...s.headers, 'content-type': 'application/json' }, what: s.signed ? 'signed' : 'bad signature' }))), 600_000);

  it('Slack Events API (v0)', () => {
    const message = { token: 'x', team_id: 'T1', type: 'event_callback', event_id: 'Ev1', event_time: 1772442900, event: { type: 'message', channel: 'C0ACME', user: 'U1', text: 'Can we move <@U1> Thursday to 3pm?', ts: '1772442900.000200', user_profile: { real_name: 'Dana Ruiz' } } };
    return fuzzTarget('POST /v1/webhooks/slack', signedBy((b) => {
      const ts = String(Math.floor(Date.now() / 1000));
      return { 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignatureV0(SECRETS.slack, ts, b) };
    })(jsonBody([message, { type: 'url_verification', token: 'x', challenge: 'abc' }]))
      .map((s) => ({ url: '/v1/webhooks/slack', body: s.body, headers: { ...s.headers, 'content-type': 'application/json' }, what: s.signed ? 'signed' : 'bad signature' })));
  }, 600_000);

  it('calendar (text/calendar, X-Signature)', () => fuzzTarget('POST /v1/webhooks/calendar',
    xSignature(textInput(['kickoff-cancel.ics', 'rollout.ics'].map((n) => fixture(`ics/${n}`))).map((b) => b.toString('utf8')))
      .map((s) => ({ url: '/v1/webhooks/calendar', body: s.body, headers: { ...s.headers, 'content-type': 'text/calendar' }, what: s.signed ? 'signed' : 'bad signature' }))), 600_000);

  it('/v1/webhooks/:source (Gong, Salesforce, HubSpot, signals JSON)', () => fuzzTarget('POST /v1/webhooks/{source}',
    fc.tuple(fc.constantFrom('gong', 'salesforce', 'crm', 'signals'), xSignature(jsonBody([...gong, ...salesforce, ...hubspot, ...signalsJson])))
      .map(([source, s]) => ({ url: `/v1/webhooks/${source}`, body: s.body, headers: { ...s.headers, 'content-type': 'application/json' }, what: s.signed ? 'signed' : 'bad signature' }))), 600_000);
});

describe('imports under hostile files', () => {
  const texts = [...['.eml', '.mbox', '.vtt', '.srt', '.csv'].flatMap(fixtures), ...['kickoff-cancel.ics', 'rollout.ics'].map((n) => fixture(`ics/${n}`))];
  const file = fc.oneof(
    { weight: 3, arbitrary: textInput(texts) },
    { weight: 2, arbitrary: jsonBody([...gong, ...salesforce, ...hubspot, ...segment, ...signalsJson]).map((s) => Buffer.from(s)) },
  ).chain((content) => fc.constantFrom('upload', 'a.eml', 'b.mbox', 'c.vtt', 'd.srt', 'e.csv', 'f.json', 'g.ics', '').map((name) => ({ name, content })));
  const upload = fc.tuple(fc.array(file, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom('2026-11-20T10:00:00Z', 'not a date', ''), { nil: undefined }), fc.constantFrom('/v1/accounts/acme/signals/import', '/v1/signals/import'));

  it('both import routes', () => fuzzTarget('POST (import)', upload.map(([files, occurredAt, url]) => ({
    url, what: `${files.length} file(s): ${files.map((x) => x.name || '(no name)').join(', ')}`,
    prepare: () => multipart(files, occurredAt === undefined ? {} : { occurredAt }).then((m) => ({ body: m.payload, headers: { ...m.headers, authorization: `Bearer ${ADMIN_TOKEN}` } })),
  })), 60), 600_000);
});
