-- Audit trail (ADR 17): triggers on the audited tables record every row a user's mutation inserts,
-- updates or deletes, with the changed columns old -> new. The actor comes from transaction-local
-- settings that the transaction runner sets at the start of each mutation's transaction
-- (cordee.actor_user, cordee.actor_token, cordee.request_id, cordee.operation). A write without an
-- actor (demo data, alert evaluation, migrations) is not audited.
CREATE TABLE audit_entry (
    agency_id       uuid        NOT NULL REFERENCES agency (agency_id),
    -- written by the database, so a database sequence, not an application UUID: it also orders the trail
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    actor_user_id   uuid        NOT NULL,
    -- the partner API token the user's request came with, if any
    actor_token_id  uuid,
    request_id      text,
    -- the mutation fields of the request, e.g. 'recordPayment'
    operation       text,
    -- the GraphQL type and id of the entity the row belongs to (a payment belongs to its Invoice)
    entity_type     text        NOT NULL,
    entity_id       uuid        NOT NULL,
    -- the table the row is in
    record          text        NOT NULL,
    action          text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    -- the client the row concerns, when there is one: a client user reads their own briefs' sign-offs
    client_id       uuid,
    -- {"column": {"old": …, "new": …}, …}: only the columns that changed
    changes         jsonb       NOT NULL,
    PRIMARY KEY (agency_id, id)
);

CREATE INDEX audit_entry_entity ON audit_entry (agency_id, entity_id, id);
CREATE INDEX audit_entry_client_sign_offs ON audit_entry (agency_id, client_id, id)
    WHERE record = 'brief_signature';

-- TG_ARGV[0]: the entity's GraphQL type; TG_ARGV[1]: the column holding its id; TG_ARGV[2] (optional):
-- comma-separated columns left out (large documents whose change the other columns already show).
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor     uuid := NULLIF(current_setting('cordee.actor_user', true), '')::uuid;
    old_row   jsonb;
    new_row   jsonb;
    row_data  jsonb;
    agency    uuid;
    diff      jsonb;
    skipped   text[];
    brief     uuid;
    project   uuid;
    client    uuid;
BEGIN
    IF actor IS NULL THEN
        RETURN NULL;
    END IF;
    old_row := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
    new_row := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
    row_data := CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END;
    agency := (row_data ->> 'agency_id')::uuid;
    skipped := ARRAY['agency_id', 'version', 'created_at', 'updated_at']
        || COALESCE(string_to_array(TG_ARGV[2], ','), ARRAY[]::text[]);

    SELECT jsonb_object_agg(key, jsonb_build_object('old', o.value, 'new', n.value) ORDER BY key)
      INTO diff
      FROM jsonb_each(old_row) o FULL JOIN jsonb_each(new_row) n USING (key)
     WHERE COALESCE(o.value, 'null'::jsonb) IS DISTINCT FROM COALESCE(n.value, 'null'::jsonb)
       AND key <> ALL (skipped);
    IF diff IS NULL THEN
        RETURN NULL;
    END IF;

    client := (row_data ->> 'client_id')::uuid;
    IF client IS NULL THEN
        IF row_data ? 'brief_version_id' THEN
            SELECT v.brief_id INTO brief FROM brief_version v
             WHERE v.agency_id = agency AND v.id = (row_data ->> 'brief_version_id')::uuid;
        ELSIF row_data ? 'brief_id' THEN
            brief := (row_data ->> 'brief_id')::uuid;
        END IF;
        IF brief IS NOT NULL THEN
            SELECT b.project_id INTO project FROM brief b WHERE b.agency_id = agency AND b.id = brief;
        END IF;
        project := COALESCE(project, (row_data ->> 'project_id')::uuid);
        IF project IS NOT NULL THEN
            SELECT p.client_id INTO client FROM project p WHERE p.agency_id = agency AND p.id = project;
        END IF;
    END IF;

    INSERT INTO audit_entry (agency_id, actor_user_id, actor_token_id, request_id, operation, entity_type,
                             entity_id, record, action, client_id, changes)
    VALUES (agency, actor, NULLIF(current_setting('cordee.actor_token', true), '')::uuid,
            NULLIF(current_setting('cordee.request_id', true), ''),
            NULLIF(current_setting('cordee.operation', true), ''),
            TG_ARGV[0], (row_data ->> TG_ARGV[1])::uuid, TG_TABLE_NAME, TG_OP, client, diff);
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agency
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agency_holiday
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON health_weights
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON alert_thresholds
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON client
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Client', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON strengths_map
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Client', 'client_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON team_member
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('TeamMember', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Project', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON billing_plan
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Project', 'project_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON allocation
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Allocation', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Invoice', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Invoice', 'invoice_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bank_balance
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('BankBalance', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON overhead
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Overhead', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON one_off_expense
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('OneOffExpense', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON interaction
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Interaction', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agreement
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agreement', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON client_commitment
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Commitment', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON brief
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Brief', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON brief_version
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('BriefVersion', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON brief_requirement
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('BriefVersion', 'brief_version_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON brief_signature
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('BriefVersion', 'brief_version_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON alert
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Alert', 'id', 'evidence');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON renegotiation_proposal
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('RenegotiationProposal', 'id', 'facts,options,letter_markdown');
