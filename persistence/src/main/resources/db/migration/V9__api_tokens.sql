-- Partner API tokens (ADR 14). Only the SHA-256 of a token's value is stored, like a session's.
-- A token acts as its creator with the creator's current role; deleting the user deletes their tokens.
CREATE TABLE api_token (
    agency_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    created_by    uuid        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    access        text        NOT NULL CHECK (access IN ('READ_ONLY', 'READ_WRITE')),
    areas         text[]      NOT NULL DEFAULT '{}',
    token_hash    bytea       NOT NULL,
    hint          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, created_by) REFERENCES app_user (agency_id, id) ON DELETE CASCADE,
    CHECK ((access = 'READ_ONLY') = (cardinality(areas) = 0)),
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
-- Every request with a token looks it up by hash.
CREATE UNIQUE INDEX api_token_hash ON api_token (token_hash);
-- The owner's list, newest first.
CREATE INDEX api_token_list ON api_token (agency_id, created_at DESC, id DESC);
