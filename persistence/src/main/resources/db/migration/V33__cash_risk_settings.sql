-- The probabilistic forecast's settings per agency (ADR 48): the probability, in %, that a start-up's next
-- round fails given its status, and the probability of going under the safety threshold within 13 weeks
-- above which CASH_RISK fires. No row: the defaults (CashRiskSettings.defaults()).
CREATE TABLE cash_risk_settings (
    agency_id            uuid        PRIMARY KEY REFERENCES agency (agency_id),
    not_started_percent  integer     NOT NULL CHECK (not_started_percent BETWEEN 0 AND 100),
    in_progress_percent  integer     NOT NULL CHECK (in_progress_percent BETWEEN 0 AND 100),
    in_doubt_percent     integer     NOT NULL CHECK (in_doubt_percent BETWEEN 0 AND 100),
    signed_percent       integer     NOT NULL CHECK (signed_percent BETWEEN 0 AND 100),
    failed_percent       integer     NOT NULL CHECK (failed_percent BETWEEN 0 AND 100),
    cash_risk_percent    integer     NOT NULL CHECK (cash_risk_percent BETWEEN 1 AND 100),
    version              bigint      NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- CASH_RISK: the Monte Carlo probability of going under the safety threshold within 13 weeks is above the
-- agency's cash_risk_percent.
ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check CHECK (kind IN ('CAPACITY_CONCENTRATION', 'CASH_SHORTFALL',
    'LONG_TIME_TO_CASH', 'EXPOSURE_LIMIT', 'FUNDING_RISK', 'OVERDUE_INVOICE', 'PAYMENT_DRIFT', 'ENGAGEMENT_DROP',
    'UNREALISTIC_BRIEF', 'CASH_RISK'));

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON cash_risk_settings
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
