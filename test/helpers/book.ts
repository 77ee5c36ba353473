// A full book written straight to the database, for measuring the web app at the size the issue
// names (1,000 accounts, 5,000 open recommendations): accounts owned by one rep with scores spread
// over every level, five past assessments each (the sparklines), and open email follow-ups spread
// over the accounts. Names are 'Book account 0001' onwards, so a sort by name has a known first row.
import type { Queryable } from '../../db/connection.js';

export async function seedBook(db: Queryable, opts: { accounts: number; recommendations: number; ownerId: string }): Promise<void> {
  const { accounts, recommendations, ownerId } = opts;
  await db.query(`
    insert into accounts (id, name, domains, stage, arr, renewal_date, owner_id, risk_score, risk_level, last_assessed_at)
    select 'book-' || i, 'Book account ' || lpad(i::text, greatest(4, length($1::text)), '0'), array['book' || i || '.example'],
      (array['discovery','proposal','negotiation','customer'])[1 + i % 4], 10000 + i * 100,
      now() + (i % 365) * interval '1 day', $2, s, case when s >= 75 then 'critical' when s >= 50 then 'high' when s >= 25 then 'medium' else 'low' end, now()
    from generate_series(1, $1::int) i, lateral (select (i * 37) % 100 as s) x`, [accounts, ownerId]);
  await db.query(`
    insert into assessments (account_id, run_key, as_of, score, level, factors, opportunities, reasoner)
    select 'book-' || i, 'book-run-' || i || '-' || k, now() - k * interval '1 day', (i * 37 + k * 7) % 100, 'medium', '[]', '[]', 'rules'
    from generate_series(1, $1::int) i, generate_series(0, 4) k`, [accounts]);
  await db.query(`
    insert into recommendations (account_id, kind, target, title, rationale, evidence, priority, due_at, draft, factors)
    select 'book-' || (1 + j % $1::int), 'follow_up', 'contact' || j || '@example.com', 'Follow up with contact ' || j,
      'No reply in 6 days to the proposal; a short, specific follow-up now beats a check-in next week.',
      '[{"signalId":"none","excerpt":"Proposal attached","occurredAt":"2026-11-20T10:00:00Z"}]', (j * 13) % 100, now() + (j % 9) * interval '1 day',
      json_build_object('channel','email','to',json_build_array('contact' || j || '@example.com'),'subject','Re: Proposal','body','Hi, did the proposal reach you?')::jsonb,
      array['silence']
    from generate_series(1, $2::int) j`, [accounts, recommendations]);
}
