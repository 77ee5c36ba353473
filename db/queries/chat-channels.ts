// Which account a chat channel belongs to: named in an account's settings.slackChannels (by id,
// "#name" or name), else the one account whose name or email domain's first label is in the
// channel's name as whole words ("ext-brightwell-health", "acme-shared"). Two candidates: none.
import type { Queryable } from '../connection.js';

const BY_SETTING = `select id from accounts where settings->'slackChannels' ?| $1::text[] order by created_at limit 1`;
const BY_NAME = `
  select id from accounts a
  where position('-' || btrim(regexp_replace(lower(a.name), '[^a-z0-9]+', '-', 'g'), '-') || '-' in $1) > 0
     or exists (select 1 from unnest(a.domains) d where length(split_part(d, '.', 1)) >= 3 and position('-' || split_part(lower(d), '.', 1) || '-' in $1) > 0)
  order by created_at limit 2`;

export async function findAccountByChannel(db: Queryable, channel: { id?: string; name?: string }): Promise<string | null> {
  const name = channel.name?.replace(/^#/, '');
  const keys = [channel.id, name, name ? `#${name}` : undefined].filter((k): k is string => Boolean(k));
  if (!keys.length) return null;
  const configured = await db.query(BY_SETTING, [keys]);
  if (configured.rows[0]) return String(configured.rows[0].id);
  if (!name) return null;
  const tokens = `-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-`;
  const { rows } = await db.query(BY_NAME, [tokens]);
  return rows.length === 1 ? String(rows[0].id) : null;
}
