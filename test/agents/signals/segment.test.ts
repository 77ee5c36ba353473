import { describe, expect, it } from 'vitest';
import { parseSegment } from '../../../agents/signals/parsers/segment.js';
import { json } from './helpers.js';

describe('parseSegment', () => {
  const r = parseSegment(json('segment-batch.json'));

  it('engagement events: proposal views, pricing page visits, form fills, link clicks', () => {
    expect(r.items.slice(0, 4).map((i) => i.signal)).toEqual([
      { kind: 'engagement', event: 'proposal_viewed', occurredAt: '2026-11-19T10:00:00.000Z', source: 'segment', externalId: 'seg-1', contactEmail: 'hank@globex.io', contactName: 'Hank Scorpio', url: 'https://ourco.com/p/globex-2027' },
      { kind: 'engagement', event: 'pricing_page_visit', occurredAt: '2026-11-19T10:05:00.000Z', source: 'segment', externalId: 'seg-2', contactEmail: 'hank@globex.io', url: 'https://ourco.com/pricing?plan=enterprise' },
      { kind: 'engagement', event: 'form_submitted', occurredAt: '2026-11-19T10:07:00.000Z', source: 'segment', externalId: 'seg-3', contactEmail: 'frank@globex.io', url: 'https://ourco.com/contact', text: 'We need 300 seats for our Tokyo office. Can someone call me?' },
      { kind: 'engagement', event: 'link_clicked', occurredAt: '2026-11-19T10:09:00.000Z', source: 'segment', externalId: 'seg-4', contactEmail: 'hank@globex.io', url: 'https://ourco.com/security/soc2', text: 'Download SOC 2' },
    ]);
  });

  it('usage points: a numeric value or count, or an event named like a usage metric (counting 1)', () => {
    expect(r.items.slice(4).map((i) => i.signal)).toEqual([
      { kind: 'usage', metric: 'Report Exported', value: 12, unit: 'reports', occurredAt: '2026-11-19T11:00:00.000Z', source: 'segment', externalId: 'seg-5' },
      { kind: 'usage', metric: 'API Calls', value: 1840, occurredAt: '2026-11-19T12:00:00.000Z', source: 'segment', externalId: 'seg-6' },
      { kind: 'usage', metric: 'User Logged In', value: 1, occurredAt: '2026-11-19T12:30:00.000Z', source: 'segment', externalId: 'seg-7' },
    ]);
  });

  it('routes by group / account id, or the contact email domain', () => {
    expect(r.items.map((i) => i.route)).toEqual([
      { accountId: 'globex', email: 'hank@globex.io', domain: 'globex.io' },
      { email: 'hank@globex.io', domain: 'globex.io' },
      { email: 'frank@globex.io', domain: 'globex.io' },
      { email: 'hank@globex.io', domain: 'globex.io' },
      { accountId: 'globex' },
      { accountId: 'globex' },
      { email: 'hank@globex.io', domain: 'globex.io' },
    ]);
  });

  it('everything else is rejected with its position and why', () => {
    expect(r.rejected).toEqual([
      { position: 'event 8 (seg-8)', reason: '"Tooltip Hovered" is not an engagement event and has no numeric properties.value or properties.count' },
      { position: 'event 9 (seg-9)', reason: 'identify events are not read (only track, page and screen events carry engagement or usage)' },
      { position: 'event 10 (seg-10)', reason: 'a page view that is not a proposal or pricing page' },
      { position: 'event 11 (seg-11)', reason: 'no readable timestamp' },
    ]);
  });

  it('one event, an array, name variants, an invalid email left out', () => {
    const one = { type: 'track', event: 'proposal_viewed', messageId: 'm1', timestamp: '2026-11-19T10:00:00Z', properties: { email: 'not an email' } };
    expect(parseSegment(one).items.map((i) => [i.signal.kind, (i.signal as { event?: string }).event, (i.signal as { contactEmail?: string }).contactEmail])).toEqual([['engagement', 'proposal_viewed', undefined]]);
    const names = ['ProposalOpened', 'pricing_page_viewed', 'Pricing Page Visited', 'Demo Form Submitted', 'CTA Link Clicked'];
    expect(parseSegment(names.map((event, i) => ({ type: 'track', event, messageId: `n${i}`, timestamp: '2026-11-19T10:00:00Z' }))).items.map((i) => (i.signal as { event?: string }).event))
      .toEqual(['proposal_viewed', 'pricing_page_visit', 'pricing_page_visit', 'form_submitted', 'link_clicked']);
    expect(parseSegment({ type: 'page', messageId: 'p', timestamp: '2026-11-19T10:00:00Z', properties: { path: '/proposals/acme' } }).items[0].signal).toMatchObject({ event: 'proposal_viewed', url: '/proposals/acme' });
  });
});
