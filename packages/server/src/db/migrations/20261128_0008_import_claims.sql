-- An import writes in pages, each its own short transaction, so that data
-- entry is not held up for its whole write. It stays all-or-nothing: the
-- import is recorded as 'applying' and claims its unit-periods before the
-- first page (other writers of a claimed unit-period are refused with a 409),
-- each history entry it writes names it, and a failed import (or one left
-- 'applying' by a process that died) is undone from those entries.

create table data_import (
  id           bigint generated always as identity primary key,
  status       text not null,
  source       text not null,
  actor        text not null,
  -- The process writing it (its connections to a PostgreSQL server carry
  -- this tag as their application_name): a server starting beside a live
  -- process leaves that process's import alone.
  owner        text not null,
  started_at   timestamptz not null,
  finished_at  timestamptz,
  constraint data_import_status_check check (status in ('applying', 'applied', 'rolled_back'))
);

create table data_import_claim (
  org_code   text not null,
  period     text not null,
  import_id  bigint not null references data_import (id),
  constraint data_import_claim_pkey primary key (org_code, period)
);

-- The import that wrote a history entry, and for an entry that undoes one of a
-- failed import, the entry it undoes (both covered by the entry's hash).
alter table data_value_audit add column import_id bigint;
alter table data_value_audit add column undoes bigint;
create index data_value_audit_import_idx on data_value_audit (import_id) where import_id is not null;

-- No query filters data values by period alone (every one names the unit too:
-- data_value_org_period_idx); this index only slowed every write.
drop index data_value_period_idx;
