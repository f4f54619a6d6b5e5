-- The agency's invoice number (from its accounting tool), given when a planned invoice is issued.
-- Unique within the agency; planned invoices have none.
ALTER TABLE invoice ADD COLUMN number text CHECK (length(number) BETWEEN 1 AND 40);
CREATE UNIQUE INDEX invoice_number ON invoice (agency_id, number) WHERE number IS NOT NULL;
