-- Staffing: who works on which project, at what share of their time, between which dates; and the
-- public holidays each agency's capacity excludes.

CREATE TABLE allocation (
    agency_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    team_member_id  uuid        NOT NULL,
    project_id      uuid        NOT NULL,
    share_percent   smallint    NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
    start_date      date        NOT NULL,
    end_date        date        NOT NULL CHECK (end_date >= start_date),
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, team_member_id) REFERENCES team_member (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id)
);
CREATE INDEX allocation_by_project ON allocation (agency_id, project_id, start_date, id);
CREATE INDEX allocation_by_member ON allocation (agency_id, team_member_id, start_date, id);
CREATE INDEX allocation_by_period ON allocation (agency_id, start_date, end_date);

CREATE TABLE agency_holiday (
    agency_id  uuid NOT NULL REFERENCES agency (agency_id),
    day        date NOT NULL,
    label      text NOT NULL,
    PRIMARY KEY (agency_id, day)
);
