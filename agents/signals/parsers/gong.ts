// Gong calls → meeting signals, one a call. Accepted shapes (the v2 API's `/v2/calls/extensive`
// call objects and `/v2/calls/transcript` transcripts):
//   { callData: { metaData, parties }, transcript: [...] }          one call, combined
//   { metaData, parties, transcript }                                one call, flat
//   { calls: [{ metaData, parties }], callTranscripts: [{ callId, transcript }] }   the two responses merged
//   an array of any of the single-call shapes
// A transcript is monologues `{ speakerId, topic?, sentences: [{ start, end, text }] }` (ms);
// speakers are named from the parties. Keyed by the call id (source 'gong'). metaData.started is ISO
// or epoch seconds (milliseconds when above 1e11). A call without a transcript (the call_completed
// webhook: { isTest, callData: { metaData, parties } }) is a meeting marked transcriptPending.
import { Participant, type TranscriptTurn } from '../schema.js';
import { UNKNOWN_SPEAKER, meetingResult } from './transcript-turns.js';
import { mergeResults, readRecord, rejectedOnly, routeByEmail, toIso } from './result.js';
import type { ParseOptions, ParseResult, RouteHint } from './types.js';

interface GongParty { id?: string; speakerId?: string | null; name?: string; emailAddress?: string; affiliation?: string; title?: string }
interface GongMeta { id?: string | number; title?: string; started?: string | number; scheduled?: string | number; duration?: number; url?: string }
type GongMonologue = { speakerId?: string | null; topic?: string | null; sentences?: Array<{ start?: number; end?: number; text?: string }> };
interface GongCall { metaData?: GongMeta; parties?: GongParty[]; transcript?: GongMonologue[] }
interface GongPayload extends GongCall {
  callData?: GongCall;
  calls?: GongCall[];
  callTranscripts?: Array<{ callId?: string | number; transcript?: GongMonologue[] }>;
}

/** Every call in the payload, with its transcript joined by call id where they came apart. */
function callsOf(payload: unknown): GongCall[] {
  if (Array.isArray(payload)) return payload.flatMap(callsOf);
  if (!payload || typeof payload !== 'object') return [];
  const p = payload as GongPayload;
  const transcripts = new Map((p.callTranscripts ?? []).map((t) => [String(t.callId), t.transcript ?? []]));
  const withTranscript = (c: GongCall, own?: GongMonologue[]): GongCall => ({ ...c, transcript: own ?? c.transcript ?? transcripts.get(String(c.metaData?.id)) });
  if (p.calls?.length) {
    const calls = p.calls.map((c) => withTranscript(c));
    const known = new Set(calls.map((c) => String(c.metaData?.id)));
    // Transcripts whose call metadata was not sent still get reported, as calls without metadata.
    return [...calls, ...[...transcripts].filter(([id]) => !known.has(id)).map(([id, transcript]) => ({ metaData: { id }, transcript, parties: undefined }))];
  }
  if (p.callData) return [withTranscript(p.callData, p.transcript)];
  if (p.metaData) return [withTranscript(p, p.transcript)];
  return [...transcripts].map(([id, transcript]) => ({ metaData: { id }, transcript, parties: undefined }));
}

/** A party as an attendee; an address that is not an email is left out rather than failing the call. */
function attendee(p: GongParty): Participant {
  const name = (p.name || p.emailAddress || '').slice(0, 200);
  const full = Participant.safeParse({ name, email: p.emailAddress });
  return full.success ? full.data : { name };
}

function routeOf(parties: GongParty[]): RouteHint | undefined {
  const external = parties.find((p) => p.affiliation === 'External' && p.emailAddress) ?? parties.find((p) => p.affiliation !== 'Internal' && p.emailAddress);
  return external ? routeByEmail(external.emailAddress) : undefined;
}

function parseCall(call: GongCall, index: number, opts: ParseOptions): ParseResult {
  const meta = call.metaData ?? {};
  const position = meta.id !== undefined ? `call ${meta.id}` : `call ${index + 1}`;
  if (meta.id === undefined || meta.id === null || meta.id === '') return rejectedOnly(position, 'a Gong call needs its metaData.id');
  if (!call.parties) return rejectedOnly(position, 'no call metadata (send the /v2/calls/extensive call with its transcript)');
  const occurredAt = toIso(meta.started ?? meta.scheduled) ?? (opts.occurredAt ? toIso(opts.occurredAt) : null);
  if (!occurredAt) return rejectedOnly(position, 'the call has no readable metaData.started time');
  const names = new Map(call.parties.filter((p) => p.speakerId).map((p) => [String(p.speakerId), p.name || p.emailAddress || `Speaker ${p.speakerId}`]));
  const turns: TranscriptTurn[] = (call.transcript ?? []).map((m) => ({
    speaker: m.speakerId ? names.get(String(m.speakerId)) ?? `Speaker ${m.speakerId}` : UNKNOWN_SPEAKER,
    text: (m.sentences ?? []).map((s) => s.text?.trim() ?? '').filter(Boolean).join(' '),
    startSec: Math.max(0, (m.sentences?.[0]?.start ?? 0) / 1000),
  }));
  return meetingResult({
    source: 'gong', content: '', position, turns,
    externalId: String(meta.id), title: meta.title || opts.title || 'Call', occurredAt,
    ...(typeof meta.duration === 'number' && meta.duration >= 0 ? { durationSec: meta.duration } : {}),
    attendees: call.parties.filter((p) => p.name || p.emailAddress).map(attendee),
    route: routeOf(call.parties),
    // call_completed webhooks carry the call without its transcript: stored now, the transcript later.
    // (A transcript sent empty is still rejected as empty.)
    ...(call.transcript === undefined ? { transcriptPending: true } : {}),
  }, opts);
}

export function parseGong(payload: unknown, opts: ParseOptions = {}): ParseResult {
  const out: ParseResult = { items: [], rejected: [] };
  let calls: GongCall[] = [];
  readRecord(out, 'file', () => { calls = callsOf(payload); });
  if (out.rejected.length) return out;
  if (calls.length === 0) return rejectedOnly('file', 'no Gong call found (expected callData/metaData, calls or callTranscripts)');
  calls.forEach((c, i) => readRecord(out, `call ${i + 1}`, () => { mergeResults(out, parseCall(c, i, opts)); }));
  return out;
}
