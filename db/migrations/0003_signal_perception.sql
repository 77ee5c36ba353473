-- Who read each signal: its insights stay on the signal row (one current reading per signal, which
-- is what every reader wants and keeps the timeline a one-table scan), with the perceiver that
-- produced them, that perceiver's version, and the configured perceiver that asked for them.
--   perceiver, perceiver_version: what actually answered ('rules' when the llm perceiver fell back).
--   perceived_for: '<id>@<version>' of the configured perceiver that asked. The graph reads a signal
--     again only when this differs from the configuration, so one reading (even a fallback) costs
--     at most one LLM exchange per signal and configuration.
--   perception_fallback: the configured perceiver failed and another answered; `npm run reperceive`
--     retries these.
alter table signals
  add column perceiver text,
  add column perceiver_version text,
  add column perceived_for text,
  add column perception_fallback boolean not null default false,
  add column perceived_at timestamptz;

-- Readings stored before perceivers had versions were made by the rules perceiver; version '0'
-- marks them stale for every configuration, so the next assessment or a reperceive reads them again.
update signals set perceiver = 'rules', perceiver_version = '0', perceived_for = 'rules@0', perceived_at = remembered_at
  where insights is not null;
