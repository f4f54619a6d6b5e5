-- Team members' start and end dates (a planned hire counts from its start, a departure stops after
-- its end; ADR 0036), and absences (leave, training) that take working days out of capacity.

ALTER TABLE team_member
    ADD COLUMN start_date date,
    ADD COLUMN end_date   date,
    ADD CONSTRAINT team_member_dates_in_order CHECK (end_date >= start_date);

CREATE TABLE team_absence (
    agency_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    team_member_id  uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('LEAVE', 'TRAINING', 'OTHER')),
    start_date      date        NOT NULL,
    end_date        date        NOT NULL CHECK (end_date >= start_date AND end_date - start_date < 366),
    note            text        CHECK (length(note) <= 500),
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, team_member_id) REFERENCES team_member (agency_id, id)
);
CREATE INDEX team_absence_by_member ON team_absence (agency_id, team_member_id, start_date, id);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON team_absence
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('TeamMember', 'team_member_id');
