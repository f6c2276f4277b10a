-- Reminders a plan manager sent to a late unit about a form's period (issue 14, item 5):
-- what the unit's officers see in their inbox, and when the board says the unit was last reminded.
create table form_reminder (
  id          bigint generated always as identity primary key,
  form_code   text not null references report_form (code),
  org_code    text not null,
  period      text not null,
  sent_by     text not null,
  sent_at     timestamptz not null,
  -- how many of the unit's officers it reached in the app, and how many of them by e-mail
  recipients  integer not null,
  emailed     integer not null default 0
);
create index form_reminder_form_period_idx on form_reminder (form_code, period, org_code, sent_at);

-- Where a reminder is e-mailed to, when the server has SMTP_URL: optional, set by an administrator.
alter table app_user add column email text;
