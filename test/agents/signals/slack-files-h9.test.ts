// A file shared in Slack without a comment (found by running the importer over another project's
// export fixtures): Slack writes it as a message with an empty text and a `files` list. It was left
// out without a word; it is the customer sending something, so it is kept, naming the files.
import { describe, expect, it } from 'vitest';
import { parseSlackExport, type ExportFiles } from '../../../agents/signals/parsers/slack-export.js';
import { parseSlackEvent } from '../../../agents/signals/parsers/slack-events.js';
import { as } from './helpers.js';

const enc = (v: unknown) => Buffer.from(JSON.stringify(v));
const users = [{ id: 'U7ODILE', name: 'odile', profile: { real_name: 'Odile Marchetti', email: 'odile@lumenport.example' } }];
const fileMsg = (ts: string, files: unknown[], text = '') => ({ type: 'message', user: 'U7ODILE', ts, text, files });

describe('Slack: files shared without a comment', () => {
  it('an export keeps them, naming the files; a message with neither text nor files is still left out', () => {
    const files: ExportFiles = new Map([
      ['users.json', enc(users)],
      ['channels.json', enc([{ id: 'C0LUMEN', name: 'lumenport-shared' }])],
      ['lumenport-shared/2026-02-10.json', enc([
        fileMsg('1770710400.000100', [{ id: 'F1', name: 'msa-redline.docx', title: 'MSA redline v3' }]),
        fileMsg('1770710460.000200', [{ id: 'F2', name: 'a.png' }, { id: 'F3', name: 'b.png', title: '' }]),
        fileMsg('1770710520.000300', []),
        fileMsg('1770710580.000400', [{ id: 'F4', name: 'order-form.pdf' }], 'Signed copy attached'),
      ])],
    ]);
    const r = parseSlackExport(files);
    expect(r.rejected).toEqual([]);
    expect(r.items.map((i) => as('chat', i.signal).text)).toEqual(['Shared a file: MSA redline v3', 'Shared 2 files: a.png, b.png', 'Signed copy attached']);
    expect(as('chat', r.items[0].signal).author).toEqual({ name: 'Odile Marchetti', email: 'odile@lumenport.example' });
  });

  it('an Events API message with only a file is stored the same way', () => {
    const body = { type: 'event_callback', event_id: 'Ev0FILE', event: { channel: 'C0LUMEN', ...fileMsg('1770710400.000100', [{ name: 'pricing-questions.xlsx' }]) } };
    const d = parseSlackEvent(body, new Map());
    if (d.kind !== 'event') throw new Error('expected an event');
    expect(d.result.items.map((i) => as('chat', i.signal).text)).toEqual(['Shared a file: pricing-questions.xlsx']);
  });
});
