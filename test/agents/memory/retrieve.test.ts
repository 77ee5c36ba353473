import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/connection.js';
import { insertAccount } from '../../../db/queries/accounts.js';
import { insertSignals, listSignals } from '../../../db/queries/signals.js';
import { countChunks } from '../../../db/queries/memory.js';
import type { SignalInput } from '../../../agents/signals/schema.js';
import { excerptIsIn } from '../../../agents/evidence.js';
import { createLocalEmbedder } from '../../../agents/memory/local-embedder.js';
import type { Embedder } from '../../../agents/memory/embedder.js';
import { rememberSignals } from '../../../agents/memory/remember.js';
import { bestExcerpt, retrieve } from '../../../agents/memory/retrieve.js';
import { freshDatabase } from '../../helpers/db.js';

const us = (name: string) => ({ email: `${name.split(' ')[0].toLowerCase()}@ourco.com`, name });
const them = (name: string, domain: string) => ({ email: `${name.split(' ')[0].toLowerCase()}@${domain}`, name });

/** A month of a mid-market deal: procurement, security, legal, pricing, usage, CRM, support. */
function corpus(domain: string): SignalInput[] {
  const olu = them('Olu Adeyemi', domain); // procurement
  const marta = them('Marta Silva', domain); // champion, VP Operations
  const ken = them('Kenji Watanabe', domain); // security
  const sam = us('Sam Patel');
  return [
    { kind: 'email', occurredAt: '2026-10-20T09:12:00Z', from: marta, to: [sam], cc: [], subject: 'Pilot results',
      text: 'Hi Sam,\n\nThe dispatch pilot went well: the Lisbon team cut response times by a third. I am going to recommend a rollout to all four regions.\n\nBest,\nMarta' },
    { kind: 'email', occurredAt: '2026-10-28T14:03:00Z', from: olu, to: [sam], cc: [marta], subject: 'Vendor onboarding',
      text: 'Sam,\n\nProcurement cannot issue the PO until the security review is complete and your SOC 2 Type II report is on file. Please also send the completed vendor questionnaire.\n\nRegards,\nOlu Adeyemi\nProcurement\n\nOn Tue, Oct 27, 2026 at 4:10 PM Sam Patel <sam@ourco.com> wrote:\n> Hi Olu, what do you need from us to raise the purchase order?' },
    { kind: 'email', occurredAt: '2026-10-30T08:40:00Z', from: ken, to: [sam], cc: [], subject: 'Security questionnaire',
      text: 'Hello,\n\nWe reviewed your answers. Two open items: data residency for EU customers, and whether SSO supports SCIM provisioning. Once those are answered I can sign off.\n\nKenji' },
    { kind: 'meeting', occurredAt: '2026-11-03T16:00:00Z', title: 'Pricing and rollout call', attendees: [marta, sam], transcript: [
      { speaker: 'Marta Silva', text: 'Our budget for next year is flat, so the per-seat price matters more than the feature list.' },
      { speaker: 'Sam Patel', text: 'Understood. We could phase the rollout region by region and start billing each region when it goes live.' },
      { speaker: 'Marta Silva', text: 'That helps. Dispatchly offered us a 20% discount, to be honest, but our drivers prefer your app.' },
      { speaker: 'Sam Patel', text: 'I will send a phased proposal by Friday.' },
    ] },
    { kind: 'usage', occurredAt: '2026-11-04T00:00:00Z', metric: 'active_users', value: 140, unit: 'seats' },
    { kind: 'crm', occurredAt: '2026-11-05T10:00:00Z', change: 'stage', from: 'demo', to: 'proposal' },
    { kind: 'ticket', occurredAt: '2026-11-06T11:30:00Z', subject: 'SSO login loop', text: 'Users in the Porto depot get redirected back to the login page after the SAML response.', priority: 'high', status: 'open' },
    { kind: 'note', occurredAt: '2026-11-07T17:00:00Z', author: 'Sam Patel', text: 'Marta hinted that legal wants a data processing addendum before signature.' },
    { kind: 'chat', occurredAt: '2026-11-09T09:00:00Z', channel: '#acme-shared', author: { name: 'Marta Silva' }, text: 'Can you share the phased proposal with Olu as well?' },
  ];
}

let db: Database;
const embedder = createLocalEmbedder();
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  db = await freshDatabase();
  for (const id of ['acme', 'globex']) {
    await insertAccount(db.pool, { id, name: id, domains: [`${id}.com`], stage: 'proposal' });
    ids[id] = (await insertSignals(db.pool, id, corpus(`${id}.com`))).stored.map((s) => s.id);
  }
});
afterAll(async () => { await db.close(); });

const ask = (query: string, more: Partial<Parameters<typeof retrieve>[1]> = {}) => retrieve({ db: db.pool, embedder }, { accountId: 'acme', query, k: 5, ...more });

describe('remember', () => {
  it('stores every signal once, however often it runs', async () => {
    const signals = await listSignals(db.pool, 'acme');
    const first = await rememberSignals({ db: db.pool, embedder }, signals);
    expect(first).toEqual({ signals: 9, chunks: 9, skipped: 0 });
    expect(await rememberSignals({ db: db.pool, embedder }, [...signals, signals[0]])).toEqual({ signals: 0, chunks: 0, skipped: 10 });
    expect(await countChunks(db.pool, 'acme')).toBe(9);
  });

  it('after a failed embedding call, a retry stores what is missing and nothing twice', async () => {
    const signals = await listSignals(db.pool, 'globex');
    const many = Array.from({ length: 200 }, (_, i) => ({ speaker: i % 2 ? 'Sam Patel' : 'Marta Silva', text: `Turn ${i}: ${'we walked through the rollout plan for the depots and the training. '.repeat(3)}` }));
    const [long] = (await insertSignals(db.pool, 'globex', [{ kind: 'meeting', occurredAt: '2026-11-10T10:00:00Z', title: 'Rollout workshop', attendees: [], transcript: many }])).stored;
    const all = [...signals, ...(await listSignals(db.pool, 'globex')).filter((s) => s.id === long.id)];
    let calls = 0;
    const flaky: Embedder = { ...embedder, embed: async (texts) => { calls += 1; if (calls === 2) throw new Error('503 from the embedding server'); return embedder.embed(texts); } };
    await expect(rememberSignals({ db: db.pool, embedder: flaky }, all)).rejects.toThrow(/503/);
    const partial = await countChunks(db.pool, 'globex');
    expect(partial).toBe(9); // the first batch: the nine short signals, whole; the workshop not at all
    const retry = await rememberSignals({ db: db.pool, embedder }, all);
    expect(retry.signals).toBe(1);
    expect(retry.skipped).toBe(9);
    expect(await countChunks(db.pool, 'globex')).toBe(partial + retry.chunks);
    expect(retry.chunks).toBeGreaterThan(5);
  });
});

describe('retrieve', () => {
  it('finds what procurement said about the security review, quoting it verbatim', async () => {
    const hits = await ask('what did procurement say about the security review?');
    expect(hits[0].signalId).toBe(ids.acme[1]);
    expect(hits[0].excerpt).toBe('Procurement cannot issue the PO until the security review is complete and your SOC 2 Type II report is on file.');
    const signal = (await listSignals(db.pool, 'acme')).find((s) => s.id === hits[0].signalId)!;
    expect(excerptIsIn(signal, hits[0].excerpt)).toBe(true);
    expect(hits[0].text).not.toMatch(/what do you need from us/); // the quoted reply is not in memory
  });

  it('puts the right signal first for realistic questions', async () => {
    const top = async (q: string) => (await ask(q))[0];
    expect((await top('which competitor offered a discount?')).excerpt).toBe('Marta Silva: That helps. Dispatchly offered us a 20% discount, to be honest, but our drivers prefer your app.');
    expect((await top('open items from the security questionnaire: SCIM, data residency')).signalId).toBe(ids.acme[2]);
    expect((await top('SSO login problems in Porto')).kind).toBe('ticket');
    expect((await top('how many active users?')).excerpt).toBe('active_users = 140 seats');
    expect((await top('when did the deal move to the proposal stage?')).excerpt).toBe('stage: demo → proposal');
    expect((await top('data processing addendum')).kind).toBe('note');
    expect((await top('pilot results in Lisbon')).signalId).toBe(ids.acme[0]);
  });

  it('every excerpt is verbatim in its signal', async () => {
    const signals = new Map((await listSignals(db.pool, 'acme')).map((s) => [s.id, s]));
    for (const q of ['budget', 'rollout', 'proposal', 'security', 'SSO', 'legal', 'who is Olu?', '']) {
      for (const h of await ask(q, { k: 20 })) expect(excerptIsIn(signals.get(h.signalId)!, h.excerpt), `${q}: ${h.excerpt}`).toBe(true);
    }
  });

  it('never returns another account\'s chunks, even identical ones', async () => {
    const hits = await ask('security review SOC 2 procurement', { k: 50 });
    expect(hits).toHaveLength(9);
    expect(hits.every((h) => ids.acme.includes(h.signalId))).toBe(true);
    const globex = await retrieve({ db: db.pool, embedder }, { accountId: 'globex', query: 'security review SOC 2 procurement', k: 1 });
    expect(globex[0].signalId).toBe(ids.globex[1]);
    expect(globex[0].text).toBe(hits[0].text.replace('acme.com', 'globex.com'));
  });

  it('filters by kind, time and speaker', async () => {
    expect((await ask('budget pricing', { kinds: ['meeting'] })).map((h) => h.kind)).toEqual(['meeting']);
    expect((await ask('budget pricing', { kinds: ['usage', 'crm'] })).map((h) => h.kind).sort()).toEqual(['crm', 'usage']);
    const late = await ask('proposal', { after: '2026-11-05T10:00:00Z' });
    expect(late.map((h) => h.occurredAt).sort()[0]).toBe('2026-11-06T11:30:00.000Z');
    const early = await ask('proposal', { before: '2026-10-30T08:40:00Z' });
    expect(early.map((h) => h.signalId).sort()).toEqual(ids.acme.slice(0, 3).sort());
    const marta = await ask('proposal', { speaker: 'marta' });
    expect(marta.map((h) => h.kind).sort()).toEqual(['chat', 'email', 'meeting']);
    expect((await ask('questionnaire', { speaker: 'olu@acme.com' })).map((h) => h.signalId)).toEqual([ids.acme[1]]);
  });
});

describe('bestExcerpt', () => {
  const chunk = 'Email from Olu <olu@acme.com>: Security review\nThanks for the call. Procurement needs the SOC 2 report. Legal is fine.\nOther line.';
  it('quotes the best sentence of the passage, never the header', () => {
    expect(bestExcerpt(chunk, 'what about the SOC 2 report?')).toBe('Procurement needs the SOC 2 report. Legal is fine.');
    // Nothing in the passage matches (the header does): its opening, short sentences joined.
    expect(bestExcerpt(chunk, 'security review')).toBe('Thanks for the call. Procurement needs the SOC 2 report. Legal is fine.');
  });
  it('quotes a turn from its speaker label when it fits', () => {
    const turn = 'h\nMarta Silva: That helps. Dispatchly offered us a 20% discount.';
    expect(bestExcerpt(turn, 'discount')).toBe('Marta Silva: That helps. Dispatchly offered us a 20% discount.');
    expect(bestExcerpt(turn, 'discount', 40)).toBe('Dispatchly offered us a 20% discount.');
  });
  it('stays within its line and its length', () => {
    expect(bestExcerpt('h\nA first point. And the budget is flat.\nNext line about budget too.', 'budget', 40)).toBe('And the budget is flat.');
    expect(bestExcerpt(`h\n${'word '.repeat(100)}`, 'word', 50)).toBe(`${'word '.repeat(10).trim()}`);
  });
});
