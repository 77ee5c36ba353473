-- The first schema: people, accounts, signals (append-only), memory, assessments, recommendations,
-- briefs, questions asked, and an audit log.
create extension if not exists vector;

create table users (
  id          text primary key,
  name        text not null,
  email       text,
  role        text not null check (role in ('rep', 'csm', 'manager', 'admin')),
  manager_id  text references users(id),
  created_at  timestamptz not null default now()
);

create table api_tokens (
  token_hash  text primary key,
  user_id     text not null references users(id),
  label       text,
  created_at  timestamptz not null default now()
);

create table accounts (
  id               text primary key,
  name             text not null,
  domains          text[] not null default '{}',
  stage            text not null,
  arr              numeric,
  renewal_date     timestamptz,
  owner_id         text references users(id),
  csm_id           text references users(id),
  settings         jsonb not null default '{}',
  risk_score       int,
  risk_level       text,
  last_assessed_at timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index accounts_owner_idx on accounts (owner_id);
create index accounts_risk_idx on accounts (risk_level);

create table contacts (
  id          text primary key default gen_random_uuid()::text,
  account_id  text not null references accounts(id) on delete cascade,
  email       text not null,
  name        text,
  title       text,
  role        text,
  status      text not null default 'active' check (status in ('active', 'left', 'moved')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (account_id, email)
);

-- Append-only. The row is the truth: pending until the account's workflow has processed it.
create table signals (
  id           text primary key default gen_random_uuid()::text,
  account_id   text not null references accounts(id) on delete cascade,
  kind         text not null,
  occurred_at  timestamptz not null,
  source       text not null default 'api',
  external_id  text,
  payload      jsonb not null,
  direction    text,
  insights     jsonb,
  status       text not null default 'pending' check (status in ('pending', 'processed')),
  received_at  timestamptz not null default now(),
  remembered_at timestamptz,
  processed_at timestamptz
);
-- The idempotency key: the same delivery twice is stored once.
create unique index signals_delivery_key on signals (account_id, source, external_id) where external_id is not null;
create index signals_account_time_idx on signals (account_id, occurred_at);
create index signals_pending_idx on signals (account_id, received_at) where status = 'pending';

create table memory_chunks (
  id          text primary key default gen_random_uuid()::text,
  account_id  text not null references accounts(id) on delete cascade,
  signal_id   text not null references signals(id) on delete cascade,
  kind        text not null,
  occurred_at timestamptz not null,
  seq         int not null,
  speaker     text,
  text        text not null,
  embedding   vector(384) not null,
  unique (signal_id, seq)
);
create index memory_chunks_account_idx on memory_chunks (account_id, occurred_at);

-- HNSW pays for cross-account search on large tables in a real Postgres; in embedded PGlite its
-- upkeep in WASM costs ~20x on insert while retrieval is always per account (an exact scan).
do $$
begin
  if version() not ilike '%emscripten%' and version() not ilike '%wasm%' then
    execute 'create index memory_chunks_embedding_hnsw on memory_chunks using hnsw (embedding vector_cosine_ops)';
  end if;
end $$;

create table assessments (
  id              text primary key default gen_random_uuid()::text,
  account_id      text not null references accounts(id) on delete cascade,
  run_key         text not null unique,
  as_of           timestamptz not null,
  score           int not null,
  level           text not null,
  factors         jsonb not null,
  opportunities   jsonb not null,
  next_change_at  timestamptz,
  reasoner        text not null,
  signal_count    int not null default 0,
  created_at      timestamptz not null default now()
);
create index assessments_account_idx on assessments (account_id, as_of desc);

create table recommendations (
  id             text primary key default gen_random_uuid()::text,
  account_id     text not null references accounts(id) on delete cascade,
  assessment_id  text references assessments(id) on delete set null,
  kind           text not null,
  target         text not null,
  title          text not null,
  rationale      text not null,
  evidence       jsonb not null default '[]',
  priority       numeric not null,
  due_at         timestamptz,
  draft          jsonb,
  factors        text[] not null default '{}',
  status         text not null default 'proposed',
  status_reason  text,
  snoozed_until  timestamptz,
  decided_by     text,
  decided_at     timestamptz,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
-- At most one open recommendation per (account, kind, target): the critic updates it in place.
create unique index recommendations_open_key on recommendations (account_id, kind, target)
  where status in ('proposed', 'snoozed');
create index recommendations_status_idx on recommendations (status, priority desc);

create table briefs (
  id          text primary key default gen_random_uuid()::text,
  account_id  text not null references accounts(id) on delete cascade,
  kind        text not null default 'renewal_risk',
  content     jsonb not null,
  created_by  text,
  created_at  timestamptz not null default now()
);

create table questions (
  id          text primary key default gen_random_uuid()::text,
  account_id  text not null references accounts(id) on delete cascade,
  question    text not null,
  answer      text not null,
  intent      text,
  reasoner    text,
  citations   jsonb not null default '[]',
  asked_by    text,
  created_at  timestamptz not null default now()
);

create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor       text,
  action      text not null,
  entity      text not null,
  entity_id   text,
  details     jsonb not null default '{}'
);
