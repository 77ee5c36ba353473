// Everything held about one account, section by section, as stored (column names as in the schema),
// read in keyset pages so a large account never sits in memory at once. Memory chunks come without
// their embeddings (a vector of the chunk's own text, which is exported). A CSM brief that covers
// several accounts contributes only its parts that cite this account, so an export never carries
// another account's data.
import type { Queryable } from '../connection.js';

export const EXPORT_PAGE = 1000;

interface Section { name: string; sql: string; key: string; keyType: 'text' | 'bigint' }

// $1 account id, $2 the last key of the previous page (null: from the start), $3 page size.
const SECTIONS: Section[] = [
  { name: 'contacts', key: 'id', keyType: 'text', sql: 'select * from contacts where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'contactErasures', key: 'contact_id', keyType: 'text', sql: 'select * from contact_erasures where account_id = $1 and ($2::text is null or contact_id > $2) order by contact_id limit $3' },
  { name: 'signals', key: 'id', keyType: 'text', sql: 'select * from signals where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'memoryChunks', key: 'id', keyType: 'text', sql: 'select id, signal_id, kind, occurred_at, seq, speaker, text from memory_chunks where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'assessments', key: 'id', keyType: 'text', sql: 'select * from assessments where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'recommendations', key: 'id', keyType: 'text', sql: 'select * from recommendations where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'tasks', key: 'id', keyType: 'text', sql: 'select * from tasks where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  { name: 'outbox', key: 'recommendation_id', keyType: 'text', sql: 'select * from outbox where account_id = $1 and ($2::text is null or recommendation_id > $2) order by recommendation_id limit $3' },
  { name: 'questions', key: 'id', keyType: 'text', sql: 'select * from questions where account_id = $1 and ($2::text is null or id > $2) order by id limit $3' },
  {
    name: 'briefs', key: 'id', keyType: 'text', sql: `
    select id, kind, csm_id, as_of, created_at, created_by,
      case when account_id = $1 then content end as content,
      case when account_id is distinct from $1 then array(select jsonb_path_query(content, '$.** ? (@.accountId == $id)', jsonb_build_object('id', $1::text))) end as parts_citing_account
    from briefs
    where (account_id = $1 or jsonb_path_exists(content, '$.** ? (@.accountId == $id)', jsonb_build_object('id', $1::text)))
      and ($2::text is null or id > $2)
    order by id limit $3`,
  },
  {
    name: 'audit', key: 'id', keyType: 'bigint', sql: `
    select * from audit_log
    where (details->>'accountId' = $1 or (entity = 'account' and entity_id = $1)
      or (entity = 'recommendation' and entity_id in (select id from recommendations where account_id = $1)))
      and ($2::bigint is null or id > $2)
    order by id limit $3`,
  },
];

export const EXPORT_SECTIONS = SECTIONS.map((s) => s.name);

/** The account's row as stored (null: no such account). */
export async function exportAccountRow(db: Queryable, accountId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query('select * from accounts where id = $1', [accountId]);
  return rows[0] ?? null;
}

/** Each section's rows, a page at a time (a section with no rows yields no page). */
export async function* exportPages(db: Queryable, accountId: string, pageSize = EXPORT_PAGE): AsyncGenerator<{ section: string; rows: Array<Record<string, unknown>> }> {
  for (const s of SECTIONS) {
    let last: string | number | null = null;
    for (;;) {
      const { rows } = await db.query(s.sql, [accountId, last, pageSize]);
      if (rows.length === 0) break;
      yield { section: s.name, rows };
      if (rows.length < pageSize) break;
      last = rows[rows.length - 1][s.key] as string | number;
    }
  }
}
