package io.cordee.persistence.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.embedded.EmbeddedPostgresServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The real PostgreSQL the adapter tests run against: the embedded server (one per JVM) or the one
 * {@code CORDEE_TEST_DB_URL} names, migrated with the application's Flyway scripts.
 */
public final class TestDatabase {

    private static DatabaseClient client;
    private static ConnectionFactoryOptions options;

    private TestDatabase() {
    }

    public static synchronized DatabaseClient client() {
        if (client == null) {
            String jdbc = System.getenv("CORDEE_TEST_DB_URL");
            String user = System.getenv().getOrDefault("CORDEE_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("CORDEE_TEST_DB_PASSWORD", "");
            if (jdbc == null || jdbc.isBlank()) {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
                jdbc = server.jdbcUrl();
                user = EmbeddedPostgresServer.USER;
                password = server.password();
            }
            Flyway.configure().dataSource(jdbc, user, password).locations("classpath:db/migration").load().migrate();
            String r2dbc = "r2dbc:" + jdbc.substring("jdbc:".length());
            options = ConnectionFactoryOptions.parse(r2dbc).mutate()
                    .option(ConnectionFactoryOptions.USER, user)
                    .option(ConnectionFactoryOptions.PASSWORD, password)
                    // as the application reads (application.properties): results in binary format
                    .option(Option.valueOf("forceBinary"), true).build();
            client = DatabaseClient.create(ConnectionFactories.get(options));
        }
        return client;
    }

    /** The options {@link #client()} connects with (for a connection of a test's own, a listener's). */
    public static synchronized ConnectionFactoryOptions options() {
        client();
        return options;
    }

    /** A new agency (EUR, Europe/Paris, no thresholds) for a test's rows to belong to. */
    public static AgencyId newAgency() {
        AgencyId id = new AgencyId(new UuidV7IdGenerator().newId());
        client().sql("INSERT INTO agency (agency_id, name, currency, time_zone, safety_cash_threshold_minor, payday,"
                        + " delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days)"
                        + " VALUES (:id, 'Test', 'EUR', 'Europe/Paris', 0, 25, 0, 0, 0, 0)")
                .bind("id", id.value()).then().block();
        return id;
    }

    /** A new client of {@code agency} (an SME named "C", on 30 days) for a test's rows to belong to. */
    public static ClientId newClient(AgencyId agency) {
        ClientId id = new ClientId(new UuidV7IdGenerator().newId());
        client().sql("INSERT INTO client (agency_id, id, name, segment, payment_terms_days)"
                        + " VALUES (:a, :id, 'C', 'SME', 30)")
                .bind("a", agency.value()).bind("id", id.value()).then().block();
        return id;
    }
}
