// mbox archives as Netscape wrote them (a class found by running the importer over MimeKit's mbox
// test files): "From - " envelope lines with no sender and often no date, no blank line before them,
// and Content-Length headers that do not measure the body. Every message must come out on its own,
// never swallowed into the text of the one before.
import { describe, expect, it } from 'vitest';
import { parseMbox } from '../../../agents/signals/parsers/mbox.js';
import { as, collect } from './helpers.js';

const message = (n: number, length: number) => [
  `Message-ID: <ns-${n}@ledgerly.example>`, `Date: Mon, 0${n} Mar 2026 10:00:00 +0000`, `From: Rae Okafor <rae@ledgerly.example>`,
  'To: ops@ourco.com', `Subject: Update ${n}`, 'X-Mozilla-Status: 0001', `Content-Length: ${length}`, '', `Status of item ${n} is green.`, '-- ', 'Rae',
].join('\n');

describe('Netscape mbox', () => {
  it('splits on "From - " lines with no blank line before them, whatever Content-Length says', async () => {
    const mbox = ['From - ', message(1, 12), 'From - Tue Mar  3 10:00:00 2026', message(2, 900), 'From - ', message(3, 35), ''].join('\n');
    const results = await collect(parseMbox(Buffer.from(mbox)));
    const mails = results.flatMap((r) => r.items).map((i) => as('email', i.signal));
    expect(results.flatMap((r) => r.rejected)).toEqual([]);
    expect(mails.map((m) => m.subject)).toEqual(['Update 1', 'Update 2', 'Update 3']);
    expect(mails[0].text).not.toContain('Update 2');
  });

  it('splits where a header follows; a "From " line in a body that no header follows stays text', async () => {
    const netscape = ['From - ', message(1, 12), 'From - ', message(2, 12), ''].join('\n');
    expect((await collect(parseMbox(Buffer.from(netscape)))).flatMap((r) => r.items)).toHaveLength(2);
    const body = ['From rae@ledgerly.example Mon Mar  2 10:00:00 2026', message(1, 0).replace('Status of item 1 is green.', 'Quoting the log:\nFrom - Mon Mar  2 09:00:00 2026\nnothing new'), ''].join('\n');
    const mails = (await collect(parseMbox(Buffer.from(body)))).flatMap((r) => r.items).map((i) => as('email', i.signal));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('From - Mon Mar  2 09:00:00 2026');
  });
});
