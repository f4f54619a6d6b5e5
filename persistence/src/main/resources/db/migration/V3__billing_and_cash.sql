-- Billing and cash: billing plans, invoices and payments; bank balances, overheads, one-off expenses.

CREATE TABLE billing_plan (
    agency_id          uuid        NOT NULL,
    project_id         uuid        NOT NULL,
    deposit_percent    smallint    NOT NULL CHECK (deposit_percent BETWEEN 0 AND 100),
    monthly_in_arrears boolean     NOT NULL,
    milestones         jsonb       NOT NULL DEFAULT '[]',
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, project_id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id)
);

CREATE TABLE invoice (
    agency_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    project_id    uuid        NOT NULL,
    -- the invoice's place in its project's billing plan ('deposit', 'milestone:2', 'month:2026-05')
    plan_key      text,
    label         text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    status        text        NOT NULL CHECK (status IN ('PLANNED', 'ISSUED', 'PAID', 'CANCELLED')),
    issue_date    date,
    due_date      date        NOT NULL,
    currency      char(3)     NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    paid_minor    bigint      NOT NULL DEFAULT 0 CHECK (paid_minor >= 0 AND paid_minor <= amount_minor),
    paid_date     date,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id),
    UNIQUE (agency_id, project_id, plan_key),
    CHECK ((status = 'PAID') = (paid_date IS NOT NULL)),
    CHECK (status = 'PLANNED' OR issue_date IS NOT NULL)
);
CREATE INDEX invoice_by_client ON invoice (agency_id, client_id, due_date, id);
CREATE INDEX invoice_by_due ON invoice (agency_id, due_date, id);
CREATE INDEX invoice_open ON invoice (agency_id, due_date) WHERE status IN ('PLANNED', 'ISSUED');

CREATE TABLE payment (
    agency_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    invoice_id    uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    received_on   date        NOT NULL,
    currency      char(3)     NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, invoice_id) REFERENCES invoice (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id)
);
CREATE INDEX payment_by_date ON payment (agency_id, received_on);
CREATE INDEX payment_by_invoice ON payment (agency_id, invoice_id);

CREATE TABLE bank_balance (
    agency_id     uuid        NOT NULL REFERENCES agency (agency_id),
    id            uuid        NOT NULL,
    on_date       date        NOT NULL,
    currency      char(3)     NOT NULL,
    amount_minor  bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    UNIQUE (agency_id, on_date)
);

CREATE TABLE overhead (
    agency_id             uuid        NOT NULL REFERENCES agency (agency_id),
    id                    uuid        NOT NULL,
    label                 text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    currency              char(3)     NOT NULL,
    monthly_amount_minor  bigint      NOT NULL CHECK (monthly_amount_minor > 0),
    day_of_month          smallint    NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
    start_date            date        NOT NULL,
    end_date              date        CHECK (end_date >= start_date),
    version               bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id)
);

CREATE TABLE one_off_expense (
    agency_id     uuid        NOT NULL REFERENCES agency (agency_id),
    id            uuid        NOT NULL,
    label         text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    on_date       date        NOT NULL,
    currency      char(3)     NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id)
);
CREATE INDEX one_off_by_date ON one_off_expense (agency_id, on_date);
