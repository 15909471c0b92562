-- 政策解读工作台: roles and database on a department's PostgreSQL server (13 or newer).
--
-- Run once as a superuser (the postgres account), naming the roles and the database:
--
--   sudo -u postgres psql -v owner=jiedu_owner -v app=jiedu_app -v db=jiedu \
--        -f packaging/server/roles.sql
--
-- Then set the passwords (psql: \password jiedu_owner, \password jiedu_app), create the
-- schema as the owner, and give the desks the application role's address:
--
--   interpreter-cli --db postgresql://jiedu_owner@server:5432/jiedu init
--   INTERPRETER_DB=postgresql://jiedu_app@server:5432/jiedu interpreter-app
--
-- owner: owns the database and its schema, runs migrations (interpreter-cli migrate). Use it
--        for nothing else: whoever holds it can disable triggers.
-- app:   what every desk connects as. May read and write working data, but on the
--        append-only tables (revisions, decisions, signoffs, audit) only SELECT and INSERT:
--        every migration ends with seal_append_only(), which takes UPDATE, DELETE and
--        TRUNCATE on them away from every role but the owner. Triggers refuse those changes
--        to the owner as well.
-- Running the script again is harmless: what exists is kept.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec

REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";

\connect :"db"

-- Only the owner creates objects; the application uses them.
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Tables and sequences the owner's migrations create from now on...
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT EXECUTE ON FUNCTIONS TO :"app";

-- ... and those that exist already (a database migrated before this script ran).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
SELECT 'SELECT seal_append_only()' WHERE to_regprocedure('seal_append_only()') IS NOT NULL \gexec
