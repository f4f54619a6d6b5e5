-- How many requests the last take of a bucket reserved (ADR 84): an instance reserves a batch of a shared
-- bucket's requests in one statement and spends them in memory. PostgreSQL 17's RETURNING cannot see the
-- row's old value, so the update stores the number it took and returns it.
ALTER TABLE rate_limit_bucket ADD COLUMN taken bigint NOT NULL DEFAULT 1;
