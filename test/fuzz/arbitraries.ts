// Generators for hostile input: values from a route's own JSON schema (as its OpenAPI document
// gives it), hostile values of every type, and one-field mutations of a valid document (the field
// given the wrong type, made huge, empty, odd unicode, a CR/LF, deep nesting, removed, or joined by
// a key nobody asked for). Structure-aware mutations reach the code behind the first check.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonSchema = Record<string, unknown>;

const cap = (n: unknown, dflt: number, max: number) => Math.min(typeof n === 'number' ? n : dflt, max);

/** Nested `depth` levels deep: arrays or objects, which JSON.parse, zod and our own walkers must survive. */
export function nested(depth: number, kind: 'array' | 'object' = 'array'): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const HOSTILE_STRINGS = [
  '', ' ', '\t', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', '\u202Eevil\u202C', '\u200B\u200D\uFEFF', '👩‍👩‍👧‍👦'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷', 'ｔｅｓｔ', 'İstanbul ß ﬃ', 'Subject\r\nBcc: attacker@evil.example', 'line\rbreak', 'line\nbreak', '\r\n\r\n',
  "'; drop table accounts; --", '%00', '%E0%A4%A', '../../etc/passwd', '<script>alert(1)</script>', '{{7*7}}', '${process.exit(1)}',
  '__proto__', 'constructor', 'toString', 'NaN', 'Infinity', '-0', '1e309', '9007199254740993', '0x10', 'true', 'null',
  '2026-02-30T00:00:00Z', '0000-00-00T00:00:00Z', '0000-01-01T00:00:00Z', '0000-12-31T23:59:59-01:00', '9999-12-31T23:59:59.999999999+99:99', '2026-12-01', '@', 'a@', '@b.c', 'a@b', 'a@b..c',
];

/** Strings that break assumptions: control characters, lone surrogates, bidi, huge, CR/LF. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\r', '\n', '\t', '\u0000', '\u2028', '\u2029', 'a', ' '), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 10_000, 300_000).chain((n) => fc.constantFrom('x', 'é', '\n', '🙂').map((c) => c.repeat(n))) },
);

/** Any JSON value, biased to the hostile ones, for "a field of the wrong type". */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 63)) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom<Json>([], {}, [null], [''], { '': '' }, JSON.parse('{"__proto__":{"polluted":true}}') as Json) },
  { weight: 1, arbitrary: fc.constantFrom(50, 500, 2_000).chain((d) => fc.constantFrom<'array' | 'object'>('array', 'object').map((k) => nested(d, k))) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => Array.from({ length: n }, () => 'x') as Json) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

/** A value the schema accepts (mostly: patterns and formats are followed where fast-check can). */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<Json> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as Json[]));
  if ('const' in schema) return fc.constant(schema.const as Json);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...(schema[key] as JsonSchema[]).map((s) => fromSchema(s, depth + 1)));
  }
  if (Array.isArray(schema.allOf)) return fromSchema((schema.allOf as JsonSchema[])[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'date-time') {
        return fc.oneof(
          { weight: 4, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }) },
          { weight: 1, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }) },
        ).map((d) => d.toISOString());
      }
      if (schema.format === 'email') return fc.emailAddress();
      if (typeof schema.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= cap(schema.maxLength, 200, 200) && s.length >= cap(schema.minLength, 0, 200));
        } catch {
          // a pattern fast-check cannot generate from: a plain string instead
        }
      }
      return fc.string({ minLength: cap(schema.minLength, 0, 20), maxLength: Math.max(cap(schema.minLength, 0, 20), cap(schema.maxLength, 30, 30)) });
    }
    case 'integer': return fc.integer({ min: cap(schema.minimum, -1000, 1e9), max: Math.max(cap(schema.minimum, -1000, 1e9), cap(schema.maximum, 1000, 1e9)) });
    case 'number': return fc.double({ min: cap(schema.minimum, -1e6, 1e9), max: Math.max(cap(schema.minimum, -1e6, 1e9), cap(schema.maximum, 1e6, 1e9)), noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const min = cap(schema.minItems, 0, 3);
      return fc.array(fromSchema(schema.items as JsonSchema, depth + 1), { minLength: min, maxLength: Math.max(min, cap(schema.maxItems, 3, 3)) });
    }
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      if (Object.keys(props).length === 0) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 });
      const rec: Record<string, fc.Arbitrary<Json>> = {};
      for (const [k, s] of Object.entries(props)) rec[k] = fromSchema(s, depth + 1);
      return fc.record(rec, { requiredKeys: required.filter((k) => k in props) }) as fc.Arbitrary<Json>;
    }
    default: return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  }
}

/** Every path into a JSON value, the root ([]) included; long arrays contribute their first items only. */
export function pathsOf(v: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (out.length > 400) return out;
  if (Array.isArray(v)) v.slice(0, 4).forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

const clone = (v: Json): Json => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** `v` with the value at `path` replaced (`undefined` removes it). */
export function setAt(v: Json, path: Array<string | number>, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const root = clone(v);
  let cur = root as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return root;
}

export interface Mutation { value: Json | undefined; path: string; op: string }

/** One field of `doc` mutated: the wrong type, removed, an unknown key beside it, or itself repeated many times. */
export function mutationOf(doc: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(doc);
  return fc.constantFrom(...paths).chain((path) => {
    const at = path.join('.') || '(root)';
    const ops: Array<fc.Arbitrary<Mutation>> = [
      hostileValue.map((x) => ({ value: setAt(doc, path, x), path: at, op: 'replace' })),
    ];
    if (path.length > 0) ops.push(fc.constant({ value: setAt(doc, path, undefined), path: at, op: 'remove' }));
    const target = path.reduce<Json>((cur, p) => (cur as Record<string | number, Json>)[p], doc);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      ops.push(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'unexpected', '', 'a'.repeat(300)), hostileValue)
        .map(([k, x]) => ({ value: setAt(doc, [...path, k], x), path: `${at}.${k}`, op: 'add-key' })));
    }
    if (Array.isArray(target) && target.length > 0) {
      ops.push(fc.constantFrom(2, 1001, 5000).map((n) => ({ value: setAt(doc, path, Array.from({ length: n }, () => clone(target[0]))), path: at, op: `repeat×${n}` })));
    }
    if (typeof target === 'string') {
      ops.push(fc.constantFrom('\r\n', '\u0000', '\uD800', '\u202E', ' '.repeat(10_000), 'é'.repeat(100_000))
        .map((s) => ({ value: setAt(doc, path, `${target}${s}${target}`), path: at, op: 'splice' })));
    }
    return fc.oneof(...ops);
  });
}
