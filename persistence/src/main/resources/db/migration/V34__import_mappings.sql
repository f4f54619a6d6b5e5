-- Spreadsheet import (issue 18, point 1; ADR 0049): the column mapping each agency last applied, per kind of
-- import, so the next file of the same shape is matched without asking. The mapping is a JSON object from the
-- normalised header (lower case, no accents, letters and digits only) to a field key or "ignore".
CREATE TABLE import_mapping (
    agency_id   uuid        NOT NULL REFERENCES agency (agency_id),
    kind        text        NOT NULL CHECK (kind IN ('CLIENTS', 'INVOICES', 'PAYMENTS')),
    mapping     jsonb       NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, kind)
);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON import_mapping
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
