-- Data rights and tokens that hold.
--
-- Tokens: each has an id (to name it when revoking), may expire and may be revoked. Tokens issued
-- before this migration keep no expiry (expires_at null); new ones get TOKEN_TTL_DAYS.
alter table api_tokens add column id text not null default gen_random_uuid()::text;
alter table api_tokens add constraint api_tokens_id_key unique (id);
alter table api_tokens add column expires_at timestamptz;
alter table api_tokens add column revoked_at timestamptz;
alter table api_tokens add column revoked_by text;
create index api_tokens_user_idx on api_tokens (user_id, created_at);

-- Erased contacts: the contact row is deleted; this row keeps only the fact (which id, which account,
-- who erased it and when, how much was redacted), so a second DELETE answers the same and the erasure
-- stays provable. It holds no personal data.
create table contact_erasures (
  contact_id        text primary key,
  account_id        text not null references accounts(id) on delete cascade,
  erased_by         text,
  erased_at         timestamptz not null default now(),
  signals_redacted  int not null default 0,
  chunks_deleted    int not null default 0
);
create index contact_erasures_account_idx on contact_erasures (account_id);

-- Retention purges by age across all accounts.
create index signals_occurred_at_idx on signals (occurred_at);

-- The HNSW index on memory chunks is opt-in (MEMORY_ANN_INDEX=hnsw): retrieval is always within one
-- account, where an exact scan is exact and fast (p95 2 ms at 100k chunks on Postgres 15), while the
-- index made every insert about 20x slower. It is dropped here unless the database opts in with the
-- setting account_agents.memory_ann_index = 'hnsw' (e.g. `?options=-c account_agents.memory_ann_index=hnsw`
-- in DATABASE_URL); with MEMORY_ANN_INDEX=hnsw the product creates it again at start.
do $$
begin
  if coalesce(current_setting('account_agents.memory_ann_index', true), '') <> 'hnsw' then
    execute 'drop index if exists memory_chunks_embedding_hnsw';
  end if;
end $$;
