-- A PostgreSQL warehouse for the Kaltura archive, shared with BI tools. Run once as the database's owner
-- (psql -d analytics -f postgres-roles.sql), after replacing the two passwords.
--
-- The job connects as kaltura_loader with
--   -Dkaltura.archive=jdbc:postgresql://db.example.edu:5432/analytics?currentSchema=kaltura
-- and its user and password in the settings.xml <server> kaltura-archive, or in KALTURA_ARCHIVE_USER and
-- KALTURA_ARCHIVE_PASSWORD. It creates and upgrades its tables itself (docs/archive.md).
-- Metabase, Grafana or Power BI connect as kaltura_reader, which can read and nothing else.

CREATE ROLE kaltura_loader LOGIN PASSWORD 'change-me-loader';
CREATE SCHEMA kaltura AUTHORIZATION kaltura_loader;

CREATE ROLE kaltura_reader LOGIN PASSWORD 'change-me-reader';
GRANT CONNECT ON DATABASE analytics TO kaltura_reader;
GRANT USAGE ON SCHEMA kaltura TO kaltura_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA kaltura TO kaltura_reader;
-- The tables the loader creates later (a new report, a custom report's table) are readable too.
ALTER DEFAULT PRIVILEGES FOR ROLE kaltura_loader IN SCHEMA kaltura GRANT SELECT ON TABLES TO kaltura_reader;
-- A dashboard's runaway query is stopped after a minute; nothing it runs can change the archive.
ALTER ROLE kaltura_reader SET statement_timeout = '60s';
ALTER ROLE kaltura_reader SET default_transaction_read_only = on;
