package io.cordee.persistence.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects to it:
 * <ol>
 *   <li>{@code spring.r2dbc.url} set: the standard Spring properties are used as they are;</li>
 *   <li>{@code cordee.db.url} set (env {@code CORDEE_DB_URL}, a {@code jdbc:postgresql://} or
 *       {@code postgresql://} URL, with {@code cordee.db.user} / {@code cordee.db.password}): both the
 *       R2DBC and the Flyway (JDBC) settings are derived from it;</li>
 *   <li>otherwise the embedded PostgreSQL is started, with its data in {@code cordee.db.embedded.data-dir}
 *       (default {@code ~/.cordee/pgdata}; {@code temporary} for a throw-away one), password-protected
 *       (ADR 21); when it keeps data, {@code cordee.db.embedded.backup.directory} turns on {@link DailyBackups},
 *       and {@code cordee.restore=<file>} restores a backup and exits.</li>
 * </ol>
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "cordeeDatabase";

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (hasText(env.getProperty("spring.r2dbc.url"))) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        String url = env.getProperty("cordee.db.url");
        if (hasText(url)) {
            String hostAndDb = stripScheme(url.trim());
            String user = env.getProperty("cordee.db.user", "");
            String password = env.getProperty("cordee.db.password", "");
            props.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostAndDb);
            props.put("spring.r2dbc.username", user);
            props.put("spring.r2dbc.password", password);
            props.put("spring.flyway.url", "jdbc:postgresql://" + hostAndDb);
            props.put("spring.flyway.user", user);
            props.put("spring.flyway.password", password);
            props.put("cordee.db.mode", "external");
            log.info("Database: " + props.get("spring.flyway.url") + " (CORDEE_DB_URL)");
        } else {
            String dir = env.getProperty("cordee.db.embedded.data-dir",
                    Path.of(System.getProperty("user.home"), ".cordee", "pgdata").toString());
            boolean temporary = "temporary".equals(dir);
            int port = env.getProperty("cordee.db.embedded.port", Integer.class, 0);
            // stopped after the application context has closed (graceful shutdown first), not beside it
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temporary ? null : Path.of(dir), port,
                    SpringApplication.getShutdownHandlers()::add, log);
            String restore = env.getProperty("cordee.restore");
            if (hasText(restore)) {
                restoreAndExit(server, restore);
            }
            props.put("spring.r2dbc.url", server.r2dbcUrl());
            props.put("spring.r2dbc.username", EmbeddedPostgresServer.USER);
            props.put("spring.r2dbc.password", server.password());
            props.put("spring.flyway.url", server.jdbcUrl());
            props.put("spring.flyway.user", EmbeddedPostgresServer.USER);
            props.put("spring.flyway.password", server.password());
            props.put("cordee.db.mode", "embedded");
            if (!temporary && env.getProperty("cordee.db.embedded.backup.enabled", Boolean.class, true)) {
                props.put("cordee.db.embedded.backup.directory", server.backupDirectory().toString());
            }
            log.info("Database: embedded PostgreSQL on 127.0.0.1:" + server.port() + ", data in "
                    + (temporary ? "a temporary directory" : dir + "; psql: PGPASSWORD=$(cat "
                    + server.dataDirectory().resolveSibling("db-password") + ") psql -h 127.0.0.1 -p " + server.port()
                    + " -U " + EmbeddedPostgresServer.USER + " " + EmbeddedPostgresServer.DATABASE));
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
    }

    /**
     * {@code --cordee.restore=<file>}: the embedded database is replaced by the backup, then the process
     * exits (0 when restored, 1 when not, with the reason), without starting the application: starting it
     * again with the option would restore again over the work done since.
     */
    private static void restoreAndExit(EmbeddedPostgresServer server, String file) {
        int status;
        try {
            EmbeddedBackups.Manifest restored = EmbeddedBackups.restore(server, EmbeddedBackups.expandHome(file),
                    Instant.now());
            System.out.println("Cordée: restored " + restored.rows() + " rows from " + file + " (backup of "
                    + restored.createdAt() + ") into " + server.dataDirectory()
                    + ". Start Cordée without --cordee.restore.");
            status = 0;
        } catch (Exception e) {
            System.err.println("Cordée: could not restore " + file + ": " + e.getMessage()
                    + "\nNothing was changed.");
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the shutdown handlers stop the server
    }

    /** {@code jdbc:postgresql://h:5432/db?x} or {@code postgresql://h/db} to {@code h:5432/db?x}. */
    static String stripScheme(String url) {
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        u = u.startsWith("r2dbc:") ? u.substring(6) : u;
        URI uri = URI.create(u);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("CORDEE_DB_URL must be a PostgreSQL URL such as "
                    + "jdbc:postgresql://host:5432/cordee, got " + url);
        }
        return u.substring(uri.getScheme().length() + 3);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
