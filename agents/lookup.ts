// Word and key tables are plain objects: a key taken from a message, a question or a payload
// ("constructor", "toString", "__proto__") must miss, not reach Object.prototype and come back as a
// function or an object.

/** The value a table maps a key to, own keys only. */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
