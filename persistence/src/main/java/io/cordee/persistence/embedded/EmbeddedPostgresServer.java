package io.cordee.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL 17 server run from the binaries on the classpath, one per JVM and data folder: the
 * application's default database, and the test suite's (ADR 1, ADR 21).
 *
 * <p>zonky's archive only supplies the binaries; this class drives {@code initdb}, {@code postgres} and
 * {@code pg_ctl} itself, so that the server is locked down (SCRAM passwords, no {@code trust}, loopback only,
 * its socket in a private folder), durable when it keeps data ({@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} on), and recovers from a crashed run. Beside the data folder
 * ({@code ~/.cordee/pgdata} by default) it keeps:
 * <ul>
 *   <li>{@code db.lock} — locked by the running Cordée (an OS lock, released when its process dies, however
 *       it dies): a second Cordée on the same folder is refused at once;</li>
 *   <li>{@code db-password} (0600) — the superuser's password, generated at the first start;</li>
 *   <li>{@code db-port} — the port the server listens on (127.0.0.1), for {@code psql};</li>
 *   <li>{@code db-socket} — the folder of its Unix socket ({@code run/}, or a private folder under
 *       {@code $TMPDIR} when that path is too long for a socket);</li>
 *   <li>{@code run/} (0700) — its Unix socket; {@code postgres.log} — its log; {@code binaries/} — the
 *       extracted programs; {@code backups/} — the daily backups ({@link EmbeddedBackups}).</li>
 * </ul>
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "cordee";
    public static final String USER = "postgres";

    /** Marks a postmaster as started by a Cordée: found on a left-over one, it is ours to stop. */
    static final String MARKER = "cordee.started_by";

    private static final Log defaultLog = LogFactory.getLog(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final int UNIX_SOCKET_PATH_MAX = 100;
    /**
     * PBKDF2 rounds of the stored SCRAM verifier (PostgreSQL's default: 4096). They slow down guessing a
     * human password from a stolen verifier; ours is 192 random bits, out of reach either way, while every
     * new connection pays them twice (client and server) — a cold JVM on a loaded machine took more than
     * the pool's 2 s to open its first connections.
     */
    static final String SCRAM_ITERATIONS = "scram_iterations=256";

    private final Layout layout;
    private final Programs programs;
    private final FileChannel lockChannel;
    private final Process process;
    private final int port;
    private final String password;
    private boolean stopped;

    private EmbeddedPostgresServer(Layout layout, Programs programs, FileChannel lockChannel, Process process,
                                   int port, String password) {
        this.layout = layout;
        this.programs = programs;
        this.lockChannel = lockChannel;
        this.process = process;
        this.port = port;
        this.password = password;
    }

    /**
     * The server keeping its data in {@code dataDirectory}, started on first use and stopped when the JVM
     * exits; {@code null} for a throw-away folder (the tests'), deleted when the JVM exits.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-postgres-stop")));
    }

    /** As {@link #start(Path, int)}, with {@code onExit} given the action that stops the server. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Consumer<Runnable> onExit) {
        return start(dataDirectory, port, onExit, defaultLog);
    }

    /**
     * As {@link #start(Path, int, Consumer)}, reporting to {@code log}: while the environment is prepared,
     * Spring Boot's logging system drops every event, so the application passes its deferred log.
     */
    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, int port, Consumer<Runnable> onExit,
                                                            Log log) {
        Path key = dataDirectory == null ? Path.of("") : dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        EmbeddedPostgresServer server = launch(dataDirectory == null ? Layout.temporary() : Layout.beside(key), port, log);
        RUNNING.put(key, server);
        onExit.accept(server::stop);
        return server;
    }

    private static EmbeddedPostgresServer launch(Layout layout, int requestedPort, Log log) {
        long started = System.nanoTime();
        FileChannel lock = lockFolder(layout);
        try {
            Programs programs = new Programs(PostgresBinaries.extract(layout.binaries()), isRoot(layout.home()));
            stopLeftOver(layout, programs, log);
            String password = prepareCluster(layout, programs, log);
            writeHba(layout);
            // the fallback under $TMPDIR has a predictable name: used only if ours, real and 0700
            EmbeddedFiles.requirePrivateDirectory(layout.socketFolder());
            int port = choosePort(layout, requestedPort);
            Process process = startPostmaster(layout, programs, port);
            awaitReady(layout, process, port, password);
            Files.writeString(layout.portFile(), port + "\n");
            Files.writeString(layout.socketFile(), layout.socketFolder() + "\n"); // for psql -h $(cat db-socket)
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(layout, programs, lock, process, port, password);
            server.createDatabaseIfMissing(log);
            log.info("Embedded PostgreSQL started on 127.0.0.1:" + port + " with data in "
                    + (layout.throwAway() ? "a temporary folder" : layout.data()) + ", its socket in "
                    + layout.socketFolder() + " ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return server;
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL with data in " + layout.data(), e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    // --- the folder's lock and what a crashed run left behind -------------------------------------------

    private static FileChannel lockFolder(Layout layout) {
        try {
            prepareHome(layout);
            FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(layout.lockFile()).trim();
                channel.close();
                throw new EmbeddedDatabaseInUseException(layout.data(), "another running Cordée"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + " uses it",
                        "Stop that Cordée first, or give this one a folder of its own with"
                                + " --cordee.db.embedded.data-dir=<folder> (and --server.port=<port>).");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + layout.lockFile(), e);
        }
    }

    /**
     * The folder holding the data folder and the files beside it: created 0700 when missing; when it
     * exists (the user's home, {@code /var/lib}), its permissions are left as they are — only what Cordée
     * creates in it is made private — and it must belong to the current user.
     */
    private static void prepareHome(Layout layout) throws IOException {
        Path home = layout.home();
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            EmbeddedFiles.createPrivateDirectories(home);
            return;
        }
        try {
            EmbeddedFiles.requireOwn(home.toRealPath());
        } catch (IOException e) {
            throw new IllegalStateException("The data folder " + layout.data() + " is in " + home
                    + ", which Cordée cannot use: " + e.getMessage() + " Give the data folder a parent of its own,"
                    + " e.g. --cordee.db.embedded.data-dir=" + home.resolve("cordee").resolve("pgdata"), e);
        }
    }

    /**
     * A postmaster still running on the data folder while we hold its lock was left by a Cordée that died
     * (kill -9, OOM): it carries our marker, and is stopped. One without the marker was started by someone
     * else, and is left alone: the start fails with what to do.
     */
    private static void stopLeftOver(Layout layout, Programs programs, Log log) throws IOException {
        Path pidFile = layout.data().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // half-written by a server that died starting: PostgreSQL replaces it
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return; // stale: PostgreSQL sees the process is gone and replaces the file
        }
        List<String> commandLine = commandLine(pid);
        boolean postgres = !commandLine.isEmpty() && commandLine.get(0).endsWith("postgres");
        if (!commandLine.isEmpty() && !postgres) {
            log.info("Removing the stale " + pidFile + " (its process " + pid + " is now a " + commandLine.get(0) + ")");
            Files.delete(pidFile);
            return;
        }
        boolean ours = commandLine.stream().anyMatch(arg -> arg.startsWith(MARKER + "="));
        if (!ours) {
            throw new EmbeddedDatabaseInUseException(layout.data(), "a PostgreSQL that Cordée did not start"
                    + " (process " + pid + ") is running on it",
                    "Stop it (kill -INT " + pid + "), or give Cordée a folder of its own with"
                            + " --cordee.db.embedded.data-dir=<folder>.");
        }
        long since = System.nanoTime();
        log.warn("The embedded PostgreSQL of a Cordée that stopped abruptly (process " + pid + ") still runs on "
                + layout.data() + ": stopping it");
        if (!programs.run(Duration.ofSeconds(20), "pg_ctl", "stop", "-D", layout.data().toString(), "-m", "fast",
                "-w", "-t", "15").ok()) {
            programs.run(Duration.ofSeconds(20), "pg_ctl", "stop", "-D", layout.data().toString(), "-m", "immediate",
                    "-w", "-t", "10");
        }
        try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The left-over PostgreSQL (process " + pid + ") on " + layout.data()
                    + " did not stop; stop it by hand (kill -INT " + pid + ") and start Cordée again", e);
        }
        log.info("Left-over PostgreSQL stopped in " + (System.nanoTime() - since) / 1_000_000 + " ms");
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).map(c -> Arrays.asList(c.split(" ")))
                    .orElse(List.of());
        }
    }

    // --- the cluster: created locked, or an earlier version's upgraded in place ---------------------------

    /** Returns the superuser's password, creating the cluster or setting the password where needed. */
    private static String prepareCluster(Layout layout, Programs programs, Log log) throws IOException {
        Path passwordFile = layout.passwordFile();
        Path pending = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
        if (!Files.exists(layout.data().resolve("PG_VERSION"))) {
            String password = newPassword();
            EmbeddedFiles.writePrivate(pending, password + "\n");
            Files.createDirectories(layout.data());
            programs.check(Duration.ofSeconds(120), "initdb", "-D", layout.data().toString(), "-U", USER,
                    "--pwfile=" + pending, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "-c", SCRAM_ITERATIONS);
            Files.move(pending, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return password;
        }
        if (!Files.exists(passwordFile)) {
            // A folder of an earlier Cordée (trust, no password): set one in single-user mode, where no one
            // else can connect. Written to the .new file first: a crash before the rename redoes all of it.
            String password = newPassword();
            EmbeddedFiles.writePrivate(pending, password + "\n");
            programs.checkWithInput(Duration.ofSeconds(120), "ALTER ROLE " + USER + " PASSWORD '" + password + "';\n",
                    "postgres", "--single", "-D", layout.data().toString(), "-c", "password_encryption=scram-sha-256",
                    "-c", SCRAM_ITERATIONS, "postgres");
            Files.move(pending, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.warn("The embedded database in " + layout.data() + " had no password (an earlier version of"
                    + " Cordée): it has one now, in " + passwordFile);
            return password;
        }
        return Files.readString(passwordFile).trim();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // [A-Za-z0-9_-]: safe in SQL and URLs
    }

    /** Rewritten at every start, so that an earlier version's {@code trust} lines never come back. */
    private static void writeHba(Layout layout) throws IOException {
        EmbeddedFiles.writePrivate(layout.data().resolve("pg_hba.conf"), """
                # Written by Cordée at every start (ADR 21): every connection gives the password (SCRAM);
                # no connection goes without it. The server listens on 127.0.0.1 and on a socket in a private folder.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                """);
    }

    private static int choosePort(Layout layout, int requested) throws IOException {
        if (requested > 0) {
            return requested;
        }
        if (Files.exists(layout.portFile())) { // the same port as last time, when it is free: psql commands stay valid
            try {
                int previous = Integer.parseInt(Files.readString(layout.portFile()).trim());
                try (ServerSocket probe = new ServerSocket(previous, 1, InetAddress.getLoopbackAddress())) {
                    return previous;
                }
            } catch (IOException | NumberFormatException e) {
                // taken, or unreadable: a new one
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Process startPostmaster(Layout layout, Programs programs, int port) throws IOException {
        boolean durable = !layout.throwAway();
        String onOff = durable ? "on" : "off"; // a throw-away database trades durability for speed
        List<String> args = List.of("-D", layout.data().toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + layout.socketFolder(),
                "-c", "unix_socket_permissions=0700",
                "-c", "password_encryption=scram-sha-256",
                "-c", SCRAM_ITERATIONS,
                "-c", "fsync=" + onOff,
                "-c", "synchronous_commit=" + onOff,
                "-c", "full_page_writes=" + onOff,
                "-c", "max_connections=200",
                "-c", "timezone=UTC",
                "-c", MARKER + "=" + ProcessHandle.current().pid());
        // sized for the machine unless throw-away (ADR 66)
        EmbeddedMemory memory = durable ? EmbeddedMemory.forMachine(EmbeddedMemory.machineMemory()) : EmbeddedMemory.DEFAULTS;
        args = new java.util.ArrayList<>(args);
        args.addAll(memory.arguments());
        if (Files.exists(layout.log())) {
            Files.move(layout.log(), layout.log().resolveSibling("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(programs.command("postgres", args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log().toFile()));
        return builder.start();
    }

    private static void awaitReady(Layout layout, Process process, int port, String password) throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded PostgreSQL stopped while starting (exit code "
                        + process.exitValue() + "); its log, " + layout.log() + ", ends with:\n" + tail(layout.log()));
            }
            try (Connection c = connect(port, "postgres", password)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL started", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The embedded PostgreSQL did not accept connections within "
                + STARTUP_LIMIT.toSeconds() + " s; its log, " + layout.log() + ", ends with:\n" + tail(layout.log()), last);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Connection connect(int port, String database, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    private static boolean isRoot(Path ownFolder) throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(ownFolder, "unix:uid"));
    }

    private static void release(FileChannel lock) {
        try {
            lock.close();
        } catch (IOException e) {
            defaultLog.warn("Could not release the lock of the embedded database folder", e);
        }
    }

    // --- the running server -----------------------------------------------------------------------------

    /** Database names a restore uses while it swaps the restored copy in ({@link EmbeddedBackups}). */
    static final String RESTORING = "cordee_restoring";
    static final String REPLACED = "cordee_replaced";

    private void createDatabaseIfMissing(Log log) {
        try (Connection c = connect(port, "postgres", password); Statement s = c.createStatement()) {
            List<String> databases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
            }
            if (databases.contains(DATABASE)) {
                if (databases.contains(REPLACED)) {
                    log.warn("The database " + REPLACED + " holds the data from before a restore that stopped"
                            + " before its end (also saved in backups/before-restore-*.zip); it is kept. Drop it"
                            + " with psql (DROP DATABASE " + REPLACED + ") once " + DATABASE + " is checked.");
                }
                return;
            }
            if (databases.contains(REPLACED)) {
                // a restore stopped between its two renames: undo it, the data from before it comes back
                s.execute("ALTER DATABASE " + REPLACED + " RENAME TO " + DATABASE);
                log.warn("A restore stopped before its end (no " + DATABASE + ", but " + REPLACED + "): the data"
                        + " from before it is back in " + DATABASE + "; restore the backup again if wanted");
                return;
            }
            s.execute(createDatabaseStatement(DATABASE));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /** ICU's root collation, so names sort as people expect (É with E), not by byte as in C.UTF-8. */
    static String createDatabaseStatement(String name) {
        return "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'"
                + " LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8'";
    }

    /** A new JDBC connection to {@code database} as the superuser, over 127.0.0.1. */
    public Connection connect(String database) throws SQLException {
        return connect(port, database, password);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: sessions are cut, a checkpoint is written), once. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        synchronized (EmbeddedPostgresServer.class) {
            RUNNING.values().remove(this);
        }
        if (!programs.run(Duration.ofSeconds(40), "pg_ctl", "stop", "-D", layout.data().toString(), "-m", "fast",
                "-w", "-t", "30").ok()) {
            process.destroyForcibly();
        }
        release(lockChannel);
        if (layout.throwAway()) {
            try {
                EmbeddedFiles.deleteRecursively(layout.home());
            } catch (IOException e) {
                defaultLog.warn("Could not delete the temporary database folder " + layout.home(), e);
            }
        }
    }

    /**
     * For the tests of crash recovery: forgets this server as a crashed JVM would (its lock released, its
     * postmaster left running), so that the next {@link #start} on the folder finds a left-over server.
     */
    static synchronized void abandonForTest(EmbeddedPostgresServer server) {
        RUNNING.values().remove(server);
        server.stopped = true;
        release(server.lockChannel);
    }

    /** For the tests: a postmaster on {@code data} as someone else would start it (no marker, no lock). */
    static Process startForeignPostmasterForTest(Path data, int port) throws IOException {
        Layout layout = Layout.beside(data);
        Programs programs = new Programs(PostgresBinaries.extract(layout.binaries()), isRoot(layout.home()));
        return new ProcessBuilder(programs.command("postgres", List.of("-D", data.toString(), "-p",
                Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + layout.socketFolder())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public Path dataDirectory() {
        return layout.data();
    }

    /** The private folder holding the server's Unix socket ({@code .s.PGSQL.<port>}). */
    public Path socketDirectory() {
        return layout.socketFolder();
    }

    /** Where the daily backups go: {@code backups/} beside the data folder. */
    public Path backupDirectory() {
        return layout.home().resolve("backups");
    }

    public boolean temporary() {
        return layout.throwAway();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    // --- where things are, and how the programs are run -------------------------------------------------

    /** The data folder and the files Cordée keeps beside it, in {@code home}. */
    record Layout(Path home, Path data, boolean throwAway) {

        static Layout beside(Path data) {
            return new Layout(data.getParent(), data, false);
        }

        static Layout temporary() {
            try {
                Path home = Files.createTempDirectory("cordee-pg-"); // 0700
                return new Layout(home, home.resolve("pgdata"), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path lockFile() {
            return home.resolve("db.lock");
        }

        Path passwordFile() {
            return home.resolve("db-password");
        }

        Path portFile() {
            return home.resolve("db-port");
        }

        /** Where the socket's folder is (it is not always {@code run/}: see {@link #socketFolder()}). */
        Path socketFile() {
            return home.resolve("db-socket");
        }

        Path log() {
            return home.resolve("postgres.log");
        }

        Path socketFolder() {
            Path folder = home.resolve("run");
            if (folder.toString().length() + ".s.PGSQL.65535".length() + 1 > UNIX_SOCKET_PATH_MAX) {
                // Unix socket paths are limited to about 100 bytes: a private folder with a short path instead
                return Path.of(System.getProperty("java.io.tmpdir"), "cordee-pg-" + Integer.toHexString(home.hashCode()));
            }
            return folder;
        }

        /** Extracted once: for throw-away databases into a private folder of the user's, shared by test JVMs. */
        Path binaries() {
            return throwAway
                    ? Path.of(System.getProperty("java.io.tmpdir"), "cordee-pg-binaries-" + System.getProperty("user.name"))
                    : home.resolve("binaries");
        }
    }

    /** Runs the extracted programs; as root inside {@code unshare -U}, since PostgreSQL refuses to run as root. */
    record Programs(Path installation, boolean root) {

        record Result(int exitCode, String output) {
            boolean ok() {
                return exitCode == 0;
            }
        }

        List<String> command(String program, List<String> args) {
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(installation.resolve("bin").resolve(program).toString());
            command.addAll(args);
            return command;
        }

        Result run(Duration limit, String program, String... args) {
            return execute(limit, null, program, args);
        }

        /** Runs the program with {@code input} on its standard input; throws with its output when it fails. */
        void checkWithInput(Duration limit, String input, String program, String... args) {
            Result result = execute(limit, input, program, args);
            if (!result.ok()) {
                throw new IllegalStateException(program + " failed (exit code " + result.exitCode() + "):\n"
                        + result.output());
            }
        }

        void check(Duration limit, String program, String... args) {
            checkWithInput(limit, null, program, args);
        }

        private Result execute(Duration limit, String input, String program, String... args) {
            try {
                Process p = new ProcessBuilder(command(program, List.of(args))).redirectErrorStream(true).start();
                if (input != null) {
                    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                }
                p.getOutputStream().close();
                // the output is small (a few lines); read it whole, then wait
                byte[] output = p.getInputStream().readAllBytes();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, program + " did not finish within " + limit.toSeconds() + " s");
                }
                return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Result(-1, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
        }
    }
}
