// Email as customers' archives have it: clocks that are wrong, HTML-only mail full of entities,
// UTF-8 addresses, mailing-list archives, and reply attributions in other styles and languages.
import { describe, expect, it } from 'vitest';
import { parseEmail, stripQuotedReply } from '../../../agents/signals/parsers/email.js';
import { as, fixture, opts } from './helpers.js';

const email = async (name: string) => {
  const r = await parseEmail(fixture(name), opts);
  expect(r.rejected).toEqual([]);
  return { r, mail: as('email', r.items[0]?.signal) };
};

describe('implausible dates', () => {
  it('a Date far ahead of its receipt falls back to the earliest Received hop, and says so', async () => {
    const { r, mail } = await email('future-date.eml');
    expect(mail.occurredAt).toBe('2026-11-17T09:13:58.000Z');
    expect(mail.dateSource).toBe('received');
    expect(r.warnings).toEqual([{ position: 'message 1', reason: 'Date header "Fri, 20 Nov 2037 09:13:00 +0000" is implausible (after its receipt): the Received time is used' }]);
  });

  it('a Date before 1990 falls back to the mbox envelope when there is no Received header', async () => {
    const raw = 'From: Ana <ana@acmefreight.com>\nTo: sam@ourco.com\nSubject: Old clock\nDate: Thu, 01 Jan 1970 00:00:00 +0000\n\nHello.\n';
    const r = await parseEmail(raw, opts, { envelopeDate: '2026-11-17T08:00:00.000Z' });
    expect(as('email', r.items[0].signal)).toMatchObject({ occurredAt: '2026-11-17T08:00:00.000Z', dateSource: 'envelope' });
    expect(r.warnings?.[0].reason).toMatch(/implausible \(before 1990\): the mbox envelope time is used/);
  });

  it('a plausible Date is kept and not marked', async () => {
    const raw = 'From: Ana <ana@acmefreight.com>\nTo: sam@ourco.com\nSubject: Fine\nDate: Tue, 17 Nov 2026 09:00:00 +0000\nReceived: from a by b; Tue, 17 Nov 2026 09:00:05 +0000\n\nHello.\n';
    const r = await parseEmail(raw, opts);
    expect(as('email', r.items[0].signal).occurredAt).toBe('2026-11-17T09:00:00.000Z');
    expect(as('email', r.items[0].signal).dateSource).toBeUndefined();
    expect(r.warnings ?? []).toEqual([]);
  });
});

describe('HTML-only mail', () => {
  it('decodes every named and numeric entity, keeps links readable and lists and tables in order', async () => {
    const { mail } = await email('html-entities.eml');
    expect(mail.from).toEqual({ email: 'joerg@acmefreight.com', name: 'Jörg Straßer' });
    expect(mail.text).toContain('Grüße aus München – die Preise für 2027 liegen bei 12 € & mehr…');
    expect(mail.text).toContain('unsere Preisliste [https://acmefreight.com/preise]');
    expect(mail.text).toMatch(/Lizenz – 40 Plätze\n.*Support — Premium/);
    expect(mail.text).toMatch(/Posten\s+Betrag\nLizenz\s+4\.800 €/);
    expect(mail.text).not.toMatch(/&[a-z]+;|&#|color: red/);
  });
});

describe('senders', () => {
  it('accepts an RFC 6532 UTF-8 address', async () => {
    const { mail } = await email('utf8-address.eml');
    expect(mail.from).toEqual({ email: 'jörg@acmefreight.com', name: 'Jörg Müller' });
    expect(mail.direction).toBe('inbound');
  });

  it('reads "user at domain" from a mailing-list archive as an address', async () => {
    const { mail } = await email('list-archive.eml');
    expect(mail.from).toEqual({ email: 'ana@acmefreight.com', name: 'Ana Ruiz' });
    expect(mail.to).toEqual([{ email: 'users@lists.ourco.com' }]);
    expect(mail.direction).toBe('inbound');
  });
});

describe('reply attributions in other styles', () => {
  const cases: Array<[string, string]> = [
    ['de', 'Am 16.11.2026 um 10:00 schrieb Sam Patel <sam@ourco.com>:'],
    ['fr', 'Le lun. 16 nov. 2026 à 10:00, Sam Patel <sam@ourco.com> a écrit :'],
    ['es', 'El lun, 16 nov 2026 a las 10:00, Sam Patel (<sam@ourco.com>) escribió:'],
    ['nl', 'Op ma 16 nov. 2026 om 10:00 schreef Sam Patel <sam@ourco.com>:'],
    ['pt', 'Em seg., 16 de nov. de 2026 às 10:00, Sam Patel <sam@ourco.com> escreveu:'],
    ['sv', 'Den mån 16 nov. 2026 kl 10:00 skrev Sam Patel <sam@ourco.com>:'],
    ['yahoo', '--- On Mon, 11/16/26, Sam Patel <sam@ourco.com> wrote:'],
    ['mutt', '* Sam Patel <sam@ourco.com> [2026-11-16 10:00:00 +0000]:'],
  ];
  for (const [style, attribution] of cases) {
    it(`${style}: the attribution and its quote go, the new text stays`, () => {
      const body = `Passt, danke.\n\n${attribution}\n> Können wir am Donnerstag starten?\n> Gruß, Sam\n`;
      expect(stripQuotedReply(body)).toBe('Passt, danke.');
    });
  }

  it('a Yahoo attribution over unquoted history ends the new text', () => {
    const body = 'Works for me.\n\n--- On Mon, 11/16/26, Sam Patel <sam@ourco.com> wrote:\n\nFrom: Sam Patel <sam@ourco.com>\nSubject: Kickoff\nCan we start Thursday?\n';
    expect(stripQuotedReply(body)).toBe('Works for me.');
  });
});
