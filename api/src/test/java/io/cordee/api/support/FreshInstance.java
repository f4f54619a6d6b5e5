package io.cordee.api.support;

import io.cordee.CordeeApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A second Cordée as a new user starts it for a real agency: demo data off, its own embedded PostgreSQL on
 * a fresh data folder (so no agency at all), the setup token file in that folder. Its clock is the test run's
 * ({@link TestClock}, as every test application's: {@code -Dcordee.test.now} moves it too). Closed by the test.
 */
public final class FreshInstance implements AutoCloseable {

    private final Path folder;
    private final ConfigurableApplicationContext context;

    private FreshInstance(Path folder, ConfigurableApplicationContext context) {
        this.folder = folder;
        this.context = context;
    }

    /** Starts it with the test profile and {@code extraArgs} ({@code --cordee.signup=open}, …). */
    public static FreshInstance start(String... extraArgs) {
        try {
            Path folder = Files.createTempDirectory("cordee-fresh");
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                    "--cordee.demo-data.enabled=false",
                    "--cordee.db.embedded.data-dir=" + folder.resolve("pgdata"),
                    "--cordee.db.embedded.backup.enabled=false",
                    "--cordee.setup.token-file=" + folder.resolve("setup-token")));
            args.addAll(List.of(extraArgs));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CordeeApplication.class,
                    TestClock.Configuration.class).profiles("test").run(args.toArray(String[]::new));
            return new FreshInstance(folder, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    public Path tokenFile() {
        return folder.resolve("setup-token");
    }

    public String token() {
        try {
            return Files.readString(tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** A count read behind the application's back, over JDBC. */
    public long count(String sql) {
        Environment env = context.getEnvironment();
        try (Connection c = DriverManager.getConnection(env.getProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
