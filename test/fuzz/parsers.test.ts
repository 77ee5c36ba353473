// Every parser of agents/signals/ (eml, mbox, WebVTT, SRT, Gong JSON, usage CSV, iCalendar, Slack
// export and Events API, Segment, HubSpot, Salesforce, signals JSON, and format detection) fed
// random bytes and structure-aware mutations of the project's own fixtures: lines removed, repeated,
// replaced or cut, charsets declared wrongly, a NUL or a bare CR spliced in, JSON fields given the
// wrong type. Each case: the parser returns (never throws), every item it keeps is a valid signal
// that Postgres can store (no NUL anywhere), every rejection says where and why, and no case takes
// longer than a few seconds (no runaway regex). FUZZ_RUNS cases per parser; short in CI.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { SignalInput } from '../../agents/signals/schema.js';
import { detectFormat, parseAny, type Format } from '../../agents/signals/detect.js';
import { parseEmail } from '../../agents/signals/parsers/email.js';
import { parseMbox } from '../../agents/signals/parsers/mbox.js';
import { parseGong, parseSrt, parseVtt } from '../../agents/signals/parsers/transcripts.js';
import { parseUsageCsv } from '../../agents/signals/parsers/usage-csv.js';
import { parseIcs } from '../../agents/signals/parsers/ics.js';
import { parseSlackZip } from '../../agents/signals/parsers/slack-export.js';
import { parseSlackEvent } from '../../agents/signals/parsers/slack-events.js';
import { parseSegment } from '../../agents/signals/parsers/segment.js';
import { parseHubspot, parseSalesforce } from '../../agents/signals/parsers/crm.js';
import type { ParseResult } from '../../agents/signals/parsers/types.js';
import { findNul } from '../../api/nul-guard.js';
import { mutationOf, type Json } from './arbitraries.js';
import { FIXTURES, fixture, fixtures, json, jsonInput, textInput } from './seeds.js';
import { fuzzRuns, fuzzSeed, reportTallies, Tally } from './harness.js';

const SLOW_MS = 5_000;
const opts = { accountDomains: ['acme.com'], ourDomains: ['ourco.com'], now: () => new Date('2026-12-01T00:00:00Z') };

const tallies: Tally[] = [];
afterAll(async () => {
  console.log(['parsers fuzz:', ...tallies.map((t) => `  ${t.line()}`)].join('\n'));
  await reportTallies('parsers', tallies, []);
});

/** What is wrong with one parse result (empty when nothing is). */
function problems(r: ParseResult): string[] {
  const out: string[] = [];
  if (!Array.isArray(r.items) || !Array.isArray(r.rejected)) return ['not a parse result'];
  r.items.forEach((item, i) => {
    const ok = SignalInput.safeParse(item.signal);
    if (!ok.success) out.push(`item ${i} is not a valid signal: ${ok.error.issues[0]?.message}`);
    const nul = findNul(item.signal, 'signal');
    if (nul) out.push(`item ${i} holds a NUL at ${nul}, which Postgres text cannot store`);
  });
  for (const rej of [...r.rejected, ...(r.warnings ?? [])]) {
    if (!rej.position?.trim() || !rej.reason?.trim()) out.push(`a rejection without position or reason: ${JSON.stringify(rej)}`);
  }
  for (const c of r.contacts ?? []) if (findNul(c, 'contact')) out.push(`a contact holds a NUL at ${findNul(c, 'contact')}`);
  return out;
}

async function check(name: string, input: fc.Arbitrary<unknown>, parse: (x: never) => Promise<ParseResult | ParseResult[]> | ParseResult | ParseResult[], short = 200) {
  const tally = new Tally(name);
  tallies.push(tally);
  let slowest = 0;
  await fc.assert(fc.asyncProperty(input, async (x) => {
    const t0 = performance.now();
    let out: ParseResult | ParseResult[];
    try {
      out = await parse(x as never);
    } catch (err) {
      tally.count(500);
      tally.serverErrors.push(`${name} threw ${String((err as Error)?.stack ?? err).slice(0, 300)} on ${describeInput(x)}`);
      return true;
    }
    const ms = performance.now() - t0;
    slowest = Math.max(slowest, ms);
    tally.count(200);
    const found = (Array.isArray(out) ? out : [out]).flatMap(problems);
    if (ms > SLOW_MS) found.push(`took ${Math.round(ms)} ms`);
    if (found.length) tally.unnamed.push(`${name}: ${found.slice(0, 3).join('; ')} on ${describeInput(x)}`);
    return true;
  }), { numRuns: fuzzRuns(short), seed: fuzzSeed() });
  console.log(`${name}: slowest case ${Math.round(slowest)} ms`);
  expect(tally.serverErrors.slice(0, 3)).toEqual([]);
  expect(tally.unnamed.slice(0, 3)).toEqual([]);
}

function describeInput(x: unknown): string {
  const s = Buffer.isBuffer(x) ? JSON.stringify(x.subarray(0, 300).toString('latin1')) : JSON.stringify(x)?.slice(0, 300);
  return `${s}${Buffer.isBuffer(x) ? ` (${x.length} bytes)` : ''}`;
}

const collect = async (g: AsyncIterable<ParseResult>) => { const out: ParseResult[] = []; for await (const r of g) out.push(r); return out; };

describe('parsers under hostile input never throw and keep only storable signals', () => {
  it('eml', () => check('eml', textInput(fixtures('.eml')), (b: Buffer) => parseEmail(b, opts)), 600_000);
  it('mbox (streamed in small chunks)', () => check('mbox', textInput(fixtures('.mbox')).chain((b) => fc.integer({ min: 1, max: 512 }).map((size) => ({ b, size }))),
    ({ b, size }: { b: Buffer; size: number }) => collect(parseMbox((async function* () { for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size); })(), opts))), 600_000);
  it('WebVTT', () => check('vtt', textInput(fixtures('.vtt')), (b: Buffer) => parseVtt(b, opts)), 600_000);
  it('SRT', () => check('srt', textInput(fixtures('.srt')), (b: Buffer) => parseSrt(b, opts)), 600_000);
  it('usage CSV', () => check('usage_csv', textInput(fixtures('.csv')), (b: Buffer) => parseUsageCsv(b, opts)), 600_000);
  it('iCalendar', () => check('ics', textInput(['kickoff-cancel.ics', 'rollout.ics'].map((f) => fixture(`ics/${f}`))), (b: Buffer) => parseIcs(b, opts)), 600_000);
  it('Gong JSON', () => check('gong', jsonInput(['gong-call.json', 'gong-call-completed.json', 'gong-api-responses.json'].map(json)), (v: unknown) => parseGong(v, opts)), 600_000);
  it('Segment', () => check('segment', jsonInput(['segment-batch.json', 'segment-http-batch.json', 'segment-http-page.json', 'segment-http-track.json'].map(json)), (v: unknown) => parseSegment(v, opts)), 600_000);
  it('HubSpot', () => check('hubspot', jsonInput(['hubspot-batch.json', 'hubspot-custom-pipeline.json', 'hubspot-mixed.json'].map(json)), (v: unknown) => parseHubspot(v, opts)), 600_000);
  it('Salesforce', () => check('salesforce', jsonInput(['salesforce-create.json', 'salesforce-opportunity.json'].map(json)), (v: unknown) => parseSalesforce(v, opts)), 600_000);

  it('Slack Events API', () => {
    const message = { token: 'x', team_id: 'T1', type: 'event_callback', event_id: 'Ev1', event_time: 1772442900, event: { type: 'message', channel: 'C100SHARED', user: 'U02PRIYA', text: 'Can we move <@U02PRIYA> Thursday to 3pm? <https://acme.com|link>', ts: '1772442900.000200', thread_ts: '1772442800.000100', user_profile: { real_name: 'Priya Natarajan', display_name: 'Priya' } } };
    const challenge = { type: 'url_verification', token: 'x', challenge: 'abc' };
    return check('slack_event', jsonInput([message, challenge]), (v: unknown) => {
      const d = parseSlackEvent(v);
      return d.kind === 'event' ? d.result : { items: [], rejected: [] };
    });
  }, 600_000);

  it('Slack export (zip)', () => {
    const root = join(FIXTURES, 'slack/export');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = Object.fromEntries(walk(root).map((p) => [relative(root, p), JSON.parse(readFileSync(p, 'utf8')) as Json]));
    const names = Object.keys(files);
    const zipped = fc.constantFrom(...names).chain((name) => mutationOf(files[name]).map((m) => {
      const out: Record<string, Uint8Array> = {};
      for (const n of names) out[n] = Buffer.from(n === name ? (m.value === undefined ? '' : JSON.stringify(m.value)) : JSON.stringify(files[n]));
      return Buffer.from(zipSync(out));
    }));
    const input = fc.oneof(
      { weight: 6, arbitrary: zipped },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)])) },
      { weight: 1, arbitrary: zipped.chain((z) => fc.integer({ min: 0, max: z.length }).map((n) => z.subarray(0, n))) },
    );
    return check('slack_export', input, (b: Buffer) => parseSlackZip(b));
  }, 600_000);

  it('format detection and parseAny over every fixture mutated', () => {
    const all = [...readdirSync(FIXTURES).filter((f) => /\.(eml|mbox|vtt|srt|csv|json)$/.test(f)).map(fixture), ...['kickoff-cancel.ics', 'rollout.ics'].map((f) => fixture(`ics/${f}`))];
    return check('detect+parseAny', textInput(all).chain((b) => fc.constantFrom('', 'upload.eml', 'x.mbox', 'a.vtt', 'b.srt', 'c.csv', 'd.json', 'e.bin').map((filename) => ({ b, filename }))),
      async ({ b, filename }: { b: Buffer; filename: string }) => {
        const format: Format | null = detectFormat(b, filename);
        return parseAny(b, { ...opts, filename, format: format ?? undefined });
      }, 400);
  }, 600_000);
});
