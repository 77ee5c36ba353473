-- What approved recommendations did. The outbox holds one email per recommendation, written before
-- it is sent (so a retried activity or a second approval finds it and never sends twice); its
-- Message-ID is derived from the recommendation and becomes the outbound signal's external id.
create table outbox (
  recommendation_id  text primary key references recommendations(id) on delete cascade,
  account_id         text not null references accounts(id) on delete cascade,
  message_id         text not null unique,
  from_address       text not null,
  to_addresses       text[] not null,
  subject            text not null,
  body               text not null,
  in_reply_to        text,
  "references"       text[] not null default '{}',
  status             text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts           int not null default 0,
  last_error         text,
  signal_id          text references signals(id) on delete set null,
  created_at         timestamptz not null default now(),
  sent_at            timestamptz
);

-- Everything else an approval turns into: a task for the account's owner (one per recommendation).
create table tasks (
  id                 text primary key default gen_random_uuid()::text,
  recommendation_id  text not null unique references recommendations(id) on delete cascade,
  account_id         text not null references accounts(id) on delete cascade,
  owner_id           text references users(id),
  title              text not null,
  body               text,
  due_at             timestamptz,
  status             text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  webhook_posted_at  timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index tasks_owner_idx on tasks (owner_id, status);
create index tasks_account_idx on tasks (account_id);
