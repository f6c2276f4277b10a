-- Report forms (data sets) and the submission workflow per form × unit × period.

create table report_form (
  code            text primary key,
  name            text not null,
  name_en         text,
  period_type     text not null,
  -- days as data: month within the period (13 = January after a yearly period) and day
  opens_month     integer not null,
  opens_day       integer not null,
  cutoff_month    integer not null,
  cutoff_day      integer not null,
  due_month       integer not null,
  due_day         integer not null,
  -- the organisation whose users report for the form's units (e.g. the education office), if not the units themselves
  reported_by     text references organisation (code),
  approver_roles  text[] not null,
  constraint report_form_period_type_check check (period_type in ('monthly', 'quarterly', 'six_monthly', 'yearly'))
);

create table report_form_element (
  form_code     text not null references report_form (code) on delete cascade,
  element_code  text not null references data_element (code),
  position      integer not null,
  constraint report_form_element_pkey primary key (form_code, element_code)
);

-- The units (areas or organisations) that must report the form.
create table report_form_unit (
  form_code  text not null references report_form (code) on delete cascade,
  org_code   text not null,
  constraint report_form_unit_pkey primary key (form_code, org_code)
);

create table submission (
  form_code       text not null references report_form (code),
  org_code        text not null,
  period          text not null,
  status          text not null,
  version         integer not null default 1,
  submitted_at    timestamptz,
  submitted_by    text,
  decided_at      timestamptz,
  decided_by      text,
  reason          text,
  comment         text,
  constraint submission_pkey primary key (form_code, org_code, period),
  constraint submission_status_check check (status in ('draft', 'submitted', 'approved', 'returned'))
);
create index submission_org_period_idx on submission (org_code, period);

create table submission_event (
  id          bigint generated always as identity primary key,
  form_code   text not null,
  org_code    text not null,
  period      text not null,
  action      text not null,
  from_status text not null,
  to_status   text not null,
  actor       text not null,
  at          timestamptz not null,
  comment     text,
  constraint submission_event_action_check check (action in ('submit', 'approve', 'return', 'unlock'))
);
create index submission_event_key_idx on submission_event (form_code, org_code, period, id);
