// Call transcripts: WebVTT (voices from <v Name>), SRT (speaker from a "Name:" prefix) and a
// Gong-style call JSON (call metadata, parties, monologues of sentences) → meeting signals.
import { createHash } from 'node:crypto';
import { SignalInput, type TranscriptTurn } from '../schema.js';
import { zodReason, type ParseOptions, type ParseResult } from './types.js';

const TIME = /(\d{1,2}:)?(\d{1,2}):(\d{2})[.,](\d{1,3})/;

function seconds(ts: string): number {
  const m = TIME.exec(ts);
  if (!m) return 0;
  return (m[1] ? Number(m[1].slice(0, -1)) * 3600 : 0) + Number(m[2]) * 60 + Number(m[3]) + Number(m[4].padEnd(3, '0')) / 1000;
}

/** Consecutive cues of one speaker become one turn. */
function mergeTurns(cues: TranscriptTurn[]): TranscriptTurn[] {
  const out: TranscriptTurn[] = [];
  for (const c of cues) {
    const prev = out[out.length - 1];
    if (prev && prev.speaker === c.speaker) prev.text = `${prev.text} ${c.text}`;
    else out.push({ ...c });
  }
  return out;
}

function meeting(turns: TranscriptTurn[], opts: ParseOptions, source: string, content: string, extra: Record<string, unknown> = {}): ParseResult {
  if (turns.length === 0 || turns.every((t) => !t.text.trim())) return { items: [], rejected: [{ position: 'transcript', reason: 'the transcript is empty' }] };
  const speakers = [...new Set(turns.map((t) => t.speaker).filter((s) => s && s !== 'Unknown'))];
  const durationSec = Math.max(0, ...turns.map((t) => t.startSec ?? 0));
  const r = SignalInput.safeParse({
    kind: 'meeting', occurredAt: opts.occurredAt ?? new Date().toISOString(), source,
    externalId: createHash('sha256').update(content).digest('hex').slice(0, 32),
    title: opts.title ?? 'Call transcript', attendees: speakers.map((name) => ({ name })), durationSec, transcript: turns, ...extra,
  });
  return r.success ? { items: [{ signal: r.data }], rejected: [] } : { items: [], rejected: [{ position: 'transcript', reason: zodReason(r.error) }] };
}

export function parseVtt(content: string, opts: ParseOptions = {}): ParseResult {
  if (!/^\uFEFF?WEBVTT/.test(content)) return { items: [], rejected: [{ position: 'line 1', reason: 'not a WebVTT file (no WEBVTT header)' }] };
  const cues: TranscriptTurn[] = [];
  for (const block of content.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const i = lines.findIndex((l) => l.includes('-->'));
    if (i < 0) continue;
    const startSec = seconds(lines[i].split('-->')[0]);
    const body = lines.slice(i + 1).join(' ');
    const voice = /<v(?:\.[^ >]*)?\s+([^>]+)>/.exec(body);
    const text = body.replace(/<[^>]+>/g, '').trim();
    if (text) cues.push({ speaker: voice ? voice[1].trim() : 'Unknown', text, startSec });
  }
  return meeting(mergeTurns(cues), opts, 'vtt', content);
}

export function parseSrt(content: string, opts: ParseOptions = {}): ParseResult {
  const cues: TranscriptTurn[] = [];
  for (const block of content.replace(/\r\n/g, '\n').trim().split(/\n{2,}/)) {
    const lines = block.split('\n');
    const i = lines.findIndex((l) => l.includes('-->'));
    if (i < 0) continue;
    const text = lines.slice(i + 1).join(' ').replace(/<[^>]+>/g, '').trim();
    const m = /^([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}):\s*(.*)$/.exec(text);
    if (text) cues.push({ speaker: m ? m[1] : 'Unknown', text: m ? m[2] : text, startSec: seconds(lines[i].split('-->')[0]) });
  }
  return meeting(mergeTurns(cues), opts, 'srt', content);
}

interface GongParty { speakerId?: string; name?: string; emailAddress?: string; affiliation?: string }
interface GongCall {
  callData?: { metaData?: { id?: string; title?: string; started?: string; duration?: number }; parties?: GongParty[] };
  metaData?: { id?: string; title?: string; started?: string; duration?: number };
  parties?: GongParty[];
  transcript?: Array<{ speakerId?: string; topic?: string; sentences?: Array<{ start?: number; end?: number; text?: string }> }>;
  callTranscripts?: Array<{ callId?: string; transcript?: GongCall['transcript'] }>;
}

/** Gong's extensive-call metadata with its transcript (combined, or the two API responses merged). */
export function parseGong(json: unknown, opts: ParseOptions = {}): ParseResult {
  const g = json as GongCall;
  const meta = g.callData?.metaData ?? g.metaData ?? {};
  const parties = g.callData?.parties ?? g.parties ?? [];
  const monologues = g.transcript ?? g.callTranscripts?.[0]?.transcript ?? [];
  if (!meta.id) return { items: [], rejected: [{ position: 'callData.metaData.id', reason: 'a Gong call needs its id' }] };
  const byId = new Map(parties.map((p) => [p.speakerId, p]));
  const turns: TranscriptTurn[] = mergeTurns(monologues.map((m) => ({
    speaker: byId.get(m.speakerId)?.name ?? `Speaker ${m.speakerId ?? '?'}`,
    text: (m.sentences ?? []).map((s) => s.text ?? '').join(' ').trim(),
    startSec: Math.round((m.sentences?.[0]?.start ?? 0) / 1000),
  })).filter((t) => t.text));
  if (turns.length === 0) return { items: [], rejected: [{ position: `call ${meta.id}`, reason: 'the transcript is empty' }] };
  const r = SignalInput.safeParse({
    kind: 'meeting', occurredAt: meta.started ? new Date(meta.started).toISOString() : opts.occurredAt ?? new Date().toISOString(),
    externalId: String(meta.id), source: 'gong', title: meta.title ?? opts.title ?? 'Call', durationSec: meta.duration,
    attendees: parties.filter((p) => p.name).map((p) => ({ name: p.name!, ...(p.emailAddress ? { email: p.emailAddress } : {}) })),
    transcript: turns,
  });
  if (!r.success) return { items: [], rejected: [{ position: `call ${meta.id}`, reason: zodReason(r.error) }] };
  const external = parties.find((p) => p.affiliation === 'External' && p.emailAddress);
  return { items: [{ signal: r.data, ...(external ? { route: { email: external.emailAddress!.toLowerCase(), domain: external.emailAddress!.split('@')[1].toLowerCase() } } : {}) }], rejected: [] };
}
