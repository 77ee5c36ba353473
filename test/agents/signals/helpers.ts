// Shared by the signal parser tests: fixtures, and narrowing a parsed item to its kind.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SignalInput, SignalInputOf } from '../../../agents/signals/schema.js';
import type { ParseOptions, ParseResult } from '../../../agents/signals/parsers/types.js';

export const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/signals/${name}`, import.meta.url)));
export const json = (name: string): unknown => JSON.parse(fixture(name).toString('utf8'));

export function as<K extends SignalInput['kind']>(kind: K, s: SignalInput | undefined): SignalInputOf<K> {
  if (!s || s.kind !== kind) throw new Error(`expected a ${kind} signal, got ${s?.kind}`);
  return s as SignalInputOf<K>;
}

export async function collect<T = ParseResult>(results: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of results) out.push(r);
  return out;
}

export const opts: ParseOptions = { accountDomains: ['acmefreight.com'], ourDomains: ['ourco.com'] };
