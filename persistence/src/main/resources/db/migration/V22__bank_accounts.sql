-- Bank accounts (issue 15, point 4; ADR 0035): an agency has several accounts, each with its recorded
-- balances. The forecast opens on the sum of each open (not archived) account's latest balance.
-- The balances recorded before this migration move to one default account per agency, named after
-- the one account they described; recordBankBalance without an account keeps writing there.
CREATE TABLE bank_account (
    agency_id   uuid        NOT NULL REFERENCES agency (agency_id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- the IBAN's last digits or any short label the agency knows the account by
    label       text        CHECK (length(label) BETWEEN 1 AND 40),
    currency    char(3)     NOT NULL,
    archived    boolean     NOT NULL DEFAULT false,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id)
);
CREATE UNIQUE INDEX bank_account_name ON bank_account (agency_id, lower(name));

-- One default account per agency that has balances (ids are random v4 here, not the application's v7:
-- they are only ever compared for equality).
INSERT INTO bank_account (agency_id, id, name, currency)
SELECT DISTINCT ON (agency_id) agency_id, gen_random_uuid(), 'Main account', currency
FROM bank_balance ORDER BY agency_id, on_date DESC;

ALTER TABLE bank_balance ADD COLUMN account_id uuid;
UPDATE bank_balance b SET account_id = a.id FROM bank_account a WHERE a.agency_id = b.agency_id;
ALTER TABLE bank_balance ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE bank_balance ADD FOREIGN KEY (agency_id, account_id) REFERENCES bank_account (agency_id, id);
-- one balance per account and day (it was one per agency and day)
ALTER TABLE bank_balance DROP CONSTRAINT bank_balance_agency_id_on_date_key;
ALTER TABLE bank_balance ADD CONSTRAINT bank_balance_account_day UNIQUE (agency_id, account_id, on_date);
-- the forecast reads each account's latest balance on or before a date
CREATE INDEX bank_balance_by_account ON bank_balance (agency_id, account_id, on_date DESC);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bank_account
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('BankAccount', 'id');

-- One-off expenses become editable (issue 15, point 5): a version for optimistic locking.
ALTER TABLE one_off_expense ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE one_off_expense ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
