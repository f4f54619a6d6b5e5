package io.cordee.api.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL of its own for a fault test, which stops and starts it under a running application: the
 * same port and the same data directory each time, so the application's URL stays valid and committed
 * rows survive. Registered before the Spring extension, so the server is up before the application
 * starts and is removed after the application has closed. The port is published as the system property
 * {@value #PORT_PROPERTY} for the test's {@code cordee.db.url}.
 */
public final class FaultDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String PORT_PROPERTY = "cordee.fault-test.db-port";

    private static int port;
    private static Path dataDirectory;
    private static EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataDirectory = Files.createTempDirectory("cordee-fault-pg");
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cordee TEMPLATE template0 ENCODING 'UTF8'"
                    + " LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8'");
        }
    }

    /** Starts the server on the data directory and port it had (first time: a fresh cluster). */
    public static synchronized void start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: connections are cut, committed data is kept). */
    public static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC connection to the application's database, to count rows behind the application's back. */
    public static Connection connect() throws SQLException {
        return postgres.getDatabase("postgres", "cordee").getConnection();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
