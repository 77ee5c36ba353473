// A real SMTP listener on loopback (smtp-server) that keeps every message it accepts, raw and parsed,
// for tests of what the product sends.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  /** The SMTP envelope: who the client said it was from and to. */
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
  /** Header values as sent (lower-case names). */
  header(name: string): string | undefined;
}

export interface TestSmtp {
  url: string;
  port: number;
  messages: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * Starts a listener on 127.0.0.1 (any free port unless `port` is given); no TLS, no auth.
 * `acceptDelayMs`: a slow server, which holds each message that long before accepting it (and
 * `onMessage` is told the moment it has the whole message, before its reply).
 */
export async function startTestSmtp(opts: { port?: number; acceptDelayMs?: number; onMessage?: (raw: string) => void } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    // No reverse DNS of the client: offline, each lookup would wait for its timeout.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        opts.onMessage?.(raw);
        const held = new Promise((r) => setTimeout(r, opts.acceptDelayMs ?? 0));
        held.then(() => simpleParser(raw)).then((parsed) => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          messages.push({ envelope, raw, parsed, header: (name) => headerOf(raw, name) });
          callback();
        }, (err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`, port, messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One header's unfolded value from the raw message's header block. */
function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** A closed loopback port: connecting to it is refused at once (an SMTP server that is down). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
