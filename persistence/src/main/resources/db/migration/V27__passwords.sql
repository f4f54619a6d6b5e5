-- Passwords (ADR 39): change and reset.
--
-- password_changed_at: when the password was last set by its owner (change or reset link). The audit trail
-- never records the hash (V21 skips password_hash), so this column is what makes a password change visible
-- in it, with who did it and when.
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

-- A password reset link: 256 random bits sent by mail, kept only as its SHA-256; it works once, for one hour
-- from the injected clock. Looked up by hash across agencies (the link names no agency).
CREATE TABLE password_reset (
    agency_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at     timestamptz,
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, user_id) REFERENCES app_user (agency_id, id)
);
CREATE UNIQUE INDEX password_reset_token ON password_reset (token_hash);
CREATE INDEX password_reset_by_user ON password_reset (agency_id, user_id) WHERE used_at IS NULL;
