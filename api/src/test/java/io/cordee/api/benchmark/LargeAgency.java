package io.cordee.api.benchmark;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Generates a large agency with set-based SQL (generate_series), in seconds: 200 people, 1,000
 * clients, 10,000 projects (10 each), 50,000 invoices (5 a project: 2 paid with a payment, 1 issued,
 * 2 planned), 100,000 allocations, a bank balance, 10 overheads and 50 one-off expenses. Ids are
 * PostgreSQL's random UUIDs: benchmark data only.
 */
final class LargeAgency {

    private LargeAgency() {
    }

    static Mono<Void> generate(DatabaseClient db, UUID agency) {
        return exec(db, agency, """
                INSERT INTO agency (agency_id, name, currency, time_zone, safety_cash_threshold_minor, payday,
                  delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days)
                VALUES (:a, 'Large Agency', 'EUR', 'Europe/Paris', 50000000, 25, 20, 5, 45, 40)""")
                .then(exec(db, agency, """
                        INSERT INTO team_member (agency_id, id, name, fte, currency, monthly_loaded_cost_minor,
                          daily_bill_rate_minor)
                        SELECT :a, gen_random_uuid(), 'Person ' || g, 1.0, 'EUR', 500000 + (g % 50) * 10000, 70000
                        FROM generate_series(1, 200) g"""))
                .then(exec(db, agency, """
                        INSERT INTO client (agency_id, id, name, segment, payment_terms_days)
                        SELECT :a, gen_random_uuid(), 'Client ' || lpad(g::text, 4, '0'),
                          (ARRAY['STARTUP','SME','ENTERPRISE','PUBLIC'])[1 + g % 4], 30 + (g % 3) * 15
                        FROM generate_series(1, 1000) g"""))
                .then(exec(db, agency, """
                        INSERT INTO project (agency_id, id, client_id, name, status, start_date, launch_date, currency,
                          fee_budget_minor, payment_terms_days)
                        SELECT :a, gen_random_uuid(), c.id, c.name || ' / P' || p, 'ACTIVE',
                          DATE '2025-06-01' + ((p * 37 + c.n) % 540)::int, DATE '2025-06-01' + ((p * 37 + c.n) % 540)::int + 180,
                          'EUR', 5000000, c.payment_terms_days
                        FROM (SELECT id, name, payment_terms_days, row_number() OVER (ORDER BY name) AS n
                              FROM client WHERE agency_id = :a) c, generate_series(1, 10) p"""))
                .then(exec(db, agency, """
                        INSERT INTO invoice (agency_id, id, client_id, project_id, plan_key, label, status, issue_date,
                          due_date, currency, amount_minor, paid_minor, paid_date)
                        SELECT :a, gen_random_uuid(), p.client_id, p.id, 'milestone:' || k, 'Milestone ' || k,
                          CASE WHEN k <= 2 THEN 'PAID' WHEN k = 3 THEN 'ISSUED' ELSE 'PLANNED' END,
                          p.start_date + k * 30, p.start_date + k * 30 + p.payment_terms_days, 'EUR', 1000000,
                          CASE WHEN k <= 2 THEN 1000000 ELSE 0 END,
                          CASE WHEN k <= 2 THEN p.start_date + k * 30 + p.payment_terms_days + (k * 7) ELSE NULL END
                        FROM project p, generate_series(1, 5) k WHERE p.agency_id = :a"""))
                .then(exec(db, agency, """
                        INSERT INTO payment (agency_id, id, invoice_id, client_id, received_on, currency, amount_minor)
                        SELECT :a, gen_random_uuid(), i.id, i.client_id, i.paid_date, 'EUR', i.amount_minor
                        FROM invoice i WHERE i.agency_id = :a AND i.status = 'PAID'"""))
                .then(exec(db, agency, """
                        INSERT INTO allocation (agency_id, id, team_member_id, project_id, share_percent, start_date,
                          end_date)
                        SELECT :a, gen_random_uuid(), m.id, p.id, 10 + (g % 5) * 10, p.start_date, p.launch_date
                        FROM generate_series(1, 100000) g
                        JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM team_member WHERE agency_id = :a) m
                          ON m.n = 1 + g % 200
                        JOIN (SELECT id, start_date, launch_date, row_number() OVER (ORDER BY id) AS n FROM project
                              WHERE agency_id = :a) p ON p.n = 1 + g % 10000"""))
                .then(exec(db, agency, """
                        INSERT INTO bank_account (agency_id, id, name, currency)
                        VALUES (:a, gen_random_uuid(), 'Main account', 'EUR')"""))
                .then(exec(db, agency, """
                        INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor)
                        SELECT :a, gen_random_uuid(), id, DATE '2026-11-20', 'EUR', 250000000
                        FROM bank_account WHERE agency_id = :a"""))
                .then(exec(db, agency, """
                        INSERT INTO overhead (agency_id, id, label, currency, monthly_amount_minor, day_of_month,
                          start_date)
                        SELECT :a, gen_random_uuid(), 'Overhead ' || g, 'EUR', 150000 * g, g * 2, DATE '2025-01-01'
                        FROM generate_series(1, 10) g"""))
                .then(exec(db, agency, """
                        INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor)
                        SELECT :a, gen_random_uuid(), 'One-off ' || g, DATE '2026-11-25' + g * 11, 'EUR', 500000
                        FROM generate_series(1, 50) g"""))
                .then(exec(db, agency, "ANALYZE"));
    }

    private static Mono<Void> exec(DatabaseClient db, UUID agency, String sql) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        return (sql.contains(":a") ? spec.bind("a", agency) : spec).then();
    }
}
