-- Renegotiation proposals sent to clients: the facts and options with their numbers as of the day the
-- proposal was sent, the letter exactly as the client read it, and the client's answer. What was sent
-- is never recomputed; only the answer changes (optimistic locking on version).

CREATE TABLE renegotiation_proposal (
    agency_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    language         text        NOT NULL CHECK (language IN ('FR', 'EN')),
    sent_on          date        NOT NULL,
    -- {"asOf": "2026-11-23", "capacity": [{"month": "2026-11", "share": "0.433333"}, …], "peakExposure": {…}, …}
    facts            jsonb       NOT NULL,
    -- [{"depositPercent": 30, "monthlyInArrears": true, "paymentTermsDays": null,
    --   "basePeakExposure": {"minor": 1234567, "currency": "EUR"}, …}, …]
    options          jsonb       NOT NULL CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) >= 1),
    letter_markdown  text        NOT NULL,
    letter_html      text        NOT NULL,
    answer           text        CHECK (answer IN ('ACCEPTED', 'DECLINED', 'COUNTERED')),
    -- the accepted option's number as the letter shows it (1 for the first)
    accepted_option  integer     CHECK (accepted_option >= 1),
    answer_note      text        CHECK (length(answer_note) <= 2000),
    answered_on      date,
    version          bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    CHECK ((answer = 'ACCEPTED') = (accepted_option IS NOT NULL) OR (answer IS NULL AND accepted_option IS NULL)),
    CHECK ((answer IS NULL) = (answered_on IS NULL))
);
-- newest first, of the agency or of one client: the order of every page
CREATE INDEX renegotiation_proposal_by_agency ON renegotiation_proposal (agency_id, sent_on DESC, id DESC);
CREATE INDEX renegotiation_proposal_by_client ON renegotiation_proposal (agency_id, client_id, sent_on DESC, id DESC);
