package io.cordee.api.cashrisk;

import io.cordee.api.support.Tenants;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The cash-risk tests' agency ({@code MonteCarloTest}'s two-point client, through the database): 100,000 € in the
 * bank on Fri 29 May 2026, a 50,000 € safety threshold, a 70,000 € one-off on Mon 20 July, and its own client,
 * whose six paid invoices came 0, 0, 0, 60, 60 and 60 days after their due dates, with one open invoice of
 * 60,000 € due on 10 June; {@link #openInvoices} adds more.
 */
record TwoPointClientAgency(Tenants.Tenant tenant, UUID project, DatabaseClient db) {

    static TwoPointClientAgency create(Tenants tenants, DatabaseClient db) {
        TwoPointClientAgency agency = new TwoPointClientAgency(tenants.create("Risk Agency"), UUID.randomUUID(), db);
        String client = agency.tenant.ownClient().id().value().toString();
        agency.sql("UPDATE agency SET safety_cash_threshold_minor = 5000000 WHERE agency_id = :a");
        agency.sql("INSERT INTO bank_account (agency_id, id, name, currency) VALUES (:a, gen_random_uuid(), 'Main', 'EUR')");
        agency.sql("INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor)"
                + " SELECT :a, gen_random_uuid(), id, DATE '2026-05-29', 'EUR', 10000000 FROM bank_account WHERE agency_id = :a");
        agency.sql("INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor)"
                + " VALUES (:a, gen_random_uuid(), 'Servers', DATE '2026-07-20', 'EUR', 7000000)");
        agency.sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, currency, fee_budget_minor,"
                + " payment_terms_days) VALUES (:a, '" + agency.project + "', '" + client
                + "', 'Site', 'ACTIVE', DATE '2025-01-01', 'EUR', 100000000, 30)");
        // paid 0, 0, 0, 60, 60, 60 days after their due dates
        agency.sql("INSERT INTO invoice (agency_id, id, client_id, project_id, label, status, issue_date, due_date, currency,"
                + " amount_minor, paid_minor, paid_date) SELECT :a, gen_random_uuid(), '" + client
                + "', '" + agency.project + "', 'Paid ' || g, 'PAID', DATE '2025-01-01' + g * 7, DATE '2025-02-01' + g * 7,"
                + " 'EUR', 100000, 100000, DATE '2025-02-01' + g * 7 + CASE WHEN g <= 3 THEN 0 ELSE 60 END"
                + " FROM generate_series(1, 6) g");
        agency.openInvoices(1, 6_000_000);
        return agency;
    }

    /** {@code count} invoices of {@code amountMinor} issued on 11 May 2026, due on 10 June, unpaid. */
    void openInvoices(int count, long amountMinor) {
        sql("INSERT INTO invoice (agency_id, id, client_id, project_id, label, status, issue_date, due_date, currency,"
                + " amount_minor) SELECT :a, gen_random_uuid(), '" + tenant.ownClient().id().value() + "', '" + project
                + "', 'Open ' || g, 'ISSUED', DATE '2026-05-11', DATE '2026-06-10', 'EUR', " + amountMinor
                + " FROM generate_series(1, " + count + ") g");
    }

    /** Runs {@code sql} with {@code :a} bound to the agency. */
    void sql(String sql) {
        db.sql(sql).bind("a", tenant.agencyId().value()).then().block(Duration.ofSeconds(30));
    }
}
