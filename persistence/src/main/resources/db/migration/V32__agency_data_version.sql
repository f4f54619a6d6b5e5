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

CREATE FUNCTION bump_agency_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.agency_id ELSE NEW.agency_id END;
BEGIN
    -- one increment per transaction and agency: later rows of the same transaction only find it done
    INSERT INTO agency_data_version AS v (agency_id, version, changed_by)
        SELECT changed, 1, pg_current_xact_id() WHERE EXISTS (SELECT 1 FROM agency WHERE agency_id = changed)
    ON CONFLICT (agency_id) DO UPDATE SET version = v.version + 1, changed_by = EXCLUDED.changed_by
        WHERE v.changed_by <> EXCLUDED.changed_by;
    RETURN NULL;
END $$;

-- deferred to the commit: the version row is locked only while the transaction commits, after every data
-- row it wrote, so writers of one agency never wait on each other in the middle of their work (no deadlock)
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agency', 'agency_holiday', 'allocation', 'bank_account', 'bank_balance', 'client',
                             'invoice', 'one_off_expense', 'overhead', 'payment', 'project', 'team_member',
                             'team_absence'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                       || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_agency_data_version()',
                       t || '_data_version', t);
    END LOOP;
END $$;
