-- Comments on the game plan and on the client's commitments (issue 19 points 2 and 3, ADR 64): a CLIENT user
-- comments on an agreement or says a word when marking a commitment delivered; the agency reads them in the
-- relationship's timeline. Exactly one of agreement_id / commitment_id; never edited, never deleted by the app.
CREATE TABLE relationship_comment (
    agency_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    agreement_id    uuid,
    commitment_id   uuid,
    side            text        NOT NULL CHECK (side IN ('AGENCY', 'CLIENT')),
    author_id       uuid,
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    -- 'DELIVERED' when written with a delivery, 'COMMENT' otherwise
    kind            text        NOT NULL CHECK (kind IN ('COMMENT', 'DELIVERED')),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, client_id) REFERENCES client (agency_id, id),
    FOREIGN KEY (agency_id, agreement_id) REFERENCES agreement (agency_id, id),
    FOREIGN KEY (agency_id, commitment_id) REFERENCES client_commitment (agency_id, id),
    CHECK ((agreement_id IS NULL) <> (commitment_id IS NULL))
);
CREATE INDEX relationship_comment_by_client ON relationship_comment (agency_id, client_id, created_at DESC, id DESC);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON relationship_comment
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('RelationshipComment', 'id');
