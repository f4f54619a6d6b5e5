-- The weekly digest mail (ADR 40).

-- Opt-out per user: OWNER and FINANCE users get the digest unless they said no. A change is audited like any
-- other change of app_user (V21's trigger); it takes no right away, so V13's access trigger ignores it.
ALTER TABLE app_user ADD COLUMN digest_opt_out boolean NOT NULL DEFAULT false;

-- One row per agency and week (the Monday of the week in the agency's time zone): the instance that inserts it
-- (INSERT ... ON CONFLICT DO NOTHING) sends that week's digest; every other instance, and every later run of
-- the same week, finds the row and sends nothing.
CREATE TABLE digest_run (
    agency_id    uuid        NOT NULL REFERENCES agency (agency_id),
    week         date        NOT NULL CHECK (extract(isodow FROM week) = 1),
    claimed_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    sent         integer     CHECK (sent >= 0),
    failed       integer     CHECK (failed >= 0),
    PRIMARY KEY (agency_id, week)
);

-- The unsubscribe link of each digest mail: 256 random bits per mail, only their SHA-256 kept (like sessions and
-- invitations), looked up across agencies (the link names none). It only ever sets the opt-out, for 60 days.
CREATE TABLE digest_unsubscribe (
    token_hash  bytea       PRIMARY KEY,
    agency_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    FOREIGN KEY (agency_id, user_id) REFERENCES app_user (agency_id, id) ON DELETE CASCADE
);
CREATE INDEX digest_unsubscribe_expiry ON digest_unsubscribe (expires_at);
