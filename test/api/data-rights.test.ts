// Data rights over HTTP with real Temporal: erase a contact (their data leaves contacts, signals,
// memory and derived records; the agent reassesses without them; the audit log says who, when and
// which contact, never what was erased), export an account (everything held, streamed in pages,
// scoped like every account route), and retention (old signals purged with their memory, by the
// timer, the function and `npm run purge`, counted in the audit log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { withTransaction } from '../../db/tx.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { REDACTED_EMAIL, REDACTED_TEXT, makeMatcher, makeRedactor, redactPayload } from '../../db/queries/erasure.js';
import { EXPORT_SECTIONS } from '../../db/queries/export.js';
import { purgeExpired, startRetention } from '../../workflows/retention.js';
import { purgeSignalsBefore } from '../../db/queries/retention.js';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { loadConfig } from '../../config.js';

let stack: Stack;
const run = randomUUID().slice(0, 6);
const ids = { rep: `dr-rep-${run}`, rep2: `dr-rep2-${run}`, csm: `dr-csm-${run}`, manager: `dr-mgr-${run}` };
const tokens: Record<string, string> = {};
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const q = async (sql: string, params: unknown[] = []) => (await stack.database.pool.query(sql, params)).rows;

// Dana is erased; Li stays. Dana's words appear in her own signals and quoted in Li's.
const DANA = { email: 'dana.reyes@harbourline.example', name: 'Dana Reyes' };
const LI = { email: 'li.chen@harbourline.example', name: 'Li Chen' };
const DANA_WORDS = 'Our security review flagged the single sign-on pricing as a blocker for the rollout.';

async function settled(accountId: string, since = 0): Promise<void> {
  await eventually(async () => {
    const [p] = await q(`select count(*) filter (where status = 'pending')::int as pending, count(*)::int as total from signals where account_id = $1`, [accountId]);
    const [a] = await q('select max(created_at) as at from assessments where account_id = $1', [accountId]);
    return p.pending === 0 && p.total > 0 && a.at && Date.parse(a.at) > since;
  }, 90_000, 200);
}

beforeAll(async () => {
  stack = await startTestStack();
  const user = async (id: string, role: string, managerId?: string) => {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id, name: id, role, ...(managerId ? { managerId } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
    tokens[id] = (res.json() as { token: string }).token;
  };
  await user(ids.manager, 'manager');
  await user(ids.rep, 'rep', ids.manager);
  await user(ids.rep2, 'rep');
  await user(ids.csm, 'csm', ids.manager);
}, 120_000);
afterAll(async () => { await stack?.stop(); });

describe('redaction (pure)', () => {
  it('takes the person out of what they sent, and their address, name and words out of what others sent', () => {
    const redact = makeRedactor(DANA, [DANA_WORDS]);
    const theirs = redactPayload('email', { from: DANA, to: [{ email: 'sam@ourco.com' }], cc: [], subject: 'SSO', text: DANA_WORDS, threadId: 't1' }, DANA, redact);
    expect(theirs).toMatchObject({ from: { email: REDACTED_EMAIL }, subject: '[redacted]', text: REDACTED_TEXT, threadId: 't1', redacted: true, to: [{ email: 'sam@ourco.com' }] });
    const quoting = redactPayload('email', { from: LI, to: [DANA], cc: [], subject: 'Re: SSO', text: `Thanks Dana, agreed.\n\nOn Monday Dana Reyes <${DANA.email.toUpperCase()}> wrote:\n> ${DANA_WORDS.slice(0, DANA_WORDS.indexOf(' ', 40))}\n> ${DANA_WORDS.slice(DANA_WORDS.indexOf(' ', 40) + 1)}` }, DANA, redact);
    const text = String(quoting.text);
    expect(JSON.stringify(quoting)).not.toMatch(/dana|reyes|security review/i);
    expect(text).toContain('Thanks [redacted], agreed.');
    expect(quoting.from).toEqual(LI);
    const meeting = redactPayload('meeting', { title: 'Sync', attendees: [DANA, LI], transcript: [{ speaker: 'Dana Reyes', text: 'We need SSO.' }, { speaker: 'Li Chen', text: 'Dana is right.' }] }, DANA, redact);
    expect(meeting.transcript).toEqual([{ speaker: '[redacted]', text: REDACTED_TEXT }, { speaker: 'Li Chen', text: '[redacted] is right.' }]);
    // The matcher that picks rows to rewrite finds a re-wrapped quote and ignores unrelated text.
    const mentions = makeMatcher(DANA, [DANA_WORDS]);
    expect(mentions({ text: `See below.\n> Our security review flagged the\n>   single sign-on pricing` })).toBe(true);
    expect(mentions([{ speaker: 'Li Chen', text: 'Nothing about the person here at all.' }])).toBe(false);
    expect(mentions({ cc: [{ email: DANA.email.toUpperCase() }] })).toBe(true);
    // A word that merely contains a name part is left alone; the name is matched as a word.
    expect(makeRedactor({ email: 'al@x.example', name: 'Ann Marsh' })('Marshall met Ann in the marshes')).toBe('Marshall met [redacted] in the marshes');
  });
});

describe('DELETE /v1/contacts/:id', () => {
  const account = `dr-acct-${run}`;
  let danaId = '';
  let liId = '';

  beforeAll(async () => {
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id: account, name: 'Harbourline', domains: ['harbourline.example'], stage: 'negotiation', ownerId: ids.rep, csmId: ids.csm,
      contacts: [{ ...DANA, role: 'champion' }, { ...LI, role: 'technical_evaluator' }],
    } });
    expect(created.statusCode, created.body).toBe(201);
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${account}/signals`, headers: auth, payload: { signals: [
      { kind: 'email', occurredAt: at(6), externalId: `${run}-1`, source: 'gmail', from: DANA, to: [{ email: 'rep@ourco.com', name: 'Rep' }], subject: 'SSO pricing', text: `${DANA_WORDS}\nCan you send the revised quote by Friday?`, threadId: 'sso' },
      { kind: 'email', occurredAt: at(5), externalId: `${run}-2`, source: 'gmail', from: LI, to: [{ email: 'rep@ourco.com', name: 'Rep' }], cc: [DANA], subject: 'Re: SSO pricing', text: `Adding my notes. Dana owns the budget.\n\nOn Tuesday, Dana Reyes <${DANA.email}> wrote:\n> ${DANA_WORDS}`, threadId: 'sso' },
      { kind: 'meeting', occurredAt: at(4), externalId: `${run}-3`, source: 'gong', title: 'Harbourline pricing call', attendees: [DANA, LI], transcript: [
        { speaker: 'Dana Reyes', text: 'Honestly the single sign-on surcharge is what worries our finance team most.' },
        { speaker: 'Li Chen', text: 'From the technical side the integration went well, the pilot users are happy.' },
      ] },
      { kind: 'chat', occurredAt: at(3), externalId: `${run}-4`, source: 'slack', channel: 'C-harbour', author: DANA, text: 'Any update on the pricing? Finance meets on Thursday.' },
      { kind: 'note', occurredAt: at(2), externalId: `${run}-5`, source: 'crm', text: 'Li Chen confirmed the pilot went well; usage is steady.' },
    ] } });
    expect(posted.statusCode, posted.body).toBe(202);
    await settled(account);
    const contacts = await q('select id, email from contacts where account_id = $1', [account]);
    danaId = contacts.find((c) => c.email === DANA.email)!.id;
    liId = contacts.find((c) => c.email === LI.email)!.id;
    // Her words are in memory before the erasure (so their absence afterwards means something).
    expect((await q(`select count(*)::int as n from memory_chunks where account_id = $1 and text ilike '%single sign-on%'`, [account]))[0].n).toBeGreaterThan(0);
  }, 150_000);

  it('is refused outside the caller\'s scope (404), for an unknown id (404), and to a CSM who only covers the account (403)', async () => {
    expect((await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}`, headers: bearer(tokens[ids.rep2]) })).statusCode).toBe(404);
    expect((await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${randomUUID()}`, headers: auth })).statusCode).toBe(404);
    expect((await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}` })).statusCode).toBe(401);
    const csm = await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}`, headers: bearer(tokens[ids.csm]) });
    expect(csm.statusCode).toBe(403);
    expect((await q('select count(*)::int as n from contacts where id = $1', [danaId]))[0].n).toBe(1);
  });

  it("erases the contact: contacts, signals, memory and derived records lose her; the agent reassesses without her; the audit says who and when only", async () => {
    const before = await q('select id, kind, occurred_at, direction from signals where account_id = $1 order by occurred_at', [account]);
    const erasedAt = Date.now();
    const started = performance.now();
    const res = await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}`, headers: bearer(tokens[ids.rep]) });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ contactId: danaId, accountId: account, erasedBy: ids.rep, alreadyErased: false });
    expect(body.signalsRedacted).toBe(4);
    expect(body.chunksDeleted).toBeGreaterThan(0);
    console.log(`erasure: ${body.signalsRedacted} signals redacted, ${body.chunksDeleted} chunks deleted, ${body.recordsScrubbed} records scrubbed in ${ms.toFixed(0)} ms`);

    // The account is assessed again after the erasure, from the redacted signals.
    await settled(account, erasedAt);
    const pii = /dana|reyes|single sign-on pricing as a blocker|single sign-on surcharge|finance meets on thursday/i;
    const everywhere = async () => {
      const out: Record<string, string> = {};
      for (const [name, sql] of Object.entries({
        contacts: 'select * from contacts where account_id = $1',
        signals: 'select payload, insights from signals where account_id = $1',
        memory: 'select speaker, text from memory_chunks where account_id = $1',
        assessments: 'select factors, opportunities from assessments where account_id = $1',
        recommendations: 'select title, rationale, target, evidence, draft from recommendations where account_id = $1',
        audit: 'select * from audit_log',
      })) out[name] = JSON.stringify(await q(sql, name === 'audit' ? [] : [account]));
      return out;
    };
    for (const [where, text] of Object.entries(await everywhere())) expect(text, where).not.toMatch(pii);

    // Every signal is still there with its time, kind and direction (the timeline keeps its shape).
    const after = await q('select id, kind, occurred_at, direction, payload from signals where account_id = $1 order by occurred_at', [account]);
    expect(after.map(({ payload: _p, ...r }) => r)).toEqual(before);
    const sent = after.find((s) => s.payload.threadId === 'sso' && s.payload.subject === '[redacted]')!;
    expect(sent.payload).toMatchObject({ from: { email: REDACTED_EMAIL }, text: REDACTED_TEXT, redacted: true });
    const li = after.find((s) => s.payload.from?.email === LI.email)!;
    expect(li.payload.text).toContain('Adding my notes. [redacted] owns the budget.');
    expect(li.payload.cc).toEqual([{ email: REDACTED_EMAIL, name: '[redacted]' }]);
    // Li's own words and memory are untouched.
    expect((await q(`select count(*)::int as n from memory_chunks where account_id = $1 and text ilike '%pilot users are happy%'`, [account]))[0].n).toBeGreaterThan(0);
    const contacts = await q('select email from contacts where account_id = $1', [account]);
    expect(contacts.map((c) => c.email)).toEqual([LI.email]);
    expect((await q('select count(*)::int as n from contacts where id = $1', [liId]))[0].n).toBe(1);

    const [entry] = await q(`select * from audit_log where action = 'contact.erase' and entity_id = $1`, [danaId]);
    expect(entry).toMatchObject({ actor: ids.rep, entity: 'contact' });
    expect(entry.details).toMatchObject({ accountId: account, signalsRedacted: 4 });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(erasedAt - 1000);
  }, 150_000);

  it('is idempotent: erasing again answers the first erasure and changes nothing', async () => {
    const first = await q('select * from contact_erasures where contact_id = $1', [danaId]);
    const again = await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}`, headers: bearer(tokens[ids.manager]) });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ contactId: danaId, alreadyErased: true, erasedBy: ids.rep, erasedAt: first[0].erased_at });
    expect((await q(`select count(*)::int as n from audit_log where action = 'contact.erase' and entity_id = $1`, [danaId]))[0].n).toBe(1);
    // Still 404 for someone who may not see the account, erased or not.
    expect((await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${danaId}`, headers: bearer(tokens[ids.rep2]) })).statusCode).toBe(404);
  });

  it('exports the account in scope, without the erased person, with every section', async () => {
    expect((await stack.app.inject({ method: 'GET', url: `/v1/accounts/${account}/export`, headers: bearer(tokens[ids.rep2]) })).statusCode).toBe(404);
    const res = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${account}/export`, headers: bearer(tokens[ids.csm]) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = res.json() as Record<string, unknown> & { account: { id: string } };
    expect(doc.account.id).toBe(account);
    for (const s of EXPORT_SECTIONS) expect(Array.isArray(doc[s]), s).toBe(true);
    expect((doc.signals as unknown[]).length).toBe(5);
    expect((doc.contacts as Array<{ email: string }>).map((c) => c.email)).toEqual([LI.email]);
    expect(doc.contactErasures).toEqual([expect.objectContaining({ contact_id: danaId, erased_by: ids.rep })]);
    expect((doc.memoryChunks as unknown[]).length).toBeGreaterThan(0);
    expect((doc.assessments as unknown[]).length).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/embedding/);
    expect(res.body).not.toMatch(/dana|reyes/i);
    expect((doc.audit as Array<{ action: string }>).map((a) => a.action)).toContain('contact.erase');
  });
});

describe('a large account', () => {
  // DATA_RIGHTS_SIGNALS=20000 for a bigger run (figures printed, not asserted; RELIABILITY.md).
  const n = Number(process.env.DATA_RIGHTS_SIGNALS ?? 2500);
  const big = uniqueId('dr-big');
  const person = { email: 'noor.haddad@big.example', name: 'Noor Haddad' };

  beforeAll(async () => {
    const other = uniqueId('dr-other');
    await withTransaction(stack.database.pool, async (tx) => {
      for (const id of [big, other]) await insertAccount(tx, { id, name: id, domains: [`${id}.example`], stage: 'customer', settings: {} });
      await tx.query('insert into contacts (account_id, email, name) values ($1, $2, $3)', [big, person.email, person.name]);
      const at = Date.now() - 86_400_000;
      // One signal in ten is hers (an email she sent); one in ten names her in a note; the rest are about others.
      await insertSignals(tx, big, Array.from({ length: n }, (_, i) => {
        const occurredAt = new Date(at + i * 1000).toISOString();
        if (i % 10 === 0) return { kind: 'email' as const, occurredAt, externalId: `big-${i}`, source: 'gmail', from: person, to: [{ email: 'rep@ourco.com' }], cc: [], subject: `Update ${i}`, text: `Status update number ${i} from the regional rollout team.` };
        if (i % 10 === 1) return { kind: 'note' as const, occurredAt, externalId: `big-${i}`, source: 'crm', text: `Call with Noor Haddad about item ${i}.` };
        return { kind: 'note' as const, occurredAt, externalId: `big-${i}`, source: 'crm', text: `note ${i}` };
      }));
      await insertSignals(tx, other, [{ kind: 'note', occurredAt: new Date(at).toISOString(), externalId: 'other-0', source: 'crm', text: 'belongs to another account' }]);
      // Processed already: these tests are about the data rights, not the agent.
      await tx.query(`update signals set status = 'processed', processed_at = now() where account_id = any($1)`, [[big, other]]);
    });
  }, 120_000);

  it('export pages through thousands of signals and keeps other accounts out', async () => {
    const started = performance.now();
    const res = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${big}/export`, headers: auth });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { signals: Array<{ external_id: string; account_id: string }> };
    expect(doc.signals).toHaveLength(n);
    expect(new Set(doc.signals.map((s) => s.external_id)).size).toBe(n);
    expect(doc.signals.every((s) => s.account_id === big)).toBe(true);
    expect(res.body).not.toContain('belongs to another account');
    console.log(`export: ${n} signals, ${(res.body.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
  }, 120_000);

  it('erasure redacts every signal that is hers or names her, and no other', async () => {
    const [{ id }] = await q('select id from contacts where account_id = $1', [big]);
    const started = performance.now();
    const res = await stack.app.inject({ method: 'DELETE', url: `/v1/contacts/${id}`, headers: auth });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signalsRedacted).toBe(Math.ceil(n / 10) + Math.ceil((n - 1) / 10));
    expect((await q(`select count(*)::int as n from signals where account_id = $1 and payload::text ~* 'noor|haddad'`, [big]))[0].n).toBe(0);
    expect((await q(`select count(*)::int as n from signals where account_id = $1 and payload->>'text' ~ '^note [0-9]+$'`, [big]))[0].n).toBe(n - Math.ceil(n / 10) - Math.ceil((n - 1) / 10));
    console.log(`erasure on a ${n}-signal account: ${res.json().signalsRedacted} signals redacted in ${ms.toFixed(0)} ms`);
  }, 300_000);
});

describe('retention', () => {
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

  it('RETENTION_DAYS is off unless set, and must be at least one day', () => {
    expect(loadConfig({}).retention.days).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '365' }).retention).toEqual({ days: 365, intervalMs: 3_600_000 });
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
  });

  it('purges signals older than the period with their memory chunks, keeps the rest, and audits the counts', async () => {
    const id = uniqueId('dr-ret');
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, name: 'Retained', domains: [`${id}.example`], stage: 'customer', ownerId: ids.rep } });
    expect(created.statusCode, created.body).toBe(201);
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals: [
      { kind: 'note', occurredAt: at(500), externalId: 'old-1', source: 'crm', text: 'An old note from the first year of the contract, kept far too long.' },
      { kind: 'note', occurredAt: at(400), externalId: 'old-2', source: 'crm', text: 'Another old note about the original onboarding project.' },
      { kind: 'note', occurredAt: at(10), externalId: 'new-1', source: 'crm', text: 'A recent note: the renewal conversation starts next month.' },
    ] } });
    expect(posted.statusCode, posted.body).toBe(202);
    await settled(id);
    const chunksBefore = await q('select s.external_id, count(*)::int as n from memory_chunks m join signals s on s.id = m.signal_id where m.account_id = $1 group by 1', [id]);
    expect(chunksBefore.map((r) => r.external_id).sort()).toEqual(['new-1', 'old-1', 'old-2']);

    // The scheduled job runs at start: one pass of it.
    const retention = startRetention({ db: stack.database.pool, days: 365, intervalMs: 3_600_000 });
    await retention.stop();
    const left = await q('select external_id from signals where account_id = $1', [id]);
    expect(left.map((r) => r.external_id)).toEqual(['new-1']);
    const chunks = await q('select s.external_id from memory_chunks m join signals s on s.id = m.signal_id where m.account_id = $1', [id]);
    expect(new Set(chunks.map((r) => r.external_id))).toEqual(new Set(['new-1']));
    expect((await q(`select count(*)::int as n from memory_chunks where account_id = $1 and text ilike '%old note%'`, [id]))[0].n).toBe(0);
    const [entry] = await q(`select * from audit_log where action = 'retention.purge' order by id desc limit 1`);
    expect(entry.actor).toBe('retention');
    expect(entry.details.signalsPurged).toBeGreaterThanOrEqual(2);
    expect(entry.details.chunksPurged).toBeGreaterThanOrEqual(chunksBefore.filter((r) => r.external_id !== 'new-1').reduce((s, r) => s + r.n, 0));

    // Nothing older is left: a second purge deletes nothing and, run by the timer, writes no entry.
    const again = await purgeExpired(stack.database.pool, 365);
    expect(again.signalsPurged).toBe(0);
    expect((await q(`select count(*)::int as n from audit_log where action = 'retention.purge'`))[0].n).toBe(1);
  }, 150_000);

  it('npm run purge does the same on demand against a data folder, and says how many', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'purge-cli-'));
    try {
      const db = await openDatabase({ dataDir: dir });
      await migrate(db.pool);
      await insertAccount(db.pool, { id: 'cli-acct', name: 'CLI', domains: [], stage: 'customer', settings: {} });
      await insertSignals(db.pool, 'cli-acct', [
        { kind: 'note', occurredAt: at(40), externalId: 'a', source: 'crm', text: 'old' },
        { kind: 'note', occurredAt: at(35), externalId: 'b', source: 'crm', text: 'old' },
        { kind: 'note', occurredAt: at(1), externalId: 'c', source: 'crm', text: 'new' },
      ]);
      await db.close();
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'purge', '--', '--days', '30'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', RETENTION_DAYS: '' }, timeout: 120_000 });
      expect(stdout).toMatch(/purged 2 signals and 0 memory chunks/);
      const reopened = await openDatabase({ dataDir: dir });
      try {
        expect((await reopened.pool.query('select external_id from signals')).rows.map((r) => r.external_id)).toEqual(['c']);
        const audit = (await reopened.pool.query(`select actor, details from audit_log where action = 'retention.purge'`)).rows;
        expect(audit).toEqual([{ actor: 'npm run purge', details: expect.objectContaining({ signalsPurged: 2 }) }]);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('retention at scale (last: it purges everything this file stored)', () => {
  it('deletes every signal before the cutoff with its chunks, in batches, and counts them', async () => {
    const [before] = await q('select (select count(*)::int from signals) as signals, (select count(*)::int from memory_chunks) as chunks');
    const started = performance.now();
    const r = await purgeSignalsBefore(stack.database.pool, new Date(Date.now() + 86_400_000));
    const ms = performance.now() - started;
    expect(r.signalsPurged).toBe(before.signals);
    expect(r.chunksPurged).toBe(before.chunks);
    expect((await q('select count(*)::int as n from signals'))[0].n).toBe(0);
    console.log(`retention: ${r.signalsPurged} signals and ${r.chunksPurged} chunks purged in ${ms.toFixed(0)} ms`);
  }, 300_000);
});
