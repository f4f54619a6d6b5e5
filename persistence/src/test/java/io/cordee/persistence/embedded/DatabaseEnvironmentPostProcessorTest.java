package io.cordee.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DatabaseEnvironmentPostProcessorTest {

    private final DatabaseEnvironmentPostProcessor processor =
            new DatabaseEnvironmentPostProcessor(destination -> destination.get());

    @Test
    void cordeeDbUrlGivesBothTheR2dbcAndTheFlywaySettings() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("cordee.db.url", "jdbc:postgresql://db.internal:6432/cordee?sslmode=require")
                .withProperty("cordee.db.user", "app").withProperty("cordee.db.password", "s3cret");
        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.internal:6432/cordee?sslmode=require");
        assertThat(env.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db.internal:6432/cordee?sslmode=require");
        assertThat(env.getProperty("spring.r2dbc.username")).isEqualTo("app");
        assertThat(env.getProperty("spring.flyway.password")).isEqualTo("s3cret");
        assertThat(env.getProperty("cordee.db.mode")).isEqualTo("external");
    }

    @Test
    void standardSpringPropertiesWinAndAreLeftAlone() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://elsewhere/db")
                .withProperty("cordee.db.url", "jdbc:postgresql://ignored/db");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://elsewhere/db");
        assertThat(env.getProperty("cordee.db.mode")).isNull();
    }

    @Test
    void aNonPostgresUrlIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> DatabaseEnvironmentPostProcessor.stripScheme("jdbc:mysql://db/cordee"))
                .hasMessageContaining("CORDEE_DB_URL must be a PostgreSQL URL");
        assertThat(DatabaseEnvironmentPostProcessor.stripScheme("postgresql://h/db")).isEqualTo("h/db");
    }
}
