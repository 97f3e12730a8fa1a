-- The login role of the app's RLS pool (DATABASE_URL). NOINHERIT and a member of `authenticated`
-- only: it reaches no table until withRls() sets role = authenticated inside a transaction, so a
-- `reset role` gains nothing. No password here: production sets it once with
-- `alter role app_rls password '…'` (see README, deployment checklist).
do $$
begin
  if not exists (select from pg_roles where rolname = 'app_rls') then
    create role app_rls login noinherit;
  end if;
end
$$;

alter role app_rls noinherit;
grant authenticated to app_rls;
