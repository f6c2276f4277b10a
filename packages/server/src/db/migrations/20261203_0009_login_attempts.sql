-- Login attempts, for throttling (modules/auth/login-throttle.ts): how many
-- attempts each key has made since it was last forgiven, and when the latest
-- was. A key is a username from one address, a username from every address
-- (ip = ''), or an address for every username (username = ''). An attempt is
-- counted here before its password is checked, in a transaction that holds a
-- lock on its username and one on its address, so that attempts sent at once,
-- to one server process or to several, are counted one after the other.

create table login_attempt (
  -- As typed, lower-cased ('' for every username): unknown usernames are throttled too.
  username         text not null,
  -- The client's address ('' for every address).
  ip               text not null,
  attempts         integer not null,
  last_attempt_at  timestamptz not null,
  constraint login_attempt_pkey primary key (username, ip),
  constraint login_attempt_key_check check (username <> '' or ip <> ''),
  constraint login_attempt_attempts_check check (attempts >= 0)
);

-- Keys long quiet are deleted by age.
create index login_attempt_last_idx on login_attempt (last_attempt_at);
