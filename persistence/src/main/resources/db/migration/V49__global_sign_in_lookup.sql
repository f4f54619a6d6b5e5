-- A schema Citus can distribute by agency_id (issue 20 point 3, ADR 71).
--
-- Sign-in e-mails and the hashes of sessions, API tokens and one-time links were unique across agencies
-- (UNIQUE (email), UNIQUE (token_hash)) because they are looked up before the agency is known. Under Citus a
-- unique constraint of a distributed table must contain the distribution column, so these lookups move to two
-- small global tables that yield the agency, and the tenant tables keep only per-agency unique keys. A lookup
-- reads the global table by its primary key, then the tenant row by (agency_id, …).
--
-- The global tables are kept by triggers on the tenant tables, in the same transaction as the tenant row, so
-- every writer (the adapters, the archive import, the demo data, tests' seeds) keeps them right.

-- One row per user, whatever the agency: a sign-in e-mail names one agency. Its primary key is what keeps
-- two agencies from taking the same address (an insert or e-mail change that collides fails with 23505).
CREATE TABLE sign_in_email (
    email      text NOT NULL PRIMARY KEY CHECK (email = lower(email)),
    agency_id  uuid NOT NULL,
    user_id    uuid NOT NULL
);

-- One row per stored token hash: which agency a session, an API token or a one-time link belongs to.
CREATE TABLE credential_token (
    kind        text  NOT NULL CHECK (kind IN ('SESSION', 'API_TOKEN', 'INVITATION', 'PASSWORD_RESET',
                                               'SIGN_IN_CHALLENGE', 'DIGEST_UNSUBSCRIBE')),
    token_hash  bytea NOT NULL,
    agency_id   uuid  NOT NULL,
    PRIMARY KEY (kind, token_hash)
);

INSERT INTO sign_in_email (email, agency_id, user_id) SELECT email, agency_id, id FROM app_user;
INSERT INTO credential_token (kind, token_hash, agency_id)
          SELECT 'SESSION', token_hash, agency_id FROM user_session
UNION ALL SELECT 'API_TOKEN', token_hash, agency_id FROM api_token
UNION ALL SELECT 'INVITATION', token_hash, agency_id FROM invitation
UNION ALL SELECT 'PASSWORD_RESET', token_hash, agency_id FROM password_reset
UNION ALL SELECT 'SIGN_IN_CHALLENGE', token_hash, agency_id FROM sign_in_challenge
UNION ALL SELECT 'DIGEST_UNSUBSCRIBE', token_hash, agency_id FROM digest_unsubscribe;

CREATE FUNCTION sign_in_email_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM sign_in_email WHERE email = OLD.email AND agency_id = OLD.agency_id AND user_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO sign_in_email (email, agency_id, user_id) VALUES (NEW.email, NEW.agency_id, NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER sign_in_email_sync AFTER INSERT OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION sign_in_email_sync();
CREATE TRIGGER sign_in_email_sync_update AFTER UPDATE OF email, agency_id, id ON app_user
    FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.agency_id IS DISTINCT FROM NEW.agency_id
                       OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION sign_in_email_sync();

-- TG_ARGV[0]: the kind of token the table holds.
CREATE FUNCTION credential_token_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM credential_token
         WHERE kind = TG_ARGV[0] AND token_hash = OLD.token_hash AND agency_id = OLD.agency_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO credential_token (kind, token_hash, agency_id) VALUES (TG_ARGV[0], NEW.token_hash, NEW.agency_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON user_session
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('SESSION');
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON user_session FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('SESSION');
CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('API_TOKEN');
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON api_token FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('API_TOKEN');
CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON invitation
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('INVITATION');
-- re-sending an invitation replaces its token (ADR 30)
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON invitation FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('INVITATION');
CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON password_reset
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('PASSWORD_RESET');
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON password_reset FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('PASSWORD_RESET');
CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON sign_in_challenge
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('SIGN_IN_CHALLENGE');
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON sign_in_challenge FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('SIGN_IN_CHALLENGE');
CREATE TRIGGER credential_token_sync AFTER INSERT OR DELETE ON digest_unsubscribe
    FOR EACH ROW EXECUTE FUNCTION credential_token_sync('DIGEST_UNSUBSCRIBE');
CREATE TRIGGER credential_token_sync_update AFTER UPDATE OF token_hash, agency_id ON digest_unsubscribe FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
    EXECUTE FUNCTION credential_token_sync('DIGEST_UNSUBSCRIBE');

-- The tenant tables' keys now start with agency_id.
DROP INDEX app_user_email;
CREATE UNIQUE INDEX app_user_email_per_agency ON app_user (agency_id, email);
DROP INDEX user_session_token;
CREATE UNIQUE INDEX user_session_token_per_agency ON user_session (agency_id, token_hash);
DROP INDEX api_token_hash;
CREATE UNIQUE INDEX api_token_hash_per_agency ON api_token (agency_id, token_hash);
DROP INDEX invitation_token;
CREATE UNIQUE INDEX invitation_token_per_agency ON invitation (agency_id, token_hash);
DROP INDEX password_reset_token;
CREATE UNIQUE INDEX password_reset_token_per_agency ON password_reset (agency_id, token_hash);
-- the primary key (agency_id, token_hash) already serves the lookup
DROP INDEX sign_in_challenge_token;
ALTER TABLE digest_unsubscribe DROP CONSTRAINT digest_unsubscribe_pkey;
ALTER TABLE digest_unsubscribe ADD PRIMARY KEY (agency_id, token_hash);

-- The data version's scratch rows (V32) are one per agency and transaction: say so with a key.
ALTER TABLE agency_data_version_pending ADD PRIMARY KEY (agency_id, xact);
