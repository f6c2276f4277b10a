-- Account management (issue 14): a password an administrator set must be
-- changed at the next login, and API tokens expire.

alter table app_user add column must_change_password boolean not null default false;

-- Tokens made before expiry existed keep working for 90 days from this migration.
alter table api_token add column expires_at timestamptz;
update api_token set expires_at = now() + interval '90 days' where expires_at is null;
alter table api_token alter column expires_at set not null;
