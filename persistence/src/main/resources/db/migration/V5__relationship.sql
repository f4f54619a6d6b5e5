-- The relationship with each client: interactions, the strengths map ("doubles"), the game plan
-- (agreements), the client's commitments; and each agency's relationship health weights.

CREATE TABLE interaction (
    agency_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    client_id           uuid        NOT NULL,
    date                date        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('MEETING', 'CALL', 'WORKSHOP', 'EMAIL')),
    agency_participants text[]      NOT NULL DEFAULT '{}',
    client_participants text[]      NOT NULL DEFAULT '{}',
    summary             text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
    agency_energy       smallint    CHECK (agency_energy BETWEEN 1 AND 5),
    client_energy       smallint    CHECK (client_energy BETWEEN 1 AND 5),
    internal            boolean     NOT NULL DEFAULT false,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id)
);
-- newest first per client, the order of every page
CREATE INDEX interaction_by_client ON interaction (agency_id, client_id, date DESC, id DESC);

CREATE TABLE strengths_map (
    agency_id     uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    -- [{"domain": "DESIGN", "agency": 5, "client": 2, "lead": "AGENCY"}, …]
    strengths     jsonb       NOT NULL DEFAULT '[]',
    -- what the agency expects from the client beyond money
    expectations  text[]      NOT NULL DEFAULT '{}',
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, client_id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id)
);

CREATE TABLE agreement (
    agency_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    client_id   uuid        NOT NULL,
    project_id  uuid,
    what        text        NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
    owner_side  text        NOT NULL CHECK (owner_side IN ('AGENCY', 'CLIENT')),
    owner_name  text        CHECK (length(owner_name) <= 200),
    due_date    date,
    status      text        NOT NULL CHECK (status IN ('PROPOSED', 'AGREED', 'DONE', 'DROPPED')),
    done_date   date,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id),
    CHECK ((status = 'DONE') = (done_date IS NOT NULL))
);
CREATE INDEX agreement_by_client ON agreement (agency_id, client_id, due_date, id);

CREATE TABLE client_commitment (
    agency_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    project_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('CONTENT', 'ASSETS', 'FEEDBACK', 'APPROVAL', 'DECISION')),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_date        date        NOT NULL,
    delivered_date  date,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id)
);
CREATE INDEX client_commitment_by_client ON client_commitment (agency_id, client_id, due_date, id);

-- How much each component counts in the agency's relationship health score; no row = the defaults.
CREATE TABLE health_weights (
    agency_id    uuid        PRIMARY KEY REFERENCES agency (agency_id),
    commitments  smallint    NOT NULL CHECK (commitments BETWEEN 0 AND 100),
    feedback     smallint    NOT NULL CHECK (feedback BETWEEN 0 AND 100),
    energy       smallint    NOT NULL CHECK (energy BETWEEN 0 AND 100),
    frequency    smallint    NOT NULL CHECK (frequency BETWEEN 0 AND 100),
    payment      smallint    NOT NULL CHECK (payment BETWEEN 0 AND 100),
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (commitments + feedback + energy + frequency + payment = 100)
);
