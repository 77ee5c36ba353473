// Uploads of what teams' tools already export: .eml, mbox, WebVTT, SRT, Gong JSON, usage CSV,
// Segment, HubSpot and Salesforce JSON. The format is read from the content.
import { stageOpts, type StageMapConfig } from '../../../agents/signals/parsers/crm-vocabulary.js';
import multipart from '@fastify/multipart';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { detectFormat, parseUpload, unrecognisedReason } from '../../../agents/signals/detect.js';
import { parseMbox } from '../../../agents/signals/parsers/mbox.js';
import { listUnmatched } from '../../../db/queries/unmatched.js';
import { createIngest } from '../../ingest.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { IngestReply, UnmatchedView } from '../../schemas/imports.js';
import { HttpError, badRequest } from '../../errors.js';
import { loadAccount } from '../../load-account.js';
import { assertAdmin } from '../../access.js';
import type { ParseResult } from '../../../agents/signals/parsers/types.js';

export interface ImportOptions { ourDomains: string[]; maxUploadBytes: number; hubspotStageMap?: StageMapConfig }

const imports: FastifyPluginAsyncZod<ImportOptions> = async (app, opts) => {
  await app.register(multipart, { limits: { fileSize: opts.maxUploadBytes, files: 20 } });
  const ingest = createIngest({ db: app.db, temporal: app.temporal, ourDomains: opts.ourDomains, log: app.log });

  /**
   * An error of the multipart stream itself (a cut-off or malformed body, a file over the limit) is
   * the client's, said by name; found by test/fuzz/routes.test.ts, where a body that was not really
   * multipart answered 500 ("Unexpected end of multipart data"). Parser errors are not wrapped.
   */
  const uploadError = (err: unknown, filename?: string): unknown => {
    if (err instanceof HttpError) return err;
    const e = err as { code?: string; statusCode?: number; message?: string } | null;
    if (e?.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(filename);
    if (e?.code === 'FST_FILES_LIMIT') return new HttpError(413, 'file: more than 20 files in one upload', 'file');
    if (e?.statusCode && e.statusCode < 500) return err;
    return badRequest(`not a readable multipart/form-data body (${e?.message ?? String(err)})`, 'file');
  };
  const tooLarge = (filename?: string) => new HttpError(413, `file: ${filename || 'an uploaded file'} is larger than the upload limit of ${opts.maxUploadBytes} bytes; nothing of it was stored`, 'file');
  const read = <T>(p: Promise<T>, filename?: string): Promise<T> => p.catch((err) => { throw uploadError(err, filename); });

  /** A request whose declared size is over the limit is refused before anything is read or stored. */
  const checkSize = (req: FastifyRequest) => {
    const declared = Number(req.headers['content-length']);
    if (declared > opts.maxUploadBytes) throw new HttpError(413, `file: the upload is ${declared} bytes, over the limit of ${opts.maxUploadBytes} bytes; nothing was stored`, 'file');
  };

  /**
   * An mbox is written to a temporary file as it arrives and parsed from there once all of it is in,
   * message by message: an upload that turns out to be over the limit without saying so up front (a
   * chunked request, with no Content-Length) is then a 413 with nothing stored, where it used to
   * commit every 250-message batch read before the limit (found by the pathological-files test).
   */
  async function* spooled(chunks: AsyncIterable<Buffer>, file: { truncated: boolean }, filename: string, parse: (input: Readable) => AsyncGenerator<ParseResult>): AsyncGenerator<ParseResult> {
    const dir = await mkdtemp(join(tmpdir(), 'mbox-upload-'));
    try {
      const path = join(dir, 'upload.mbox');
      await pipeline(Readable.from(chunks), createWriteStream(path));
      // Over the limit, the file stream just ends early (marked truncated); the error would come later.
      if (file.truncated) throw tooLarge(filename);
      yield* parse(createReadStream(path));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Each uploaded file, parsed as it arrives; an mbox is spooled to disk, then streamed message by message. */
  async function* uploads(req: FastifyRequest, accountDomains: string[], formats: string[], fields: Record<string, string>): AsyncGenerator<ParseResult> {
    const parts = req.parts()[Symbol.asyncIterator]();
    for (let p = await read(parts.next()); !p.done; p = await read(parts.next())) {
      const part = p.value;
      if (part.type === 'field') { fields[part.fieldname] = String(part.value); continue; }
      const iterator = part.file[Symbol.asyncIterator]();
      const first = await read(iterator.next(), part.filename);
      const head = first.done ? Buffer.alloc(0) : (first.value as Buffer);
      const format = detectFormat(head, part.filename);
      if (!format) {
        part.file.resume();
        yield { items: [], rejected: [{ position: part.filename || 'file', reason: unrecognisedReason(head) }] }; // the importer's own wording: every format it reads, an empty file said to be empty
        continue;
      }
      formats.push(format);
      const parseOpts = { accountDomains, ourDomains: opts.ourDomains, title: fields.title, occurredAt: fields.occurredAt, ...stageOpts(opts.hubspotStageMap) };
      const rest = async function* () { if (!first.done) yield head; for (let n = await read(iterator.next(), part.filename); !n.done; n = await read(iterator.next(), part.filename)) yield n.value as Buffer; };
      if (format === 'mbox') {
        yield* spooled(rest(), part.file, part.filename, (input) => parseMbox(input, parseOpts));
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const c of rest()) chunks.push(c);
      if (part.file.truncated) throw tooLarge(part.filename);
      yield* parseUpload(Buffer.concat(chunks), format, parseOpts);
    }
  }

  const importSchema = { consumes: ['multipart/form-data'], response: { 200: IngestReply, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] } };

  app.post('/v1/accounts/:id/signals/import', {
    schema: { summary: 'Import files into one account (format detected from content)', params: IdParams, ...importSchema },
  }, async (req) => {
    if (!req.isMultipart()) throw badRequest('send the files as multipart/form-data', 'file');
    const account = await loadAccount(app, req, req.params.id);
    checkSize(req);
    const formats: string[] = [];
    const summary = await ingest(uploads(req, account.domains, formats, {}), { accountId: account.id });
    return { format: formats.join(','), ...summary };
  });

  app.post('/v1/signals/import', {
    schema: { summary: 'Import files routed to accounts by CRM id or email domain; the rest is kept as unmatched', ...importSchema },
  }, async (req) => {
    if (!req.isMultipart()) throw badRequest('send the files as multipart/form-data', 'file');
    assertAdmin(req.user);
    checkSize(req);
    const formats: string[] = [];
    const summary = await ingest(uploads(req, [], formats, {}), {});
    return { format: formats.join(','), ...summary };
  });

  app.get('/v1/unmatched', {
    schema: { summary: 'Signals that matched no account', querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: { 200: z.object({ unmatched: z.array(UnmatchedView) }), ...errorResponses } },
  }, async (req) => {
    assertAdmin(req.user);
    return { unmatched: await listUnmatched(app.db, req.query.limit) };
  });
};
export default imports;
