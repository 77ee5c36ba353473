-- Renewal-risk briefs for CSMs. A brief belongs to a CSM (csm_id) and covers the accounts they cover;
-- one account's brief keeps account_id (and has no csm_id unless asked for one). brief_key makes a
-- brief per CSM per scheduled time stored once (a retried activity finds the row it wrote). Delivery
-- is outbox-style: the email's Message-ID is written before sending and email_sent_at after, so a
-- retry never sends twice; the webhook the same with webhook_posted_at.
alter table briefs alter column account_id drop not null;
alter table briefs add column csm_id text references users(id) on delete cascade;
alter table briefs add column as_of timestamptz;
alter table briefs add column brief_key text unique;
alter table briefs add column email_to text;
alter table briefs add column email_message_id text unique;
alter table briefs add column email_sent_at timestamptz;
alter table briefs add column email_error text;
alter table briefs add column webhook_posted_at timestamptz;
create index briefs_csm_idx on briefs (csm_id, created_at desc);
create index briefs_account_idx on briefs (account_id, created_at desc);

-- When and what a CSM's daily brief covers; a CSM with no row gets the defaults (07:30 UTC, 120 days).
create table brief_settings (
  csm_id       text primary key references users(id) on delete cascade,
  local_time   text not null default '07:30' check (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  timezone     text not null default 'UTC',
  window_days  int not null default 120 check (window_days between 1 and 730),
  enabled      boolean not null default true,
  updated_at   timestamptz not null default now()
);
