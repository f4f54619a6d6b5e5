-- Bank statements (issue 18, point 4; ADR 0052): the incoming credits of CAMT.053 / OFX statements that a person
-- confirmed as payments of invoices, by their key within the account (the bank's entry reference, or date, amount
-- and remittance text), so that importing the same statement again pays nothing twice.
CREATE TABLE bank_statement_line (
    agency_id    uuid        NOT NULL REFERENCES agency (agency_id),
    account_id   uuid        NOT NULL,
    line_key     text        NOT NULL CHECK (length(line_key) BETWEEN 1 AND 300),
    invoice_id   uuid        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    booked_on    date        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, account_id, line_key),
    FOREIGN KEY (agency_id, account_id) REFERENCES bank_account (agency_id, id),
    FOREIGN KEY (agency_id, invoice_id) REFERENCES invoice (agency_id, id)
);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bank_statement_line
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('Agency', 'agency_id');
