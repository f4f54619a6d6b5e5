-- Background work shared out between instances and resumed after a restart (issue 20, ADR 66).

-- One row per (agency, daily job): the last local day done, when the next one starts (the agency's next
-- local midnight, so passes spread over the day by time zone), and the lease of the instance working on it.
-- An instance claims due rows in small batches with FOR UPDATE SKIP LOCKED and writes a lease; a lease
-- that outlives its instance (a crash) expires and the agency is claimed again.
CREATE TABLE agency_daily_run (
    agency_id    uuid        NOT NULL REFERENCES agency (agency_id) ON DELETE CASCADE,
    job          text        NOT NULL CHECK (length(job) BETWEEN 1 AND 60),
    done_day     date,
    next_due_at  timestamptz,
    lease_owner  text,
    lease_until  timestamptz,
    PRIMARY KEY (agency_id, job)
);
CREATE INDEX agency_daily_run_due ON agency_daily_run (job, next_due_at NULLS FIRST);

-- One row per global periodic job (session purge, idempotency key cleanup): the instance that updates
-- last_run_at from "due" to now runs it; the others skip it until the interval has passed again.
CREATE TABLE periodic_job (
    job          text        PRIMARY KEY CHECK (length(job) BETWEEN 1 AND 60),
    last_run_at  timestamptz,
    run_by       text
);

-- Deleting a session that was already expired or revoked changes nobody's access: no notification, so
-- purging thousands of dead sessions does not wake every instance thousands of times.
DROP TRIGGER access_change_delete ON user_session;
CREATE TRIGGER access_change_delete AFTER DELETE ON user_session FOR EACH ROW
    WHEN (OLD.revoked_at IS NULL AND OLD.expires_at > now())
    EXECUTE FUNCTION notify_access_change();

-- the purge finds expired sessions without reading them all
CREATE INDEX user_session_expiry ON user_session (expires_at);
