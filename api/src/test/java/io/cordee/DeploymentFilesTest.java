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
 * There is no Docker engine here (nor in CI), so the compose file and the Dockerfile are checked by parsing
 * (ADR 32): valid YAML, the app wired to the database it starts, no demo and no secret on the default path, the
 * image layered and unprivileged. {@code docker-compose config} (1.29) was run by hand on the same files.
 */
class DeploymentFilesTest {

    private static final Path ROOT = repositoryRoot();

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsPostgres17AndTheAppWiredToItWithoutDemoData() throws IOException {
        Map<String, Object> services = services();
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
        assertThat(appEnv).as("a real agency: no demo agency and its public password").containsEntry("CORDEE_DEMO_DATA", "false");
        URI dbUrl = URI.create(appEnv.get("CORDEE_DB_URL").substring("jdbc:".length()));
        assertThat(dbUrl.getScheme()).isEqualTo("postgresql");
        assertThat(services).containsKey(dbUrl.getHost());
        assertThat(dbUrl.getPort()).isEqualTo(5432);
        assertThat(dbUrl.getPath()).isEqualTo("/" + dbEnv.get("POSTGRES_DB"));
        assertThat(appEnv.get("CORDEE_DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
        // the one password: the database gets it from .env by interpolation, the app from .env as env_file
        assertThat(dbEnv.get("POSTGRES_PASSWORD")).startsWith("${CORDEE_DB_PASSWORD:?");
        assertThat(app.get("env_file")).isEqualTo(".env");
        assertThat(appEnv).doesNotContainKey("CORDEE_DB_PASSWORD");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) app.get("depends_on");
        assertThat(dependsOn.get(dbUrl.getHost())).containsEntry("condition", "service_healthy");
        assertThat(db).doesNotContainKey("profiles");
        assertThat(app).doesNotContainKey("profiles");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoIsOnlyBehindTheDemoProfileOnItsOwnDatabase() throws IOException {
        Map<String, Object> services = services();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> definition = (Map<String, Object>) service.getValue();
            Map<String, String> env = (Map<String, String>) definition.getOrDefault("environment", Map.of());
            boolean demo = "true".equals(env.get("CORDEE_DEMO_DATA"));
            List<String> profiles = (List<String>) definition.getOrDefault("profiles", List.of());
            assertThat(profiles).as("%s: the demo profile holds the demo, and only it", service.getKey())
                    .isEqualTo(demo || service.getKey().startsWith("demo") ? List.of("demo") : List.of());
        }
        Map<String, Object> demo = (Map<String, Object>) services.get("demo");
        Map<String, String> demoEnv = (Map<String, String>) demo.get("environment");
        assertThat(demoEnv).containsEntry("CORDEE_DEMO_DATA", "true");
        String demoHost = URI.create(demoEnv.get("CORDEE_DB_URL").substring("jdbc:".length())).getHost();
        assertThat(demoHost).as("the demo never writes into the agency's database").isEqualTo("demo-db");
        assertThat((List<String>) demo.get("ports")).containsExactly("8090:8080");
    }

    @Test
    void noSecretIsWrittenInTheRepositoryOnlyPlaceholders() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher secrets = Pattern.compile("(?im)^\\s*(\\w*(PASSWORD|SECRET|TOKEN)\\w*)\\s*:\\s*(.+)$").matcher(compose);
        int found = 0;
        while (secrets.find()) {
            found++;
            assertThat(secrets.group(3)).as(secrets.group(1)).startsWith("${").endsWith("}");
        }
        assertThat(found).isEqualTo(2);

        List<String> example = Files.readAllLines(ROOT.resolve(".env.example"));
        // every variable compose interpolates is in the example, with a placeholder value
        for (String variable : Pattern.compile("\\$\\{(\\w+)").matcher(compose).results().map(m -> m.group(1)).toList()) {
            assertThat(example).as(variable).contains(variable + "=CHANGE-ME");
        }
        assertThat(example).filteredOn(l -> !l.isBlank() && !l.startsWith("#"))
                .allMatch(l -> l.endsWith("=CHANGE-ME"), "only placeholders");
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).as("never in an image's build context").contains(".env");
    }

    @Test
    void dockerfileBuildsTheReactorAndRunsTheLayeredApplicationAsAnOrdinaryUser() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> froms = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results()
                .map(m -> m.group(1)).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("eclipse-temurin:17-jdk");
        assertThat(froms.get(1)).isEqualTo("eclipse-temurin:17-jre");
        // the actuator listens beyond the container's loopback, for the orchestrator and the scraper (ADR 26)
        assertThat(dockerfile).contains("ENV CORDEE_MANAGEMENT_ADDRESS=0.0.0.0");
        assertThat(dockerfile).contains("./mvnw").contains("EXPOSE 8080");

        String version = firstMatch(Files.readString(ROOT.resolve("pom.xml")),
                "<artifactId>cordee-parent</artifactId>\\s*<version>([^<]+)</version>");
        String artifact = firstMatch(Files.readString(ROOT.resolve("api/pom.xml")),
                "</parent>\\s*<artifactId>([^<]+)</artifactId>");
        assertThat(dockerfile).contains("java -Djarmode=tools -jar api/target/" + artifact + "-" + version
                + ".jar extract --layers --launcher --destination /layers");
        // Spring Boot's layers, least changing first: a code change rebuilds only the application layer
        List<String> layers = Pattern.compile("(?m)^COPY --from=build /layers/([\\w-]+)/ \\./$").matcher(dockerfile)
                .results().map(m -> m.group(1)).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runStage).containsPattern("(?m)^USER cordee$").contains("useradd --system --uid 10001");
        assertThat(runStage.indexOf("USER cordee")).isLessThan(runStage.indexOf("ENTRYPOINT"));
        assertThat(dockerfile).containsPattern(
                "ENTRYPOINT \\[\"java\", \"-XX:MaxRAMPercentage=50\", \"-XX:MaxDirectMemorySize=128m\","
                        + " \"-XX:\\+ExitOnOutOfMemoryError\", \"org.springframework.boot.loader.launch.JarLauncher\"\\]");
        assertThat(dockerfile).containsPattern("(?s)HEALTHCHECK .*CMD .*GET /readyz .* 200 ");
        // every module the reactor builds is copied into the build stage
        for (String module : List.of("core", "persistence", "web-client", "api")) {
            assertThat(dockerfile).contains("COPY " + module + "/src " + module + "/src");
        }
    }

    @Test
    void theReadmesRealAgencyBlockIsWhatCiRunsOnTheJarThePomsBuild() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("(?s)\n<!-- real-agency:begin -->\n```bash\n(.*?)```\n<!-- real-agency:end -->\n")
                .matcher(readme);
        assertThat(block.find()).as("one block between the real-agency markers").isTrue();
        String commands = block.group(1);
        assertThat(block.find()).as("only one").isFalse();
        String version = firstMatch(Files.readString(ROOT.resolve("pom.xml")),
                "<artifactId>cordee-parent</artifactId>\\s*<version>([^<]+)</version>");
        String artifact = firstMatch(Files.readString(ROOT.resolve("api/pom.xml")),
                "</parent>\\s*<artifactId>([^<]+)</artifactId>");
        // the memory flags of ADR 50, the heap whole from the start (ADR 98)
        assertThat(commands).contains("CORDEE_DEMO_DATA=false java -Xms384m -Xmx384m -XX:MaxDirectMemorySize=128m -jar api/target/"
                        + artifact
                        + "-" + version + ".jar")
                .contains("--cordee.setup.token-file=").contains("$(cat \"$AGENCY_HOME/setup-token\")")
                .contains("setUp(input: $input)").contains("signIn(input:").contains("kill $CORDEE_PID");
        // CI extracts this very block (no copy to drift) and runs it after the test command
        String script = Files.readString(ROOT.resolve(".ci/real-agency"));
        assertThat(script).contains("/^<!-- real-agency:begin -->$/").contains("/^<!-- real-agency:end -->$/")
                .contains("jar=api/target/" + artifact + "-" + version + ".jar");
        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).containsSubsequence("./mvnw -B verify", "bash .ci/real-agency");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
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
