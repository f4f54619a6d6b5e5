-- Access changes (ADR 22): a user can be deactivated, and every change that may take rights away from
-- an open WebSocket connection notifies all application instances on the channel cordee_access_changes,
-- so that each re-checks the connections of that user at once. Triggers, not application code, send the
-- notification: every present and future path that signs out, revokes a token, deactivates a user or
-- changes a role notifies without having to remember to. A notification is sent at commit (NOTIFY is
-- transactional) and carries ids only, never a token or its hash:
--   S:<agency id>:<user id>:<session id>   a session revoked, its expiry moved, or deleted
--   T:<agency id>:<user id>:<token id>     an API token revoked, its expiry or scope changed, or deleted
--   U:<agency id>:<user id>                a user's role, client, agency, password or deactivation changed,
--                                          or the user deleted
-- A notification only asks for a re-check: a connection whose session or token still authenticates the
-- same caller stays open, so a trigger may notify generously.

-- A deactivated user cannot sign in, and their sessions and API tokens stop working (HTTP and WebSocket).
ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz;

CREATE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    payload text;
BEGIN
    IF TG_TABLE_NAME = 'user_session' THEN
        payload := 'S:' || changed.agency_id || ':' || changed.user_id || ':' || changed.id;
    ELSIF TG_TABLE_NAME = 'api_token' THEN
        payload := 'T:' || changed.agency_id || ':' || changed.created_by || ':' || changed.id;
    ELSE
        payload := 'U:' || changed.agency_id || ':' || changed.id;
    END IF;
    PERFORM pg_notify('cordee_access_changes', payload);
    RETURN NULL;
END;
$$;

CREATE TRIGGER access_change AFTER UPDATE ON user_session FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
    EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER access_change_delete AFTER DELETE ON user_session FOR EACH ROW
    EXECUTE FUNCTION notify_access_change();

-- not last_used_at: it is written once a minute by a busy token and takes no right away
CREATE TRIGGER access_change AFTER UPDATE ON api_token FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
          OR OLD.access IS DISTINCT FROM NEW.access OR OLD.areas IS DISTINCT FROM NEW.areas
          OR OLD.created_by IS DISTINCT FROM NEW.created_by)
    EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER access_change_delete AFTER DELETE ON api_token FOR EACH ROW
    EXECUTE FUNCTION notify_access_change();

CREATE TRIGGER access_change AFTER UPDATE ON app_user FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.client_id IS DISTINCT FROM NEW.client_id
          OR OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.id IS DISTINCT FROM NEW.id
          OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
          OR OLD.deactivated_at IS DISTINCT FROM NEW.deactivated_at)
    EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER access_change_delete AFTER DELETE ON app_user FOR EACH ROW
    EXECUTE FUNCTION notify_access_change();
