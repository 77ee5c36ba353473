// Sentences of what someone said, each verbatim (so it can be quoted as evidence). A period inside
// an address, a URL, a version or an amount does not end a sentence: only one followed by a space.

/** The sentences (or lines) of a text, trimmed, in order. */
export function sentences(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => line.split(/(?<=[.!?]["')\]]*)\s+/)).map((s) => s.trim()).filter(Boolean);
}
