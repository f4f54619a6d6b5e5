-- Idempotency keys (ADR 16): a mutation sent with an Idempotency-Key claims (agency, key) in the same
-- transaction as its writes and stores its response there, so a committed key always has its response
-- and a retry within 24 h is answered from it. Keys are per agency: two agencies may use the same key.
CREATE TABLE idempotency_key (
    agency_id    uuid        NOT NULL REFERENCES agency (agency_id),
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- sha-256 (hex) of the actor, operation name, document and variables of the request that claimed it
    fingerprint  text        NOT NULL,
    -- the response as sent (text, not jsonb, so that a replay is byte for byte the same); null only
    -- inside the claiming transaction, never once committed
    response     text,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > created_at),
    PRIMARY KEY (agency_id, key)
);

-- the hourly cleanup deletes by expiry across agencies
CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
