// Chunking per kind: an email is one message (quotes stripped), a transcript is windows of speaker
// turns, structured signals are one sentence. Chunk text is verbatim from the signal's text so a
// passage retrieved from memory can be cited as an excerpt of its signal.
import type { Signal } from '../signals/schema.js';
import { signalText } from '../evidence.js';
import { stripQuotedReply } from './strip-quotes.js';

export interface Chunk { seq: number; text: string; speaker?: string }

const EMAIL_WINDOW = 1200;
const TURN_WINDOW = 800;

function windows(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const paras = text.split(/\n{2,}/);
  const out: string[] = [];
  let cur = '';
  for (const p of paras) {
    if (cur && cur.length + p.length + 2 > size) { out.push(cur); cur = ''; }
    if (p.length > size) {
      for (let i = 0; i < p.length; i += size) out.push(p.slice(i, i + size));
      continue;
    }
    cur = cur ? `${cur}\n\n${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

export function chunkSignal(s: Signal): Chunk[] {
  if (s.kind === 'email') {
    const body = stripQuotedReply(s.text);
    return windows(body, EMAIL_WINDOW).map((t, i) => ({ seq: i, text: i === 0 && s.subject ? `${s.subject}\n${t}` : t, speaker: s.from.name ?? s.from.email }));
  }
  if (s.kind === 'meeting') {
    const turns = typeof s.transcript === 'string'
      ? s.transcript.split('\n').filter((l) => l.trim()).map((l) => {
        const m = /^([^:]{2,60}):\s*(.*)$/.exec(l);
        return m ? { speaker: m[1].trim(), text: m[2] } : { speaker: '', text: l };
      })
      : s.transcript;
    const chunks: Chunk[] = [];
    let cur: string[] = [];
    let speakers = new Set<string>();
    const flush = () => {
      if (cur.length) chunks.push({ seq: chunks.length, text: cur.join('\n'), speaker: speakers.size === 1 ? [...speakers][0] : undefined });
      cur = [];
      speakers = new Set();
    };
    for (const t of turns) {
      const line = t.speaker ? `${t.speaker}: ${t.text}` : t.text;
      if (cur.length && cur.join('\n').length + line.length > TURN_WINDOW) flush();
      cur.push(line);
      if (t.speaker) speakers.add(t.speaker);
    }
    flush();
    if (s.title && chunks.length) chunks[0] = { ...chunks[0], text: `${s.title}\n${chunks[0].text}` };
    return chunks.length ? chunks : [{ seq: 0, text: s.title }];
  }
  const text = signalText(s);
  const speaker = s.kind === 'chat' ? s.author.name : s.kind === 'note' ? s.author : undefined;
  return windows(text, EMAIL_WINDOW).map((t, i) => ({ seq: i, text: t, ...(speaker ? { speaker } : {}) }));
}
