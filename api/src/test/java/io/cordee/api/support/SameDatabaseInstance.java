package io.cordee.api.support;

import io.cordee.CordeeApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second Cordée on the database of the tests' own application, as a second instance behind a load balancer
 * runs in production: the same R2DBC and Flyway settings, its own random port, no demo data, the test profile.
 * What one instance commits, the other hears through PostgreSQL (ADR 77). Closed by the test.
 *
 * @see FreshInstance for an instance on a database of its own
 */
public final class SameDatabaseInstance implements AutoCloseable {

    private static final String[] SAME_DATABASE = {"spring.r2dbc.url", "spring.r2dbc.username",
        "spring.r2dbc.password", "spring.flyway.url", "spring.flyway.user", "spring.flyway.password"};

    private final ConfigurableApplicationContext context;

    private SameDatabaseInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts it on the database {@code first} (the tests' application's environment) uses; {@code args} are
     * command-line arguments ({@code --cordee.limits.websocket.connections-per-user=3}, …): arguments, not
     * default properties, which application.properties would override.
     */
    public static SameDatabaseInstance start(Environment first, String... args) {
        Map<String, Object> same = new LinkedHashMap<>();
        for (String key : SAME_DATABASE) {
            same.put(key, first.getProperty(key, ""));
        }
        same.put("server.port", "0");
        same.put("cordee.demo-data.enabled", "false");
        return new SameDatabaseInstance(new SpringApplicationBuilder(CordeeApplication.class).profiles("test")
                .properties(same).run(args));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
