-- Early-warning alerts and each agency's alert thresholds (ADR 9, ADR 10).

-- The thresholds an agency changed; no row: the defaults (AlertThresholds.defaults()).
CREATE TABLE alert_thresholds (
    agency_id                   uuid        PRIMARY KEY REFERENCES agency (agency_id),
    capacity_warning_percent    integer     NOT NULL,
    capacity_critical_percent   integer     NOT NULL,
    cash_critical_weeks         integer     NOT NULL,
    cash_warning_weeks          integer     NOT NULL,
    time_to_first_cash_days     integer     NOT NULL,
    exposure_percent_of_opening integer     NOT NULL,
    overdue_days                integer     NOT NULL,
    overdue_critical_days       integer     NOT NULL,
    payment_drift_days          integer     NOT NULL,
    engagement_drop_points      integer     NOT NULL,
    engagement_window_days      integer     NOT NULL,
    commitment_slip_days        integer     NOT NULL,
    version                     bigint      NOT NULL DEFAULT 0,
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    CHECK (capacity_critical_percent > capacity_warning_percent),
    CHECK (cash_critical_weeks < cash_warning_weeks),
    CHECK (overdue_critical_days > overdue_days)
);

CREATE TABLE alert (
    agency_id              uuid        NOT NULL REFERENCES agency (agency_id),
    id                     uuid        NOT NULL,
    kind                   text        NOT NULL CHECK (kind IN ('CAPACITY_CONCENTRATION', 'CASH_SHORTFALL',
                               'LONG_TIME_TO_CASH', 'EXPOSURE_LIMIT', 'FUNDING_RISK', 'OVERDUE_INVOICE',
                               'PAYMENT_DRIFT', 'ENGAGEMENT_DROP', 'UNREALISTIC_BRIEF')),
    -- what it is about: the agency as a whole, or a client, project, invoice or brief (with its client)
    subject_type           text        NOT NULL CHECK (subject_type IN ('AGENCY', 'CLIENT', 'PROJECT', 'INVOICE',
                               'BRIEF')),
    client_id              uuid,
    project_id             uuid,
    invoice_id             uuid,
    brief_id               uuid,
    -- the subject's own id (the nil uuid for the agency): with the kind, the condition
    subject_key            uuid        NOT NULL GENERATED ALWAYS AS (COALESCE(project_id, invoice_id, brief_id,
                               client_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
    severity               text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    status                 text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    -- [{"name": "peakShare", "type": "FIGURE", "value": "0.520000"}, …]: numbers as strings keep their scale
    evidence               jsonb       NOT NULL DEFAULT '[]',
    magnitude              numeric     NOT NULL,
    suggested_action       text        NOT NULL,
    links_to_renegotiation boolean     NOT NULL DEFAULT false,
    worsened               boolean     NOT NULL DEFAULT false,
    opened_at              timestamptz NOT NULL,
    acknowledged_at        timestamptz,
    acknowledged_by        uuid,
    comment                text        CHECK (length(comment) <= 1000),
    resolved_at            timestamptz,
    snoozed_until          date,
    version                bigint      NOT NULL DEFAULT 0,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id),
    -- only issued invoices get alerts, and only planned ones are ever deleted
    FOREIGN KEY (agency_id, invoice_id) REFERENCES invoice (agency_id, id),
    FOREIGN KEY (agency_id, brief_id) REFERENCES brief (agency_id, id),
    FOREIGN KEY (agency_id, acknowledged_by) REFERENCES app_user (agency_id, id) ON DELETE SET NULL (acknowledged_by),
    CHECK ((subject_type = 'AGENCY') = (client_id IS NULL)),
    CHECK ((subject_type = 'PROJECT') = (project_id IS NOT NULL)),
    CHECK ((subject_type = 'INVOICE') = (invoice_id IS NOT NULL)),
    CHECK ((subject_type = 'BRIEF') = (brief_id IS NOT NULL)),
    CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL)),
    CHECK (status <> 'ACKNOWLEDGED' OR acknowledged_at IS NOT NULL)
);
-- at most one unresolved alert per condition, whatever runs concurrently
CREATE UNIQUE INDEX alert_one_unresolved ON alert (agency_id, kind, subject_key) WHERE status <> 'RESOLVED';
-- the list, newest first
CREATE INDEX alert_by_opened ON alert (agency_id, opened_at DESC, id DESC);
