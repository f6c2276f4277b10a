-- Foundation: areas, organisations, plans, catalogue items, users and sessions.
-- Codes are the stable identifiers of catalogue items; surrogate ids only where
-- nothing natural exists (users, audit events).

create table area (
  code        text primary key,
  level       text not null,
  created_at  timestamptz not null default now(),
  constraint area_level_check check (level in ('nation', 'province', 'district', 'commune'))
);

-- Effective-dated facts about an area: its name and its parent change over time
-- (merges, splits, renamings) without losing history. valid_to is exclusive.
create table area_version (
  area_code    text not null references area (code),
  valid_from   date not null default '-infinity',
  valid_to     date not null default 'infinity',
  name         text not null,
  name_en      text,
  kind         text not null,
  parent_code  text references area (code),
  constraint area_version_pkey primary key (area_code, valid_from),
  constraint area_version_dates_check check (valid_to > valid_from)
);
create index area_version_parent_idx on area_version (parent_code);

-- Where an area went when it was merged or split (for continuous series).
create table area_crosswalk (
  from_code   text not null references area (code),
  to_code     text not null references area (code),
  effective   date not null,
  share       numeric,
  note        text,
  constraint area_crosswalk_pkey primary key (from_code, to_code, effective)
);

create table organisation (
  code         text primary key,
  name         text not null,
  short_name   text,
  name_en      text,
  kind         text not null,
  area_code    text not null references area (code),
  parent_code  text references organisation (code),
  valid_from   date not null default '-infinity',
  valid_to     date not null default 'infinity',
  created_at   timestamptz not null default now(),
  constraint organisation_dates_check check (valid_to > valid_from)
);
create index organisation_area_idx on organisation (area_code);

-- Named sets of organisations a plan refers to ("UBND các xã, thị trấn").
create table organisation_group (
  code     text primary key,
  name     text not null,
  name_en  text,
  kinds    text[] not null default '{}'
);

create table organisation_group_member (
  group_code  text not null references organisation_group (code) on delete cascade,
  org_code    text not null references organisation (code),
  constraint organisation_group_member_pkey primary key (group_code, org_code)
);

create table dimension (
  code     text primary key,
  name     text not null,
  name_en  text
);

create table dimension_value (
  dimension_code  text not null references dimension (code),
  code            text not null,
  name            text not null,
  name_en         text,
  position        integer not null,
  constraint dimension_value_pkey primary key (dimension_code, code)
);

create table data_element (
  code         text primary key,
  name         text not null,
  name_en      text,
  description  text,
  value_type   text not null,
  aggregation  text not null,
  period_type  text not null,
  constraint data_element_value_type_check check (value_type in ('count', 'number', 'percentage', 'boolean')),
  constraint data_element_aggregation_check check (aggregation in ('sum', 'last'))
);

create table data_element_dimension (
  element_code    text not null references data_element (code) on delete cascade,
  dimension_code  text not null references dimension (code),
  position        integer not null,
  -- null: every value of the dimension; otherwise the allowed value codes
  value_codes     text[],
  constraint data_element_dimension_pkey primary key (element_code, dimension_code)
);

create table indicator (
  code            text primary key,
  name            text not null,
  name_en         text,
  description     text,
  formula         text not null,
  unit            text not null,
  unit_label      text,
  unit_label_en   text,
  decimals        integer not null default 1,
  external_codes  jsonb not null default '{}',
  constraint indicator_unit_check check (unit in ('percent', 'count'))
);

create table plan (
  code                 text primary key,
  doc_type             text not null,
  number               text,
  symbol               text not null,
  title                text not null,
  title_en             text,
  issued_on            date,
  issued_on_precision  text not null default 'day',
  place                text not null,
  issuer_code          text not null references organisation (code),
  area_code            text not null references area (code),
  signer               jsonb not null,
  horizons             integer[] not null,
  purposes             text[] not null default '{}',
  requirements         text[] not null default '{}',
  general_objective    text not null,
  recipients           text[] not null default '{}',
  catalog_code         text not null,
  constraint plan_precision_check check (issued_on_precision in ('day', 'month', 'year'))
);

-- The documents a plan implements (its cascade), highest first.
create table plan_basis (
  plan_code  text not null references plan (code) on delete cascade,
  code       text not null,
  position   integer not null,
  number     text not null,
  doc_type   text not null,
  title      text not null,
  issued_on  date,
  issuer     text not null,
  relation   text not null,
  parent     text,
  constraint plan_basis_pkey primary key (plan_code, code),
  constraint plan_basis_relation_check check (relation in ('implements', 'guidance'))
);

create table target (
  plan_code       text not null references plan (code) on delete cascade,
  indicator_code  text not null references indicator (code),
  year            integer not null,
  comparator      text not null,
  value           numeric not null,
  value_upper     numeric,
  tolerance       numeric,
  wording         text not null,
  wording_en      text,
  constraint target_pkey primary key (plan_code, indicator_code, year),
  constraint target_comparator_check check (comparator in ('>', '>=', '~', '<=', '<', 'range')),
  constraint target_range_check check ((comparator = 'range') = (value_upper is not null)),
  constraint target_tolerance_check check ((comparator = '~') = (tolerance is not null))
);

create table task_group (
  plan_code  text not null references plan (code) on delete cascade,
  code       text not null,
  position   integer not null,
  title      text not null,
  title_en   text,
  constraint task_group_pkey primary key (plan_code, code)
);

create table task (
  plan_code          text not null references plan (code) on delete cascade,
  code               text not null,
  group_code         text not null,
  position           integer not null,
  section            text not null,
  title              text not null,
  title_en           text,
  content            text not null,
  lead_text          text,
  coordinating_text  text,
  recurrence         text not null,
  reporting          text,
  constraint task_pkey primary key (plan_code, code),
  constraint task_group_fkey foreign key (plan_code, group_code) references task_group (plan_code, code),
  constraint task_recurrence_check check (recurrence in ('continuous', 'yearly', 'six_monthly', 'once'))
);

-- A task's lead (chủ trì) and coordinating (phối hợp) parties: an organisation or a group.
create table task_party (
  plan_code   text not null,
  task_code   text not null,
  role        text not null,
  position    integer not null,
  org_code    text references organisation (code),
  group_code  text references organisation_group (code),
  constraint task_party_pkey primary key (plan_code, task_code, role, position),
  constraint task_party_task_fkey foreign key (plan_code, task_code) references task (plan_code, code) on delete cascade,
  constraint task_party_role_check check (role in ('lead', 'coordinating')),
  constraint task_party_one_check check ((org_code is null) <> (group_code is null))
);

-- Section IV: accountability, evaluation and reporting rules.
create table plan_rule (
  plan_code   text not null references plan (code) on delete cascade,
  code        text not null,
  position    integer not null,
  kind        text not null,
  text        text not null,
  text_en     text,
  evaluation  boolean not null default false,
  from_codes  text[] not null default '{}',
  to_codes    text[] not null default '{}',
  via_code    text,
  frequency   text,
  constraint plan_rule_pkey primary key (plan_code, code),
  constraint plan_rule_kind_check check (kind in ('accountability', 'evaluation', 'reporting'))
);

create table catalog_load (
  id           bigint generated always as identity primary key,
  catalog_code text not null,
  checksum     text not null,
  loaded_at    timestamptz not null default now(),
  loaded_by    text not null
);

create table app_user (
  id              bigint generated always as identity primary key,
  username        text not null,
  display_name    text,
  password_hash   text not null,
  role            text not null,
  scope_code      text not null,
  disabled_at     timestamptz,
  created_at      timestamptz not null default now(),
  last_login_at   timestamptz,
  constraint app_user_username_key unique (username),
  constraint app_user_role_check check (role in ('admin', 'plan_manager', 'unit_officer', 'unit_head', 'viewer'))
);

create table user_session (
  id_hash       text primary key,
  user_id       bigint not null references app_user (id) on delete cascade,
  csrf_token    text not null,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  ip            text,
  user_agent    text
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id            bigint generated always as identity primary key,
  user_id       bigint not null references app_user (id) on delete cascade,
  name          text not null,
  token_hash    text not null,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  constraint api_token_hash_key unique (token_hash)
);

-- Who did what, when: sign-ins, user changes, catalogue loads.
create table audit_event (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor       text,
  action      text not null,
  entity      text not null,
  entity_key  text,
  details     jsonb not null default '{}',
  ip          text
);
create index audit_event_entity_idx on audit_event (entity, entity_key);
