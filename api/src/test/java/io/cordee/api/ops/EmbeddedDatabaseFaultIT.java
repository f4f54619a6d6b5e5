package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Crashes on the embedded default, with the packaged application (the jar {@code package} built) run as a
 * separate process on a home folder of its own ({@code -Duser.home}), as a user runs it (ADR 21). In order,
 * on one data folder:
 * <ol>
 *   <li>PostgreSQL backends serving the application are killed ({@code kill -9}) under concurrent
 *       acknowledged writes: every acknowledged write is there afterwards;</li>
 *   <li>the application is killed ({@code kill -9}; its PostgreSQL is orphaned) and started again: ready
 *       at once, the orphan stopped, the data intact;</li>
 *   <li>a second Cordée on the folder the first one holds: a clear error naming the folder, at once;</li>
 *   <li>the database refuses connections without the password, on TCP and on its socket;</li>
 *   <li>the daily backup, a change, the restore command: the change is gone, the backup's data is back.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseFaultIT {

    private static final Duration READY_LIMIT = Duration.ofSeconds(180);
    private static final String CREATE = "mutation($in: CreateClientInput!) { createClient(input: $in) { client { id } userErrors { code } } }";
    private static final String DEMO_OWNER = "owner@studio-boreal.example";
    private static final String DEMO_PASSWORD = "cordee-demo";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path home;
    private Path cordee;
    private App app;
    private Duration firstStart;
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startOnAFreshHome() throws Exception {
        home = Files.createTempDirectory("cordee-it-home");
        cordee = home.resolve(".cordee");
        long t0 = System.nanoTime();
        // no backup on this first run: the one the restore test uses is the restarted run's, made after the writes
        app = App.start(home, freePort(), "startup-1", "--cordee.db.embedded.backup.enabled=false");
        app.awaitReady();
        firstStart = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[fault] first start (initdb, migrations, demo data): ready in %d ms%n", firstStart.toMillis());
    }

    @AfterAll
    void stopAll() throws Exception {
        if (app != null) {
            app.stop();
        }
        try (var files = Files.walk(home)) { // ~60 MB of extracted binaries among them
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void killingPostgresBackendsLosesNoAcknowledgedWrite() throws Exception {
        String session = signIn(app);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int i = 0; writing.get() && i < 400; i++) {
                    try {
                        String name = "Fault " + writer + "-" + i;
                        JsonNode answer = graphql(app, session, CREATE, Map.of("in", Map.of("name", name, "segment", "SME")));
                        JsonNode id = answer.path("data").path("createClient").path("client").path("id");
                        if (id.isString() && answer.path("errors").isEmpty()) {
                            acknowledged.add(name);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        int kills = 0;
        try {
            awaitAcknowledged(20);
            for (int k = 0; k < 5; k++) {
                Long backend = anApplicationBackend();
                if (backend != null) {
                    kill9(backend);
                    kills++;
                }
                // PostgreSQL restarts every backend after one is killed (crash recovery); let writes succeed again
                int before = acknowledged.size();
                awaitAcknowledged(before + 10);
            }
        } finally {
            writing.set(false);
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
        long found = countClients(acknowledged);
        System.out.printf("[fault] backends killed: %d; writes acknowledged: %d, refused during the outages: %d;"
                + " acknowledged rows found: %d%n", kills, acknowledged.size(), refused.get(), found);
        assertThat(kills).isEqualTo(5);
        assertThat(found).isEqualTo(acknowledged.size());
    }

    @Test
    @Order(2)
    void afterTheApplicationIsKilledItStartsAgainOnTheSameFolderWithItsData() throws Exception {
        long orphan = postmasterPid();
        app.kill9();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("PostgreSQL outlives the application")
                .isPresent();

        long t0 = System.nanoTime();
        app = App.start(home, freePort(), "startup-2");
        app.awaitReady();
        Duration restart = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[fault] restart after kill -9 of the application: ready in %d ms (first start: %d ms)%n",
                restart.toMillis(), firstStart.toMillis());
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan is stopped").isEmpty();
        assertThat(app.output()).contains("stopping it");
        // ready within 30 s; on a machine so loaded that a fresh start takes longer, no slower than a fresh start
        assertThat(restart).isLessThan(max(Duration.ofSeconds(30), firstStart.plusSeconds(10)));
        assertThat(countClients(acknowledged)).isEqualTo(acknowledged.size());
        String session = signIn(app);
        JsonNode answer = graphql(app, session, "{ clients(first: 1) { totalCount } }", Map.of());
        assertThat(answer.path("data").path("clients").path("totalCount").asInt()).isGreaterThanOrEqualTo(acknowledged.size());
    }

    @Test
    @Order(3)
    void aSecondCordeeOnAFolderInUseStopsAtOnceNamingTheFolder() throws Exception {
        long t0 = System.nanoTime();
        App second = App.start(home, freePort(), "second");
        boolean exited = second.process.waitFor(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[fault] a second Cordée on a folder in use: exit code %s after %d ms (JVM start included)%n",
                exited ? second.process.exitValue() : "-", took.toMillis());
        assertThat(exited).isTrue();
        assertThat(second.process.exitValue()).isNotZero();
        assertThat(second.output()).contains("APPLICATION FAILED TO START")
                .contains("The embedded database folder " + cordee.resolve("pgdata") + " is in use")
                .contains("another running Cordée (process " + app.process.pid() + ")")
                .contains("--cordee.db.embedded.data-dir");
        // the check itself is immediate (EmbeddedPostgresServerTest: under 5 s); here the JVM's start is in it too
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(app.ready()).as("the first one runs on").isTrue();
    }

    @Test
    @Order(4)
    void theDatabaseAsksEveryoneForThePassword() throws Exception {
        int port = Integer.parseInt(Files.readString(cordee.resolve("db-port")).trim());
        String password = Files.readString(cordee.resolve("db-password")).trim();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cordee.resolve("db-password"))))
                .isEqualTo("rw-------");
        for (String wrong : List.of("", "guess")) {
            try (Connection c = jdbc(port, wrong)) {
                throw new AssertionError("connected without the password");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isIn("28P01", "08004");
            }
        }
        try (Connection c = jdbc(port, password)) {
            assertThat(c.isValid(2)).isTrue();
        }
        Path socket = cordee.resolve("run").resolve(".s.PGSQL." + port);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cordee.resolve("run"))))
                .isEqualTo("rwx------");
        assertThat(authenticationAsked(socket)).as("AuthenticationSASL on the socket").isEqualTo(10);
        psqlIfInstalled(port, password);
    }

    @Test
    @Order(5)
    void theRestoreCommandBringsBackTheDailyBackup() throws Exception {
        // the restarted run took today's backup a second after it started (initial-delay PT1S), after the writes
        // the newest daily, whatever its date (a run across midnight UTC writes the next day's name)
        Path backup = awaitNewestDaily(cordee.resolve("backups"));
        String session = signIn(app);
        JsonNode after = graphql(app, session, CREATE, Map.of("in", Map.of("name", "After the backup", "segment", "SME")));
        assertThat(after.path("data").path("createClient").path("client").path("id").isString()).as(after.toString()).isTrue();
        String afterId = "After the backup";
        assertThat(countClients(List.of(afterId))).isEqualTo(1);
        app.stop();

        long t0 = System.nanoTime();
        App restore = App.run(home, List.of("--cordee.restore=" + backup), "restore");
        assertThat(restore.process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        System.out.printf("[fault] restore of %s (%d bytes): exit code %d in %d ms%n", backup.getFileName(),
                Files.size(backup), restore.process.exitValue(), (System.nanoTime() - t0) / 1_000_000);
        assertThat(restore.output()).contains("Cordée: restored");
        assertThat(restore.process.exitValue()).isZero();

        app = App.start(home, freePort(), "after-restore");
        app.awaitReady();
        assertThat(countClients(List.of(afterId))).as("the change after the backup is gone").isZero();
        assertThat(countClients(acknowledged)).as("the backup's rows are back").isEqualTo(acknowledged.size());
    }

    // --- the application as a process -------------------------------------------------------------------

    /** The packaged application running on {@code home}, its output in a file. */
    record App(Process process, int port, Path log) {

        static App start(Path home, int port, String name, String... more) throws IOException {
            List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                    // the actuator's own port (ADR 26) free too, so runs never collide on 8081
                    "--management.server.port=0",
                    // today's backup a second after the start, not a minute
                    "--cordee.db.embedded.backup.initial-delay=PT1S",
                    // four writers as one user, as fast as they can: past the 300 a minute of a real user
                    "--cordee.limits.rate.caller-requests=1000000"));
            args.addAll(List.of(more));
            return run(home, args, name);
        }

        static App run(Path home, List<String> args, String name) throws IOException {
            String jar = System.getProperty("cordee.jar");
            assertThat(jar).as("cordee.jar (set by failsafe)").isNotNull();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Duser.home=" + home, "-jar", jar));
            command.addAll(args);
            Path log = home.resolve(name + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int port = args.stream().filter(a -> a.startsWith("--server.port=")).findFirst()
                    .map(a -> Integer.parseInt(a.substring("--server.port=".length()))).orElse(0);
            return new App(p, port, log);
        }

        void awaitReady() throws Exception {
            try {
                await("the application ready").atMost(READY_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the application exited (" + process.exitValue() + "):\n" + output());
                    }
                    return ready();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not ready within " + READY_LIMIT + ":\n" + output(), e);
            }
        }

        boolean ready() {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        void kill9() throws Exception {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws Exception {
            process.destroy(); // SIGTERM: graceful shutdown, then the embedded PostgreSQL is stopped
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private String signIn(App target) throws Exception {
        HttpResponse<String> r = http.send(post(target, null, "mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }",
                Map.of("in", Map.of("email", DEMO_OWNER, "password", DEMO_PASSWORD))), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("CORDEE_SESSION="))
                .map(c -> c.substring("CORDEE_SESSION=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session: " + r.body()));
    }

    private JsonNode graphql(App target, String session, String query, Map<String, Object> variables) throws IOException {
        try {
            HttpResponse<String> r = http.send(post(target, session, query, variables), HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpRequest post(App target, String session, String query, Map<String, Object> variables) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (session != null) {
            b.header("Cookie", "CORDEE_SESSION=" + session);
        }
        return b.build();
    }

    // --- the database, behind the application's back ----------------------------------------------------

    private Connection jdbc(int port, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/cordee", p);
    }

    private Connection database() throws Exception {
        int port = Integer.parseInt(Files.readString(cordee.resolve("db-port")).trim());
        String password = Files.readString(cordee.resolve("db-password")).trim();
        SQLException last = null;
        for (int attempt = 0; attempt < 100; attempt++) { // the server may be in crash recovery
            try {
                return jdbc(port, password);
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    /** A backend serving the application (not this connection, not PostgreSQL's own processes). */
    private Long anApplicationBackend() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = 'cordee'"
                        + " AND pid <> pg_backend_pid() ORDER BY state = 'active' DESC, random() LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static void kill9(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** How many of the clients named (each name written once) are in the database. */
    private long countClients(List<String> names) throws Exception {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM client WHERE name = ANY(?)")) {
            Array array = c.createArrayOf("text", names.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(cordee.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }

    private void awaitAcknowledged(int count) {
        await("%d writes acknowledged".formatted(count)).atMost(Duration.ofSeconds(120))
                .until(() -> acknowledged.size() >= count);
    }

    /** The authentication the server asks of a client connecting on its Unix socket (protocol 3.0). */
    private static int authenticationAsked(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            byte[] params = "user\0postgres\0database\0cordee\0\0".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer startup = ByteBuffer.allocate(8 + params.length);
            startup.putInt(8 + params.length).putInt(196608).put(params).flip();
            channel.write(startup);
            ByteBuffer answer = ByteBuffer.allocate(9);
            while (answer.hasRemaining() && channel.read(answer) >= 0) {
                // the message type, its length, the authentication code
            }
            answer.flip();
            assertThat((char) answer.get()).isEqualTo('R');
            answer.getInt();
            return answer.getInt();
        }
    }

    /** The psql command of docs/operations.md ("The embedded database"), where psql is installed: refused without the password, answered with it. */
    private void psqlIfInstalled(int port, String password) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        if (!Files.isExecutable(psql)) {
            System.out.println("[fault] psql not installed: the JDBC and socket checks above stand for it");
            return;
        }
        for (String host : List.of("127.0.0.1", cordee.resolve("run").toString())) {
            ProcessBuilder without = new ProcessBuilder(psql.toString(), "-w", "-h", host, "-p", Integer.toString(port),
                    "-U", "postgres", "-c", "SELECT 1", "cordee").redirectErrorStream(true);
            without.environment().remove("PGPASSWORD");
            without.environment().put("PGPASSFILE", "/dev/null");
            Process p = without.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("psql -h %s without the password: %s", host, out).isNotZero();
            ProcessBuilder with = new ProcessBuilder(psql.toString(), "-w", "-h", host, "-p", Integer.toString(port),
                    "-U", "postgres", "-tAc", "SELECT 1", "cordee").redirectErrorStream(true);
            with.environment().put("PGPASSWORD", password);
            Process q = with.start();
            String answer = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(q.waitFor()).as("psql -h %s with the password: %s", host, answer).isZero();
            assertThat(answer.trim()).isEqualTo("1");
        }
        System.out.println("[fault] psql: refused without the password, answered with it (TCP and socket)");
    }

    /** The newest {@code cordee-<date>.zip} (by its date, in its name), once one exists (up to 60 s). */
    private static Path awaitNewestDaily(Path backups) throws InterruptedException, IOException {
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(backups)) {
                try (var files = Files.list(backups)) {
                    var newest = files.filter(f -> f.getFileName().toString().matches("cordee-\\d{4}-\\d{2}-\\d{2}\\.zip"))
                            .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
                    if (newest.isPresent()) {
                        return newest.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no daily backup cordee-<date>.zip in " + backups + " within 60 s");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
