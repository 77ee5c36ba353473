import { describe, expect, it } from 'vitest';
import { chunkBody, chunkSignal } from '../../../agents/memory/chunk.js';
import { excerptIsIn, signalText } from '../../../agents/evidence.js';
import { makeSignal } from './signals.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Every chunk's passage is verbatim in the signal's text (what citations are checked against). */
const verbatim = (s: ReturnType<typeof makeSignal>) => chunkSignal(s).every((c) => norm(signalText(s)).includes(norm(chunkBody(c.text))));

describe('email chunks', () => {
  it('are one message, its quoted history stripped, under a header with sender and subject', () => {
    const s = makeSignal({
      kind: 'email', from: { email: 'olu@acme.com', name: 'Olu Adeyemi' }, to: [{ email: 'sam@ourco.com' }], subject: 'Security review status',
      text: 'Procurement cannot issue the PO until the security review is complete.\n\nOn Mon, Oct 30, 2026 at 9:00 AM Sam Patel <sam@ourco.com> wrote:\n> Any update on the PO?\n> Thanks',
    });
    const chunks = chunkSignal(s);
    expect(chunks).toEqual([{
      seq: 0, speaker: 'Olu Adeyemi <olu@acme.com>',
      text: 'Email from Olu Adeyemi <olu@acme.com>: Security review status\nProcurement cannot issue the PO until the security review is complete.',
    }]);
    expect(verbatim(s)).toBe(true);
  });

  it('keeps Outlook-quoted history out too', () => {
    const s = makeSignal({
      kind: 'email', from: { email: 'olu@acme.com' }, subject: 'RE: PO', text: 'Approved on our side.\n\nFrom: Sam Patel <sam@ourco.com>\nSent: Monday, October 30, 2026 9:00 AM\nTo: Olu\nSubject: PO\n\nCan you approve the PO?',
    });
    expect(chunkSignal(s).map((c) => chunkBody(c.text))).toEqual(['Approved on our side.']);
  });

  it('split long bodies at paragraph boundaries into ~1,200-char windows that overlap a little', () => {
    const paras = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}. ${'We discussed the rollout plan and the training schedule for the regional teams. '.repeat(2).trim()}`);
    const s = makeSignal({ kind: 'email', from: { email: 'olu@acme.com' }, subject: 'Rollout', text: paras.join('\n\n') });
    const chunks = chunkSignal(s);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
    for (const c of chunks) {
      expect(c.text.split('\n')[0]).toBe('Email from olu@acme.com: Rollout');
      const body = chunkBody(c.text);
      expect(body.length).toBeLessThanOrEqual(1200);
      expect(body).toMatch(/^Paragraph \d+\./); // windows start at a paragraph
    }
    // Neighbouring windows share their boundary paragraph; together they cover every paragraph.
    const first = (c: { text: string }) => chunkBody(c.text).split('\n\n')[0];
    const last = (c: { text: string }) => chunkBody(c.text).split('\n\n').at(-1);
    expect(first(chunks[1])).toBe(last(chunks[0]));
    for (const p of paras) expect(chunks.some((c) => c.text.includes(p))).toBe(true);
    expect(verbatim(s)).toBe(true);
  });

  it('cut a paragraph longer than the window at sentences', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} explains one more detail of the integration.`).join(' ');
    const s = makeSignal({ kind: 'email', from: { email: 'olu@acme.com' }, subject: '', text });
    const chunks = chunkSignal(s);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(chunkBody(c.text)).toMatch(/^Sentence number \d+ .*integration\.$/);
    expect(verbatim(s)).toBe(true);
  });
});

describe('meeting chunks', () => {
  it('window speaker turns up to ~800 chars, labelled with their speakers', () => {
    const transcript = Array.from({ length: 40 }, (_, i) => ({ speaker: i % 2 ? 'Sam Patel' : 'Marta Silva', text: `Point number ${i} about the rollout plan and the timeline.` }));
    const s = makeSignal({ kind: 'meeting', title: 'Rollout call', transcript });
    const chunks = chunkSignal(s);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      const [header, ...lines] = c.text.split('\n');
      expect(header).toBe('Meeting "Rollout call": Marta Silva, Sam Patel');
      expect(c.speaker).toBe('Marta Silva, Sam Patel');
      expect(lines.join('\n').length).toBeLessThanOrEqual(800);
      for (const l of lines) expect(l).toMatch(/^(Sam Patel|Marta Silva): Point number \d+/); // whole turns
    }
    expect(verbatim(s)).toBe(true);
  });

  it('cut a monologue into pieces that keep its speaker', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Item ${i} of the security questionnaire needs an answer from your team.`).join(' ');
    const s = makeSignal({ kind: 'meeting', title: 'Security', transcript: [{ speaker: 'Ana Lima', text: 'Quick one.' }, { speaker: 'Olu Adeyemi', text: long }] });
    const chunks = chunkSignal(s);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(1).every((c) => c.speaker === 'Olu Adeyemi')).toBe(true);
    expect(chunkBody(chunks[0].text)).toMatch(/^Ana Lima: Quick one\.\nOlu Adeyemi: Item 0/);
    expect(verbatim(s)).toBe(true);
  });

  it('read plain-text transcripts by "Name:" prefixes, continuation lines staying with their turn', () => {
    const transcript = 'Marta Silva: Our budget for next year is flat.\nSo pricing matters a lot.\nSam Patel: Understood, we can phase the rollout.';
    const s = makeSignal({ kind: 'meeting', title: 'Pricing call', transcript });
    expect(chunkSignal(s)).toEqual([{ seq: 0, speaker: 'Marta Silva, Sam Patel', text: `Meeting "Pricing call": Marta Silva, Sam Patel\n${transcript}` }]);
    const many = makeSignal({ kind: 'meeting', title: 'x', transcript: Array.from({ length: 30 }, (_, i) => `${i % 2 ? 'Sam' : 'Marta'}: Turn ${i} ${'about the plan '.repeat(4)}`).join('\n') });
    const chunks = chunkSignal(many);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(chunkBody(c.text)).toMatch(/^(Sam|Marta): Turn \d+/);
  });

  it('fall back to paragraphs when a plain transcript names no speakers', () => {
    const s = makeSignal({ kind: 'meeting', title: 'Notes', transcript: `${'we talked about the pilot. '.repeat(30)}\n\n${'next steps are the security review. '.repeat(30)}` });
    const chunks = chunkSignal(s);
    expect(chunks).toHaveLength(2);
    expect(chunks.every((c) => c.speaker === undefined)).toBe(true);
    expect(chunkBody(chunks[1].text)).toMatch(/^next steps/);
  });
});

describe('structured signals', () => {
  it('become one short sentence over the verbatim rendering citations quote', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'usage', metric: 'active_users', value: 140, unit: 'seats' }, 'Usage: active_users = 140 (seats)'],
      [{ kind: 'crm', change: 'stage', from: 'demo', to: 'proposal' }, 'CRM: stage changed from demo to proposal'],
      [{ kind: 'crm', change: 'contact_left', contactEmail: 'ana@acme.com' }, 'CRM: ana@acme.com left the company'],
      [{ kind: 'crm', change: 'next_step', to: 'Send the order form' }, 'CRM: next step set to Send the order form'],
      [{ kind: 'engagement', event: 'proposal_viewed', contactEmail: 'olu@acme.com' }, 'Engagement: olu@acme.com viewed the proposal'],
      [{ kind: 'calendar', event: 'cancelled', eventId: 'e1', title: 'QBR', startsAt: '2026-11-10T15:00:00Z', attendees: [{ name: 'Olu Adeyemi' }] }, 'Calendar: "QBR" cancelled, was 2026-11-10 15:00 UTC with Olu Adeyemi'],
      [{ kind: 'ticket', subject: 'SSO login fails', text: 'Users get a 500 after the SAML redirect.', priority: 'high' }, 'Ticket (high, open): SSO login fails'],
      [{ kind: 'note', text: 'Champion is moving to another team in January.', author: 'Sam Patel' }, 'Note by Sam Patel'],
      [{ kind: 'news', title: 'Acme acquires Initech', text: 'The deal closes in Q1.' }, 'News: Acme acquires Initech'],
      [{ kind: 'chat', channel: '#acme-shared', author: { name: 'Olu Adeyemi' }, text: 'Can we get the SOC 2 report?' }, 'Chat in #acme-shared from Olu Adeyemi'],
    ];
    for (const [raw, header] of cases) {
      const s = makeSignal(raw);
      const chunks = chunkSignal(s);
      expect(chunks, raw.kind as string).toHaveLength(1);
      expect(chunks[0].text.split('\n')[0]).toBe(header);
      expect(excerptIsIn(s, chunkBody(chunks[0].text))).toBe(true);
    }
    expect(chunkSignal(makeSignal({ kind: 'usage', metric: 'active_users', value: 140, unit: 'seats' }))[0].text).toBe('Usage: active_users = 140 (seats)\nactive_users = 140 seats');
    expect(chunkSignal(makeSignal({ kind: 'chat', channel: '#x', author: { name: 'Olu' }, text: 'hi there' }))[0].speaker).toBe('Olu');
  });
});
