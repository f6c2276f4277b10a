-- The history of values is append-only and hash-chained: each entry's hash
-- covers the previous entry's hash and its own content, so an edited or
-- deleted entry breaks the chain (`vetplan audit verify`).

alter table data_value_audit add column hash text;

create function data_value_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'data_value_audit is append-only: % is not allowed', tg_op;
end $$;

create trigger data_value_audit_append_only
  before update or delete on data_value_audit
  for each row execute function data_value_audit_append_only();
