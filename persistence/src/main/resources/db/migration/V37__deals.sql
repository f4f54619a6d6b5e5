-- The sales pipeline (issue 17, point 5; ADR 0053): a deal is work not yet signed, for a client or for a
-- prospect known by name only. Its billing-plan template has the columns of billing_plan; its staffing need
-- is a jsonb array of {memberId, sharePercent}. Won, it points to the project it became.
CREATE TABLE deal (
    agency_id           uuid        NOT NULL REFERENCES agency (agency_id),
    id                  uuid        NOT NULL,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    client_id           uuid,
    prospect_name       text        CHECK (length(prospect_name) BETWEEN 1 AND 200),
    prospect_segment    text,
    currency            char(3)     NOT NULL,
    expected_fee_minor  bigint      NOT NULL CHECK (expected_fee_minor BETWEEN 0 AND 100000000000),
    probability_percent integer     NOT NULL CHECK (probability_percent BETWEEN 0 AND 100),
    expected_start      date        NOT NULL,
    duration            integer     NOT NULL CHECK (duration > 0),
    duration_unit       text        NOT NULL CHECK (duration_unit IN ('WEEKS', 'MONTHS')),
    deposit_percent     integer     NOT NULL CHECK (deposit_percent BETWEEN 0 AND 100),
    monthly_in_arrears  boolean     NOT NULL,
    milestones          jsonb       NOT NULL,
    staffing_need       jsonb       NOT NULL,
    stage               text        NOT NULL CHECK (stage IN ('LEAD', 'PROPOSAL', 'WON', 'LOST')),
    project_id          uuid,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id),
    CHECK ((client_id IS NULL) <> (prospect_name IS NULL) OR stage = 'WON'),
    CHECK ((stage = 'WON') = (project_id IS NOT NULL))
);
CREATE INDEX deal_by_start ON deal (agency_id, expected_start, id);
CREATE INDEX deal_open ON deal (agency_id) WHERE stage IN ('LEAD', 'PROPOSAL');

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON deal
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Deal', 'id');
