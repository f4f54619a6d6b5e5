-- Sign-in under attack, and rate limits shared by every instance (ADR 23). Both tables are global
-- (no agency_id): they are looked up before anyone is known, like the sign-in e-mail.

-- One row per account being tried: SHA-256 of the normalised e-mail (addresses nobody has are counted
-- too, so the table says nothing about which accounts exist). An attempt is counted when it starts and
-- forgotten by a successful sign-in (the row is deleted), so parallel guesses cannot slip past the limit.
CREATE TABLE sign_in_attempt (
    account_key   bytea       PRIMARY KEY CHECK (length(account_key) = 32),
    -- attempts in a row without a success, the current one included
    attempts      integer     NOT NULL CHECK (attempts >= 1),
    -- the next attempt is refused before this instant (TOO_MANY_ATTEMPTS)
    blocked_until timestamptz NOT NULL,
    -- the attempts are forgotten from this instant (blocked_until + the window); the purge deletes by it
    expires_at    timestamptz NOT NULL CHECK (expires_at >= blocked_until)
);

-- The wait after the n-th attempt in a row: none before free_attempts, then first_ms doubled for each
-- further attempt, at most max_ms. The same rule as SignInThrottle.delayAfter in core.
CREATE FUNCTION sign_in_delay(attempts integer, free_attempts integer, first_ms bigint, max_ms bigint)
    RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN attempts < free_attempts THEN interval '0'
                ELSE LEAST(first_ms * power(2, LEAST(attempts - free_attempts, 40)), max_ms)
                     * interval '1 millisecond' END
$$;

-- Rate-limit buckets as GCRA keeps them: one "theoretical arrival time" per bucket, in microseconds
-- since the epoch. A bucket whose tat is past is full, the same as no row, so the purge may delete it.
-- UNLOGGED: written on every request, it must not wait for a WAL flush; after a crash of PostgreSQL it
-- is empty (every bucket full again) and it is not copied to replicas, which is acceptable for limits.
-- No index besides the key, so that every update can be HOT; fillfactor leaves room on each page for it.
CREATE UNLOGGED TABLE rate_limit_bucket (
    -- what is limited (user:…, token:…, ip:…, sign-in-ip:…) and the limit itself (|capacity/period)
    bucket_key text   PRIMARY KEY CHECK (length(bucket_key) <= 200),
    tat        bigint NOT NULL
) WITH (fillfactor = 70);
