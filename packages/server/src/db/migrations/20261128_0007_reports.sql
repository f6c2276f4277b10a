-- Official reports: the editable narrative of a draft (the figures are always computed),
-- and every exported file, kept with its checksum, who and when.

create table report_draft (
  id          bigint generated always as identity primary key,
  type        text not null,
  plan_code   text not null references plan (code),
  org_code    text not null,
  period      text not null,
  -- section key -> paragraphs the user wrote (general, difficulties, proposals, nextTasks)
  sections    jsonb not null default '{}',
  version     integer not null default 1,
  created_by  text not null,
  created_at  timestamptz not null,
  updated_by  text not null,
  updated_at  timestamptz not null,
  constraint report_draft_type_check check (type in ('plan-progress')),
  constraint report_draft_unique unique (type, plan_code, org_code, period)
);

create table report_export (
  id            bigint generated always as identity primary key,
  type          text not null,
  plan_code     text not null references plan (code),
  org_code      text not null,
  period        text not null,
  format        text not null,
  file_name     text not null,
  -- path under DATA_DIR
  stored_path   text not null,
  size_bytes    integer not null,
  sha256        text not null,
  draft_version integer,
  created_by    text not null,
  created_at    timestamptz not null,
  constraint report_export_format_check check (format in ('docx', 'xlsx', 'pdf'))
);

create index report_export_unit_idx on report_export (plan_code, org_code, period);
