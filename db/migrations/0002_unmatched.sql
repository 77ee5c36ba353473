-- Webhook and import items that match no account are kept, not dropped, until someone routes them.
create table unmatched_signals (
  id          text primary key default gen_random_uuid()::text,
  source      text not null,
  external_id text,
  payload     jsonb not null,
  route       jsonb not null default '{}',
  reason      text not null,
  created_at  timestamptz not null default now()
);
create unique index unmatched_delivery_key on unmatched_signals (source, external_id) where external_id is not null;
create index unmatched_created_idx on unmatched_signals (created_at desc);
