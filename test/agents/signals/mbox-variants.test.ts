// mbox variants seen in customers' exports: bare "From " separators, mboxrd quoting, and
// mboxcl/mboxcl2 bodies measured by Content-Length.
import { describe, expect, it } from 'vitest';
import { parseMbox, splitMbox } from '../../../agents/signals/parsers/mbox.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as, collect, fixture, opts } from './helpers.js';

const emails = async (name: string) => (await collect(parseMbox(fixture(name), opts))).flatMap((r) => r.items.map((i) => as('email', i.signal)));

describe('mbox variants', () => {
  it('splits on bare "From " separator lines, and not on a body line that only starts with "From "', async () => {
    expect(detectFormat(fixture('bare-from.mbox'))).toBe('mbox');
    const mails = await emails('bare-from.mbox');
    expect(mails.map((m) => m.externalId)).toEqual(['<bare-1@acmefreight.com>', '<bare-2@acmefreight.com>', '<bare-3@acmefreight.com>']);
    expect(mails[0].text).toBe('First note.\n\nFrom here on we pay quarterly.');
    // mboxrd: one level of ">" quoting is removed from a ">>From " line.
    expect(mails[1].text).toBe('Second note.');
    const raw = (await collect(splitMbox(fixture('bare-from.mbox'))))[1].raw.toString('latin1');
    expect(raw).toContain('\nSecond note.\n>From the old thread, quoted twice.');
    expect(mails[2].text).toBe('Third note.');
  });

  it('keeps an envelope-like line inside a body measured by Content-Length', async () => {
    const mails = await emails('content-length.mbox');
    expect(mails.map((m) => m.externalId)).toEqual(['<cl-1@acmefreight.com>', '<cl-2@acmefreight.com>']);
    expect(mails[0].text).toContain('From ops@acmefreight.com Tue Nov 17 09:00:00 2026\nThe export ran twice.');
    expect(mails[1].text).toBe('Second message.');
  });
});
