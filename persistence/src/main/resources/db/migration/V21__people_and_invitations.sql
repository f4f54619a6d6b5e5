-- People and invitations (ADR 30).
--
-- An invitation is a one-time link an OWNER sends to a future user of the agency: staff (OWNER, FINANCE,
-- LEAD) or a client contact (CLIENT, tied to one client of the agency). Only the SHA-256 of the link's token
-- is stored, like a session's or an API token's. It is pending until accepted, revoked or expired (7 days);
-- re-sending it replaces its token, so the old link is dead.
CREATE TABLE invitation (
    agency_id    uuid        NOT NULL REFERENCES agency (agency_id),
    id           uuid        NOT NULL,
    email        text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
    role         text        NOT NULL CHECK (role IN ('OWNER', 'FINANCE', 'LEAD', 'CLIENT')),
    client_id    uuid,
    language     text        NOT NULL CHECK (language IN ('en', 'fr')),
    token_hash   bytea       NOT NULL,
    invited_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > created_at),
    accepted_at  timestamptz,
    accepted_by  uuid,
    revoked_at   timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, invited_by) REFERENCES app_user (agency_id, id),
    FOREIGN KEY (agency_id, accepted_by) REFERENCES app_user (agency_id, id),
    CHECK ((role = 'CLIENT') = (client_id IS NOT NULL)),
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- Accepting looks the link up by hash, across agencies (the link names no agency).
CREATE UNIQUE INDEX invitation_token ON invitation (token_hash);
-- The people page: the agency's open invitations; and "is this address already invited here".
CREATE INDEX invitation_open ON invitation (agency_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- Last sign-in on the people page: the newest session of a user.
CREATE INDEX user_session_by_user ON user_session (agency_id, user_id, created_at DESC);

-- Every change to people is in the audit trail (V11): invitations (never the token's hash) and users
-- (never the password's hash).
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON invitation
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Invitation', 'id', 'token_hash');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Person', 'id', 'password_hash');
