import { describe, expect, it } from 'vitest';
import { countValidCitations, signalTexts } from '../../evals/citations.js';
import type { Signal } from '../../agents/signals/schema.js';

const base = { accountId: 'contoso', source: 'eval', receivedAt: '2026-11-20T10:00:00Z', occurredAt: '2026-11-19T10:00:00Z' };
const meeting = { ...base, id: 'm1', kind: 'meeting', title: 'Security review', attendees: [], transcript: [
  { speaker: 'Ken Ito', text: 'Before we sign we need your answers to our security questionnaire.' },
  { speaker: 'Sam Patel', text: "We'll send the completed questionnaire by Friday." },
] } as unknown as Signal;
const usage = { ...base, id: 'u1', kind: 'usage', metric: 'weekly_active_users', value: 41 } as unknown as Signal;

describe('citations checked against the signals', () => {
  it('a transcript line is quotable with or without its speaker', () => {
    expect(signalTexts(meeting)).toContain("Sam Patel: We'll send the completed questionnaire by Friday.");
    expect(countValidCitations([
      { signalId: 'm1', excerpt: 'we need your answers to our security questionnaire' },
      { signalId: 'm1', excerpt: "Ken Ito: Before we sign" },
      { signalId: 'm1', excerpt: 'we will send the questionnaire' },
      { signalId: 'u1', excerpt: 'weekly_active_users = 41' },
      { signalId: 'nope', excerpt: 'Security review' },
    ], [meeting, usage], 'contoso')).toEqual({ total: 5, valid: 3 });
  });

  it("another account's signal is never a valid citation", () => {
    expect(countValidCitations([{ signalId: 'm1', excerpt: 'Security review' }], [meeting], 'fabrikam')).toEqual({ total: 1, valid: 0 });
  });
});
