-- Data values: one number per element × period × unit × disaggregation, with
-- the append-only history of every change, and validation rules as data.

create table data_value (
  element_code  text not null references data_element (code),
  period        text not null,
  -- an area code (data about a place) or an organisation code (data of an organisation)
  org_code      text not null,
  -- one value per dimension, sorted by dimension code: 'level:TC;sex:F'; '' for none
  disagg        text not null default '',
  value         numeric not null,
  comment       text,
  version       integer not null default 1,
  updated_at    timestamptz not null,
  updated_by    text not null,
  constraint data_value_pkey primary key (element_code, period, org_code, disagg)
);
create index data_value_org_period_idx on data_value (org_code, period);
create index data_value_period_idx on data_value (period);

create table data_value_audit (
  id            bigint generated always as identity primary key,
  element_code  text not null,
  period        text not null,
  org_code      text not null,
  disagg        text not null,
  action        text not null,
  old_value     numeric,
  new_value     numeric,
  old_comment   text,
  new_comment   text,
  source        text not null,
  actor         text not null,
  at            timestamptz not null,
  constraint data_value_audit_action_check check (action in ('create', 'update', 'delete')),
  constraint data_value_audit_source_check check (source in ('entry', 'import', 'api'))
);
create index data_value_audit_cell_idx on data_value_audit (element_code, period, org_code, disagg, id);
create index data_value_audit_org_idx on data_value_audit (org_code, at);
create index data_value_audit_actor_idx on data_value_audit (actor, at);

create table validation_rule (
  code            text primary key,
  name            text not null,
  name_en         text,
  left_side       text not null,
  operator        text not null,
  right_side      text not null,
  -- dimensions the rule is checked for one value at a time (e.g. {sex}: women and men separately)
  per_dimensions  text[] not null default '{}',
  message         text not null,
  message_en      text,
  constraint validation_rule_operator_check check (operator in ('<=', '<', '>=', '>', '=', '!='))
);
