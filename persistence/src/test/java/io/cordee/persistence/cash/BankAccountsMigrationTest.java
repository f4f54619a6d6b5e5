package io.cordee.persistence.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V22 on a database that already has bank balances (ADR 0035): each agency's balances move to one "Main
 * account" of its own, and the balances of other agencies stay theirs. Its own server, migrated to V20 first.
 */
class BankAccountsMigrationTest {

    @Test
    void existingBalancesMoveToOneMainAccountPerAgency(@TempDir Path home) throws SQLException {
        // a data folder of its own: start(null, 0) would return the JVM's shared server when another test
        // (TestDatabase) started it first, already migrated, and stopping it would fail every later test
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home.resolve("pgdata"), 0, stop -> { });
        try {
            String jdbc = server.jdbcUrl();
            Flyway.configure().dataSource(jdbc, EmbeddedPostgresServer.USER, server.password())
                    .locations("classpath:db/migration").target("20").load().migrate();
            try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, server.password());
                 Statement s = c.createStatement()) {
                for (String agency : List.of("00000000-0000-7000-8000-00000000000a", "00000000-0000-7000-8000-00000000000b",
                        "00000000-0000-7000-8000-00000000000c")) {
                    s.execute("INSERT INTO agency (agency_id, name, currency, time_zone, safety_cash_threshold_minor,"
                            + " payday, delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days)"
                            + " VALUES ('" + agency + "', 'A', 'EUR', 'Europe/Paris', 0, 25, 0, 0, 0, 0)");
                }
                // A: two balances; B: one; C: none
                s.execute("INSERT INTO bank_balance (agency_id, id, on_date, currency, amount_minor) VALUES"
                        + " ('00000000-0000-7000-8000-00000000000a', gen_random_uuid(), '2026-11-01', 'EUR', 100),"
                        + " ('00000000-0000-7000-8000-00000000000a', gen_random_uuid(), '2026-11-02', 'EUR', 200),"
                        + " ('00000000-0000-7000-8000-00000000000b', gen_random_uuid(), '2026-11-02', 'EUR', 300)");
            }
            Flyway.configure().dataSource(jdbc, EmbeddedPostgresServer.USER, server.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, server.password());
                 Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT right(agency_id::text, 1) || ' ' || name || ' ' || currency || ' ' || archived"
                        + " FROM bank_account ORDER BY agency_id"))
                        .containsExactly("a Main account EUR false", "b Main account EUR false");
                // every balance is on its own agency's account
                assertThat(rows(s, "SELECT right(b.agency_id::text, 1) || ' ' || b.amount_minor FROM bank_balance b"
                        + " JOIN bank_account a ON a.agency_id = b.agency_id AND a.id = b.account_id"
                        + " ORDER BY b.amount_minor"))
                        .containsExactly("a 100", "a 200", "b 300");
            }
        } finally {
            server.stop();
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
