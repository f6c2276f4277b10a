-- A submitter may withdraw a report before it is decided (data contract, "Forms, submissions and accounts").
alter table submission_event drop constraint submission_event_action_check;
alter table submission_event add constraint submission_event_action_check check (action in ('submit', 'withdraw', 'approve', 'return', 'unlock'));
