create table task_assignment (
  id            bigint generated always as identity primary key,
  plan_code     text not null,
  task_code     text not null,
  org_code      text not null,
  role          text not null,
  period        text not null,
  due_on        date not null,
  extended_to   date null,
  unique (plan_code, task_code, org_code, period)
);

create table task_progress_report (
  id            bigint generated always as identity primary key,
  assignment_id bigint not null references task_assignment(id),
  status        text not null,
  percent       integer not null,
  done_text     text not null default '',
  results_text  text not null default '',
  difficulties_text text not null default '',
  proposals_text text not null default '',
  completed_on  date null,
  reported_by   text not null,
  reported_at   timestamptz not null
);
