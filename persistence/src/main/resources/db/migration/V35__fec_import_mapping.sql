-- FEC import (issue 18, point 3; ADR 0051): its column mapping is remembered like a spreadsheet's.
ALTER TABLE import_mapping DROP CONSTRAINT import_mapping_kind_check;
ALTER TABLE import_mapping ADD CONSTRAINT import_mapping_kind_check
    CHECK (kind IN ('CLIENTS', 'INVOICES', 'PAYMENTS', 'FEC'));
