-- Tasks: assignments (task × organisation × period), progress reports with evidence,
-- extensions, history, and the annual evaluation (rules as data, adjustments).

-- Tasks added by plan managers live in `task` beside the catalogue's; these columns say when they start and end.
alter table task add column start_on date;
alter table task add column due_on date;
alter table task add column created_by text;
alter table task add column created_at timestamptz;

-- The day a progress report of each kind of period is due (month within the period, 13 = January after a year).
create table task_due_rule (
  period_type  text primary key,
  due_month    integer not null,
  due_day      integer not null,
  constraint task_due_rule_type_check check (period_type in ('six_monthly', 'yearly')),
  constraint task_due_rule_day_check check (due_month between 1 and 24 and due_day between 1 and 31)
);
insert into task_due_rule (period_type, due_month, due_day) values ('six_monthly', 6, 20), ('yearly', 12, 20);

create table task_assignment (
  id            bigint generated always as identity primary key,
  plan_code     text not null,
  task_code     text not null,
  org_code      text not null,
  role          text not null,
  period        text not null,
  due_on        date not null,
  extended_to   date null,
  created_at    timestamptz not null default now(),
  constraint task_assignment_key unique (plan_code, task_code, org_code, period),
  constraint task_assignment_task_fkey foreign key (plan_code, task_code) references task (plan_code, code) on delete cascade,
  constraint task_assignment_role_check check (role in ('lead', 'coordinating'))
);
create index task_assignment_org_idx on task_assignment (org_code, period);

create table task_progress_report (
  id                 bigint generated always as identity primary key,
  assignment_id      bigint not null references task_assignment (id) on delete cascade,
  status             text not null,
  percent            integer not null,
  done_text          text not null default '',
  results_text       text not null default '',
  difficulties_text  text not null default '',
  proposals_text     text not null default '',
  completed_on       date null,
  reported_by        text not null,
  reported_at        timestamptz not null,
  constraint task_progress_report_status_check check (status in ('not_started', 'in_progress', 'done')),
  constraint task_progress_report_percent_check check (percent between 0 and 100)
);
create index task_progress_report_assignment_idx on task_progress_report (assignment_id, id);

-- Evidence files (minh chứng): stored under DATA_DIR/evidence by their sha-256.
create table task_evidence (
  id             bigint generated always as identity primary key,
  assignment_id  bigint not null references task_assignment (id) on delete cascade,
  file_name      text not null,
  mime_type      text not null,
  size_bytes     integer not null,
  sha256         text not null,
  uploaded_by    text not null,
  uploaded_at    timestamptz not null
);
create index task_evidence_assignment_idx on task_evidence (assignment_id);

-- At most one extension (gia hạn) per assignment.
create table task_extension (
  assignment_id  bigint primary key references task_assignment (id) on delete cascade,
  requested_to   date not null,
  reason         text not null,
  requested_by   text not null,
  requested_at   timestamptz not null,
  status         text not null default 'pending',
  decided_by     text,
  decided_at     timestamptz,
  decision_note  text,
  constraint task_extension_status_check check (status in ('pending', 'approved', 'refused'))
);

-- What happened to an assignment, in order (its history).
create table task_event (
  id             bigint generated always as identity primary key,
  assignment_id  bigint not null references task_assignment (id) on delete cascade,
  kind           text not null,
  actor          text not null,
  at             timestamptz not null,
  details        jsonb not null default '{}'
);
create index task_event_assignment_idx on task_event (assignment_id, id);

-- The indicators whose results a task group serves (shown beside progress reports; scored for the units leading its tasks).
create table task_group_indicator (
  plan_code       text not null,
  group_code      text not null,
  indicator_code  text not null,
  constraint task_group_indicator_pkey primary key (plan_code, group_code, indicator_code)
);
insert into task_group_indicator (plan_code, group_code, indicator_code) values
  ('YD-GDNN-2023', '1', 'I_THCS_TO_VET'), ('YD-GDNN-2023', '1', 'I_THPT_TO_VET_CD'), ('YD-GDNN-2023', '1', 'I_LABOUR_TRAINED_CERT'),
  ('YD-GDNN-2023', '2', 'I_LABOUR_TRAINED_CERT'), ('YD-GDNN-2023', '2', 'I_LABOUR_RETRAINED'),
  ('YD-GDNN-2023', '3', 'I_VET_INSTITUTIONS'), ('YD-GDNN-2023', '3', 'I_THCS_TO_VET'), ('YD-GDNN-2023', '3', 'I_THPT_TO_VET_CD'),
  ('YD-GDNN-2023', '4', 'I_LABOUR_TRAINED_CERT'),
  ('YD-GDNN-2023', '5', 'I_LABOUR_TRAINED_CERT'), ('YD-GDNN-2023', '5', 'I_LABOUR_RETRAINED'),
  ('YD-GDNN-2023', '6', 'I_VET_INSTITUTIONS');

-- Weights and points of the annual scorecard (see docs/evaluation-rules.md); a missing key keeps its default.
create table evaluation_rule (
  key    text primary key,
  value  numeric not null,
  note   text not null default ''
);
insert into evaluation_rule (key, value, note) values
  ('weight.tasks', 50, 'Trọng số phần tiến độ nhiệm vụ'),
  ('weight.indicators', 30, 'Trọng số phần kết quả chỉ tiêu do đơn vị chủ trì'),
  ('weight.reports', 20, 'Trọng số phần báo cáo số liệu đúng hạn'),
  ('task.done_on_time', 100, 'Điểm nhiệm vụ hoàn thành đúng hạn'),
  ('task.done_late', 50, 'Điểm nhiệm vụ hoàn thành quá hạn'),
  ('task.overdue', 0, 'Điểm nhiệm vụ quá hạn chưa hoàn thành'),
  ('role.lead', 1, 'Hệ số nhiệm vụ chủ trì'),
  ('role.coordinating', 0.5, 'Hệ số nhiệm vụ phối hợp'),
  ('indicator.met', 100, 'Điểm chỉ tiêu đạt'),
  ('indicator.on_track', 100, 'Điểm chỉ tiêu đúng tiến độ'),
  ('indicator.at_risk', 50, 'Điểm chỉ tiêu có nguy cơ chậm'),
  ('indicator.off_track', 0, 'Điểm chỉ tiêu chậm tiến độ'),
  ('indicator.not_met', 0, 'Điểm chỉ tiêu không đạt'),
  ('report.on_time', 100, 'Điểm báo cáo đúng hạn'),
  ('report.late', 50, 'Điểm báo cáo muộn'),
  ('report.overdue', 0, 'Điểm báo cáo quá hạn chưa nộp'),
  ('rating.excellent', 90, 'Điểm tối thiểu xếp loại Hoàn thành xuất sắc nhiệm vụ'),
  ('rating.good', 70, 'Điểm tối thiểu xếp loại Hoàn thành tốt nhiệm vụ'),
  ('rating.pass', 50, 'Điểm tối thiểu xếp loại Hoàn thành nhiệm vụ');

-- A plan manager's adjustment of a score, with its reason (also in the audit log).
create table score_adjustment (
  id          bigint generated always as identity primary key,
  plan_code   text not null,
  org_code    text not null,
  year        integer not null,
  delta       numeric not null,
  reason      text not null,
  adjusted_by text not null,
  adjusted_at timestamptz not null,
  constraint score_adjustment_delta_check check (delta between -100 and 100)
);
create index score_adjustment_org_idx on score_adjustment (plan_code, org_code, year);
