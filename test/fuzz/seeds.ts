// Seeds for the fuzz tests: the project's own fixture files, and the mutations that turn one into
// a hostile input (line by line for text formats, field by field for JSON).
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { hostileString, mutationOf, type Json } from './arbitraries.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/signals/', import.meta.url));
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));
export const fixtures = (ext: string) => readdirSync(FIXTURES).filter((f) => f.endsWith(ext)).map(fixture);
export const json = (name: string) => JSON.parse(fixture(name).toString('utf8')) as Json;
const CHARSET_LIES = ['utf-8', 'iso-8859-1', 'windows-1252', 'utf-16', 'utf-16le', 'shift_jis', 'iso-2022-jp', 'koi8-r', 'x-unknown-charset', '', '"', 'utf-8"; format=flowed; x="'];

/** One text seed changed once: a line removed, repeated, replaced, cut, a charset lied about, bytes spliced in. */
export function textMutation(seed: Buffer): fc.Arbitrary<Buffer> {
  const text = seed.toString('latin1');
  const lines = text.split('\n');
  const at = fc.integer({ min: 0, max: Math.max(0, lines.length - 1) });
  const join = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
  const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  return fc.oneof(
    at.map((i) => join(lines.filter((_, j) => j !== i))),
    fc.tuple(at, fc.constantFrom(2, 50, 2000)).map(([i, n]) => join([...lines.slice(0, i), ...Array(n).fill(lines[i]), ...lines.slice(i + 1)])),
    fc.tuple(at, hostileString).map(([i, s]) => join([...lines.slice(0, i), utf8(s), ...lines.slice(i + 1)])),
    fc.tuple(at, fc.constantFrom('\u0000', '\r', '\r\n', '\x1b[2J', '\xff\xfe', '\xef\xbb\xbf', ' '.repeat(20_000))).map(([i, s]) => join([...lines.slice(0, i), `${lines[i]}${s}`, ...lines.slice(i + 1)])),
    fc.integer({ min: 0, max: text.length }).map((n) => seed.subarray(0, n)),
    fc.constantFrom(...CHARSET_LIES).map((cs) => Buffer.from(text.replace(/charset="?[\w-]+"?/gi, `charset=${cs}`), 'latin1')),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).chain((bytes) => fc.integer({ min: 0, max: seed.length }).map((i) => Buffer.concat([seed.subarray(0, i), Buffer.from(bytes), seed.subarray(i)]))),
    fc.constant(Buffer.from(text.replace(/\n/g, '\r'), 'latin1')), // old Mac line ends
    fc.constant(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le')])), // a BOM that lies about the byte order
  );
}

/** Bytes for a text parser: random, or a mutated fixture (the mutations weighted up: they reach deeper). */
export const textInput = (seeds: Buffer[]) => fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 6, arbitrary: fc.constantFrom(...seeds).chain(textMutation) },
);

/** A JSON payload: random JSON, or a fixture with one field mutated. */
export const jsonInput = (seeds: Json[]) => fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<unknown> },
  { weight: 6, arbitrary: fc.constantFrom(...seeds).chain((s) => mutationOf(s)).map((m) => m.value as unknown) },
);

