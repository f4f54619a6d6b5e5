package io.cordee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here, so the compose file and the Dockerfile are checked by parsing:
 * valid YAML, and the app wired to the database it starts, with the jar the build produces.
 */
class DeploymentFilesTest {

    private static final Path ROOT = repositoryRoot();

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsPostgres17AndTheAppWiredToIt() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat((String) db.get("image")).startsWith("postgres:17");
        assertThat(db).containsKey("healthcheck");
        Map<String, String> dbEnv = (Map<String, String>) db.get("environment");

        assertThat(app.get("build")).isEqualTo(".");
        assertThat(ROOT.resolve("Dockerfile")).exists();
        assertThat((List<String>) app.get("ports")).contains("8080:8080")
                .as("the management port (metrics, health details) is never published").noneMatch(p -> p.contains("8081"));
        Map<String, String> appEnv = (Map<String, String>) app.get("environment");
        URI dbUrl = URI.create(appEnv.get("CORDEE_DB_URL").substring("jdbc:".length()));
        assertThat(dbUrl.getScheme()).isEqualTo("postgresql");
        assertThat(services).containsKey(dbUrl.getHost());
        assertThat(dbUrl.getPort()).isEqualTo(5432);
        assertThat(dbUrl.getPath()).isEqualTo("/" + dbEnv.get("POSTGRES_DB"));
        assertThat(appEnv.get("CORDEE_DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
        assertThat(appEnv.get("CORDEE_DB_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) app.get("depends_on");
        assertThat(dependsOn.get(dbUrl.getHost())).containsEntry("condition", "service_healthy");
    }

    @Test
    void dockerfileBuildsTheReactorAndRunsTheApplicationJar() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> froms = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results()
                .map(m -> m.group(1)).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("eclipse-temurin:17-jdk");
        assertThat(froms.get(1)).isEqualTo("eclipse-temurin:17-jre");
        // the actuator listens beyond the container's loopback, for the orchestrator and the scraper (ADR 26)
        assertThat(dockerfile).contains("ENV CORDEE_MANAGEMENT_ADDRESS=0.0.0.0");
        assertThat(dockerfile).contains("./mvnw").contains("EXPOSE 8080")
                .containsPattern("ENTRYPOINT \\[\"java\", \"-jar\", \"/app/cordee.jar\"\\]");

        String version = firstMatch(Files.readString(ROOT.resolve("pom.xml")),
                "<artifactId>cordee-parent</artifactId>\\s*<version>([^<]+)</version>");
        String artifact = firstMatch(Files.readString(ROOT.resolve("api/pom.xml")),
                "</parent>\\s*<artifactId>([^<]+)</artifactId>");
        assertThat(dockerfile).contains("COPY --from=build /src/api/target/" + artifact + "-" + version + ".jar /app/cordee.jar");
        // every module the reactor builds is copied into the build stage
        for (String module : List.of("core", "persistence", "web-client", "api")) {
            assertThat(dockerfile).contains("COPY " + module + "/src " + module + "/src");
        }
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
