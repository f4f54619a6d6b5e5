-- Clones one agency N times, set-based, for bench/scale.sh (issue 20 point 5, ADR 82).
--   psql -v source="'<agency uuid>'" -v copies=1000 -f bench/scale-clone.sql
--
-- The tables come from the live schema, not from a list: every table of schema public with an agency_id
-- column is a tenant table and is cloned, parents before children (the order of the foreign keys, computed
-- from pg_constraint), one INSERT … SELECT per table for all the copies at once. The end checks that every
-- tenant table has N times the source's rows in the copies and stops (rolling everything back) if not, and
-- that every table without agency_id is one of the known global tables, so a new table is never silently
-- left out.
--
-- New ids without a mapping table: every uuid column (ids and the foreign keys to them) becomes
-- md5(old || new agency id)::uuid, the same function everywhere, so the foreign keys of a copy point at the
-- copy's rows. agency_id becomes the copy's agency. The two global lookups (sign_in_email,
-- credential_token) are filled by their own triggers (V49): e-mails get "+<copy>" before the @, token hashes
-- are re-hashed with the copy's agency. Identity and generated columns are left to PostgreSQL. The other
-- user triggers (audit, data version, access-change notifications) are off during the copy: the copies
-- carry the source's audit rows and data-version row, not a second audit of the copy itself.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_copy ON COMMIT DROP AS
    SELECT n, md5('bench-agency-' || n || '-' || :source)::uuid AS agency_id
    FROM generate_series(1, :copies) AS n
    WHERE NOT EXISTS (SELECT 1 FROM agency a WHERE a.agency_id = md5('bench-agency-' || n || '-' || :source)::uuid);
CREATE TEMP TABLE bench_source ON COMMIT DROP AS SELECT CAST(:source AS uuid) AS agency_id;

DO $clone$
DECLARE
    globals CONSTANT text[] := ARRAY['flyway_schema_history', 'sign_in_attempt', 'rate_limit_bucket',
        'setup_claim', 'setup_token', 'periodic_job', 'sign_in_email', 'credential_token'];
    lookups CONSTANT text[] := ARRAY['sign_in_email', 'credential_token'];
    tenant text[];
    ordered text[] := '{}';
    remaining text[];
    t text;
    cols text;
    vals text;
    trg record;
    progress boolean;
    src uuid := (SELECT agency_id FROM bench_source);
    copies bigint := (SELECT count(*) FROM bench_copy);
    expected bigint;
    got bigint;
    started timestamptz := clock_timestamp();
BEGIN
    -- a table nobody classified fails here: give it an agency_id (tenant) or add it to the globals
    SELECT array_agg(c.relname::text ORDER BY c.relname) INTO tenant
    FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped)
      AND c.relname <> ALL (lookups);
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
             WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND c.relname <> ALL (tenant) AND c.relname <> ALL (globals) LOOP
        RAISE EXCEPTION 'table % has no agency_id and is not a known global table: classify it in bench/scale-clone.sql', t;
    END LOOP;

    -- parents first: a table goes once every tenant table it references (itself excepted) is placed
    remaining := tenant;
    WHILE cardinality(remaining) > 0 LOOP
        progress := false;
        FOREACH t IN ARRAY remaining LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_constraint k
                           WHERE k.contype = 'f' AND k.conrelid = t::regclass AND k.confrelid <> k.conrelid
                             AND k.confrelid::regclass::text = ANY (remaining)) THEN
                ordered := ordered || t;
                remaining := array_remove(remaining, t);
                progress := true;
            END IF;
        END LOOP;
        IF NOT progress THEN
            RAISE EXCEPTION 'foreign-key cycle among %', remaining;
        END IF;
    END LOOP;
    RAISE NOTICE 'cloning % tables into % copies: %', cardinality(ordered), copies, ordered;

    FOREACH t IN ARRAY ordered LOOP
        FOR trg IN SELECT tgname FROM pg_trigger WHERE tgrelid = t::regclass AND NOT tgisinternal
                     AND tgname NOT LIKE 'sign_in_email_sync%' AND tgname NOT LIKE 'credential_token_sync%' LOOP
            EXECUTE format('ALTER TABLE %I DISABLE TRIGGER %I', t, trg.tgname);
        END LOOP;
        SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum),
               string_agg(CASE
                   WHEN a.attname = 'agency_id' THEN 'c.agency_id'
                   WHEN a.atttypid = 'uuid'::regtype THEN format('md5(s.%I::text || c.agency_id::text)::uuid', a.attname)
                   WHEN t = 'app_user' AND a.attname = 'email' THEN 'replace(s.email, ''@'', ''+'' || c.n || ''@'')'
                   WHEN a.attname = 'token_hash' THEN 'sha256(s.token_hash || uuid_send(c.agency_id))'
                   ELSE format('s.%I', a.attname) END, ', ' ORDER BY a.attnum)
          INTO cols, vals
        FROM pg_attribute a
        WHERE a.attrelid = t::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attidentity = '' AND a.attgenerated = '';
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I s CROSS JOIN bench_copy c WHERE s.agency_id = $1',
                       t, cols, vals, t) USING src;
        FOR trg IN SELECT tgname FROM pg_trigger WHERE tgrelid = t::regclass AND NOT tgisinternal LOOP
            EXECUTE format('ALTER TABLE %I ENABLE TRIGGER %I', t, trg.tgname);
        END LOOP;
    END LOOP;

    -- every tenant table: copies × the source's rows, else nothing is kept
    FOREACH t IN ARRAY ordered LOOP
        EXECUTE format('SELECT count(*) FROM %I WHERE agency_id = $1', t) INTO expected USING src;
        EXECUTE format('SELECT count(*) FROM %I x JOIN bench_copy c ON c.agency_id = x.agency_id', t) INTO got;
        IF got <> expected * copies THEN
            RAISE EXCEPTION 'table %: % rows in the copies, % expected', t, got, expected * copies;
        END IF;
    END LOOP;
    RAISE NOTICE 'cloned % tables × % copies in % s', cardinality(ordered), copies,
        round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
END
$clone$;
COMMIT;
ANALYZE;
