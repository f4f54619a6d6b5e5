-- Each agency's data version (ADR 47): incremented once by every transaction that writes a row the cash
-- picture reads, in that transaction, so a picture cached per (agency, version, as-of) on any instance
-- is never served after a change, whatever wrote it (the application, an import, psql).
CREATE TABLE agency_data_version (
    agency_id  uuid   NOT NULL PRIMARY KEY REFERENCES agency (agency_id) ON DELETE CASCADE,
    version    bigint NOT NULL,
    -- the transaction that last incremented it: later rows of the same transaction leave it alone
    changed_by xid8   NOT NULL
);

INSERT INTO agency_data_version (agency_id, version, changed_by)
    SELECT agency_id, 1, pg_current_xact_id() FROM agency;

-- the agencies a transaction has changed and not yet counted: one row per agency and transaction, written
-- by the statement-level triggers below, counted (and deleted) when the transaction commits
CREATE UNLOGGED TABLE agency_data_version_pending (
    agency_id uuid NOT NULL,
    xact      xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- after each statement (not each row: generating the large benchmark agency went from 4.6 to 19.7 s with an
-- upsert per row): the agencies of the statement's rows, each noted once per transaction (a
-- transaction-local setting remembers it), without locking anything shared
CREATE FUNCTION note_agency_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid;
    flag text;
BEGIN
    FOR changed IN SELECT DISTINCT agency_id FROM changed_rows LOOP
        flag := 'cordee.data_changed_' || replace(changed::text, '-', '');
        IF current_setting(flag, true) IS DISTINCT FROM 'y' THEN
            PERFORM set_config(flag, 'y', true);
            INSERT INTO agency_data_version_pending (agency_id) VALUES (changed);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE FUNCTION bump_agency_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one increment per transaction and agency
    INSERT INTO agency_data_version AS v (agency_id, version, changed_by)
        SELECT NEW.agency_id, 1, NEW.xact WHERE EXISTS (SELECT 1 FROM agency WHERE agency_id = NEW.agency_id)
    ON CONFLICT (agency_id) DO UPDATE SET version = v.version + 1, changed_by = EXCLUDED.changed_by
        WHERE v.changed_by <> EXCLUDED.changed_by;
    DELETE FROM agency_data_version_pending WHERE agency_id = NEW.agency_id AND xact = NEW.xact;
    RETURN NULL;
END $$;

-- deferred to the commit: the version row is locked only while the transaction commits, after every data
-- row it wrote, so writers of one agency never wait on each other in the middle of their work (no deadlock);
-- it fires once per agency and transaction (one pending row each)
CREATE CONSTRAINT TRIGGER agency_data_version_pending_bump AFTER INSERT ON agency_data_version_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_agency_data_version();

-- transition tables allow one event per trigger: three statement-level triggers per table
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agency', 'agency_holiday', 'allocation', 'bank_account', 'bank_balance', 'client',
                             'invoice', 'one_off_expense', 'overhead', 'payment', 'project', 'team_member',
                             'team_absence'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION note_agency_data_change()', t || '_data_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION note_agency_data_change()', t || '_data_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION note_agency_data_change()', t || '_data_delete', t);
    END LOOP;
END $$;
