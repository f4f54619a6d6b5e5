-- Two-factor sign-in with TOTP (RFC 6238, ADR 44).
--
-- two_factor: one row per user who started enrolling; enabled_at is null until a first code confirmed it.
-- secret: the 160-bit shared secret the authenticator app holds; the server needs it to check codes, so it is
-- kept as is (never returned once enrolment is confirmed, never in the audit trail). last_step: the 30-second
-- step of the last code accepted; a code is accepted only for a later step, so a code seen once is dead.
CREATE TABLE two_factor (
    agency_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    secret      bytea       NOT NULL CHECK (length(secret) = 20),
    enabled_at  timestamptz,
    last_step   bigint      NOT NULL DEFAULT 0,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, user_id),
    FOREIGN KEY (agency_id, user_id) REFERENCES app_user (agency_id, id)
);
-- enabling and disabling are in the audit trail, as changes of the person (never the secret, never the step)
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON two_factor
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Person', 'user_id', 'secret,last_step');

-- Ten one-time recovery codes per enabled user, kept only as their SHA-256 (80 random bits each).
CREATE TABLE two_factor_recovery_code (
    agency_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    code_hash   bytea       NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (agency_id, user_id, code_hash),
    FOREIGN KEY (agency_id, user_id) REFERENCES two_factor (agency_id, user_id) ON DELETE CASCADE
);

-- The second step of a sign-in: the password was right, a code is still due. 256 random bits kept as their
-- SHA-256, single use, 5 minutes; looked up by hash across agencies (like a session). enrol: the agency requires
-- two factors of this user, who has none yet: the code confirms a new enrolment.
CREATE TABLE sign_in_challenge (
    agency_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    user_id     uuid        NOT NULL,
    enrol       boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at     timestamptz,
    failures    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_id, token_hash),
    FOREIGN KEY (agency_id, user_id) REFERENCES app_user (agency_id, id)
);
CREATE UNIQUE INDEX sign_in_challenge_token ON sign_in_challenge (token_hash);
CREATE INDEX sign_in_challenge_expiry ON sign_in_challenge (expires_at);

-- The roles whose users must sign in with two factors (only OWNER and FINANCE may be required). A change is
-- audited by agency's own trigger (V11).
ALTER TABLE agency ADD COLUMN require_two_factor_for text[] NOT NULL DEFAULT '{}'
    CHECK (require_two_factor_for <@ ARRAY['OWNER', 'FINANCE']::text[]);
