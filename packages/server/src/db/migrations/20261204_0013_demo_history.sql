-- The synthetic demo history is loaded as one import marked here, so that
-- `vetplan demo remove` (and the administrator's action in the app) can take
-- it out when an office goes live and keep everything people entered.
alter table data_import add column demo boolean not null default false;

-- The history stays append-only, with one exception: the transaction that
-- removes the demo history (and says so with the setting
-- vetplan.demo_removal) may delete the demo import's entries and write the
-- chain's hashes anew over the gap — nothing else of an entry.
create or replace function data_value_audit_append_only() returns trigger language plpgsql as $$
begin
  if current_setting('vetplan.demo_removal', true) = 'on' then
    if tg_op = 'DELETE' and exists (select 1 from data_import i where i.id = old.import_id and i.demo) then
      return old;
    end if;
    if tg_op = 'UPDATE' and (to_jsonb(new) - 'hash') = (to_jsonb(old) - 'hash') then
      return new;
    end if;
  end if;
  raise exception 'data_value_audit is append-only: % is not allowed', tg_op;
end $$;
