-- Actual time imported from time trackers' CSV exports (issue 18 point 2, ADR 57).
--
-- One row per line of an export, matched to a team member and a project. source_key is the SHA-256 of the
-- tracker's name, the line's own fields and how many identical lines came before it in the file: the same file
-- imported again inserts nothing (ON CONFLICT DO NOTHING), and two identical lines of one file stay two entries.
CREATE TABLE time_entry (
    agency_id       uuid        NOT NULL REFERENCES agency (agency_id),
    id              uuid        NOT NULL,
    team_member_id  uuid        NOT NULL,
    project_id      uuid        NOT NULL,
    work_date       date        NOT NULL,
    minutes         integer     NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    source          text        NOT NULL CHECK (source IN ('HARVEST', 'TOGGL')),
    source_key      text        NOT NULL CHECK (length(source_key) = 64),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    UNIQUE (agency_id, source_key),
    FOREIGN KEY (agency_id, team_member_id) REFERENCES team_member (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id)
);
CREATE INDEX time_entry_by_project ON time_entry (agency_id, project_id, work_date);
