-- First-run setup (ADR 27).

-- What a new agency tells about itself beyond the forecast's settings. Null for agencies created before.
ALTER TABLE agency
    ADD COLUMN country  char(2) CHECK (country ~ '^[A-Z]{2}$'),
    ADD COLUMN language text    CHECK (language IN ('en', 'fr'));

-- The instance's one claim: the setup transaction inserts this row, so of two concurrent setups the second
-- waits on the primary key until the first commits, then finds the row taken and creates nothing.
CREATE TABLE setup_claim (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    claimed_at  timestamptz NOT NULL
);

-- Setup tokens (SHA-256 only), one per start of an instance that found no agency; all deleted by the setup.
CREATE TABLE setup_token (
    token_hash  bytea       PRIMARY KEY,
    issued_at   timestamptz NOT NULL
);
