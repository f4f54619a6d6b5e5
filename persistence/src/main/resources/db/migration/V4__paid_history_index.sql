-- The payment delay model reads each client's last 12 paid invoices; without this index PostgreSQL
-- sorts all of an agency's paid invoices for every forecast.
CREATE INDEX invoice_paid_by_client ON invoice (agency_id, client_id, paid_date DESC, id DESC) WHERE status = 'PAID';
