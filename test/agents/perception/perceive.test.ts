import { describe, expect, it } from 'vitest';
import { automatedKind, perceiveSignal } from '../../../agents/perception/index.js';
import { Story, at, contact, account } from '../risk/builders.js';
import type { Signal } from '../../../agents/signals/schema.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const story = () => new Story({ contacts: [dana] });

describe('perceiveSignal', () => {
  it('automated mail carries no human intent: no commitments, sentiment, questions or opportunities', () => {
    const ooo = story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Automatic reply: pricing', text: 'I am currently out of the office with limited access to email. Can it wait? I will send the form next week.' });
    expect(ooo.insights).toEqual({ auto: 'auto_reply', commitments: [], stakeholderChanges: [], competitors: [], sentiment: 0, expansion: [], buying: [], question: false });
    const news = story().email(at(-1), { from: 'news@acme.com', to: 'sam@ourco.com', subject: 'Acme monthly', text: 'We are expanding to three new regions and we love our vendors! Unsubscribe here.' });
    expect(news.insights).toMatchObject({ auto: 'newsletter', expansion: [], sentiment: 0 });
    const flagged = story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', auto: 'auto_reply', text: 'Thanks for your email. Could you resend?' });
    expect(flagged.insights).toMatchObject({ auto: 'auto_reply', question: false });
  });

  it('recognises automated mail from its sender, subject and footer', () => {
    const s = story();
    const kind = (from: string, subject: string, text: string) => automatedKind(s.email(at(-1), { from, to: 'sam@ourco.com', subject, text }));
    expect(kind('mailer-daemon@ourco.com', 'Undeliverable: hello', 'Delivery failed for dana@acme.com')).toBe('bounce');
    expect(kind('dana@acme.com', 'Out of Office: pricing', 'Back Monday.')).toBe('auto_reply');
    expect(kind('updates@acme.com', 'Our news', 'New this month. Manage your email preferences.')).toBe('newsletter');
    expect(kind('dana@acme.com', 'Re: pricing', 'Looks good.')).toBeUndefined();
  });

  it('works without our domains: anyone not at the account is us', () => {
    const acc = account();
    const raw = { kind: 'email', occurredAt: at(-1), from: { email: 'sam@elsewhere.io' }, to: [{ email: 'dana@acme.com' }], cc: [], subject: 'Re', text: "We'll send the deck tomorrow." } as unknown as Signal;
    const insights = perceiveSignal({ ...raw, id: 'x', accountId: 'acme', source: 't', receivedAt: raw.occurredAt }, { account: acc, contacts: [dana], competitors: [] });
    expect(insights.commitments[0]).toMatchObject({ owner: 'us', counterparts: ['dana@acme.com'] });
  });

  it('is deterministic: the same signal gives the same insights', () => {
    const s = story().email('2026-11-17T10:00:00Z', { from: 'sam@ourco.com', to: 'dana@acme.com', text: "We'll send the security questionnaire by Friday." });
    const again = perceiveSignal(s, { account: account(), contacts: [dana], ourDomains: ['ourco.com'], competitors: [] });
    expect(again).toEqual(s.insights);
  });

  it('signals without words perceive nothing', () => {
    const u = story().add({ kind: 'usage', occurredAt: at(-1), metric: 'active_users', value: 3 });
    expect(u.insights).toMatchObject({ commitments: [], sentiment: 0, question: false });
    const c = story().calendar(at(-1), 'scheduled', 'e1', 'Acme / Ourco sync', at(3), ['dana@acme.com']);
    expect(c.insights).toMatchObject({ commitments: [], buying: [] });
  });

  it('a transcript without emails: speakers matched to contacts by name', () => {
    const s = story().add({ kind: 'meeting', occurredAt: at(-2), title: 'Call', attendees: [], transcript: 'Dana: Honestly, the team is frustrated with the exports.\nSam: Understood, I will fix the export by Tuesday.' });
    expect(s.insights!.sentiment).toBeLessThan(0);
    expect(s.insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', who: 'Sam' })]);
  });
});
