package io.cordee.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the binaries on the classpath (zonky), one per JVM and data
 * directory: the application's default database, and the test suite's.
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "cordee";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The server keeping its data in {@code dataDirectory}, started on first use; {@code null} for a
     * throw-away directory (the tests'), deleted when the JVM exits.
     */
    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path key = dataDirectory == null ? Path.of("") : dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, k -> launch(dataDirectory, port));
    }

    private static EmbeddedPostgresServer launch(Path dataDirectory, int port) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            } else {
                builder.setCleanDataDirectory(true);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(),
                    dataDirectory == null ? "a temporary directory" : dataDirectory,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " with data in " + dataDirectory), e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            // ICU's root collation, so names sort as people expect (É with E), not by byte as in C.UTF-8.
            s.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'"
                    + " LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }
}
