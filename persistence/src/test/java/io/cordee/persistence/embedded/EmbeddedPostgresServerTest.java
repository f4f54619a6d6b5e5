package io.cordee.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server as the application starts it, each case on a folder of its own: durable when it
 * keeps data, password-protected on TCP and on its socket, an earlier version's folder upgraded in place,
 * a crashed run's server stopped and replaced, a folder held by someone else refused at once.
 */
class EmbeddedPostgresServerTest {

    private static final int SASL = 10; // AuthenticationSASL: the server asks for a SCRAM exchange
    private static final int OK = 0;    // AuthenticationOk: no password asked

    @Test
    void keptDataIsDurableAndNothingIsTrusted(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try {
            try (Connection c = server.connect("cordee")) {
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
                // sized for this machine (ADR 66), not PostgreSQL's 128 MB whatever the memory
                EmbeddedMemory sized = EmbeddedMemory.forMachine(EmbeddedMemory.machineMemory());
                assertThat(show(c, "shared_buffers")).isEqualTo(pgSize(sized.sharedBuffersMb()));
                assertThat(show(c, "effective_cache_size")).isEqualTo(pgSize(sized.effectiveCacheSizeMb()));
                assertThat(show(c, "work_mem")).isEqualTo(pgSize(sized.workMemMb()));
            }
            assertThat(Files.readString(home.resolve("db-password")).trim()).isEqualTo(server.password()).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db-password"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketDirectory())))
                    .isEqualTo("rwx------");
            assertThat(Files.readString(home.resolve("db-port")).trim()).isEqualTo(Integer.toString(server.port()));
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");

            assertRefused(server.port(), "");
            assertRefused(server.port(), "not-the-password");
            try (Connection c = connect(server.port(), server.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThat(authenticationAsked(server.socketDirectory().resolve(".s.PGSQL." + server.port()))).isEqualTo(SASL);
        } finally {
            server.stop();
        }
    }

    @Test
    void aThrowAwayDatabaseSkipsFsyncButStillAsksForThePassword() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
        try (Connection c = server.connect("cordee")) {
            assertThat(show(c, "synchronous_commit")).isEqualTo("off");
            assertThat(show(c, "fsync")).isEqualTo("off");
        }
        assertRefused(server.port(), "");
    }

    @Test
    void theServerLeftRunningByACrashedRunIsStoppedAndTheDataIsKept(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedPostgresServer crashed = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try (Connection c = crashed.connect("cordee"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2), (3)");
        }
        long leftOver = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0));
        EmbeddedPostgresServer.abandonForTest(crashed); // as kill -9 of the JVM: lock gone, postmaster running
        assertThat(ProcessHandle.of(leftOver)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        long started = System.nanoTime();
        EmbeddedPostgresServer next = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try {
            System.out.printf("Started again over a crashed run's server in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(ProcessHandle.of(leftOver).filter(ProcessHandle::isAlive)).isEmpty();
            try (Connection c = next.connect("cordee"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            next.stop();
        }
    }

    @Test
    void aFolderHeldBySomeoneElseIsRefusedAtOnceWithWhatToDo(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedPostgresServer.start(data, 0, stop -> { }).stop(); // a cluster, stopped cleanly

        // another Cordée: it holds the lock beside the data
        try (FileChannel channel = FileChannel.open(home.resolve("db.lock"), StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, stop -> { }))
                    .isInstanceOf(EmbeddedDatabaseInUseException.class)
                    .hasMessageContaining(data.toString()).hasMessageContaining("another running Cordée")
                    .hasMessageContaining("--cordee.db.embedded.data-dir");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }

        // a PostgreSQL someone started by hand on the folder
        Process foreign = EmbeddedPostgresServer.startForeignPostmasterForTest(data, freePort());
        try {
            awaitFile(data.resolve("postmaster.pid"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, stop -> { }))
                    .isInstanceOf(EmbeddedDatabaseInUseException.class)
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining("a PostgreSQL that Cordée did not start (process " + foreign.pid() + ")")
                    .hasMessageContaining("kill -INT " + foreign.pid());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(foreign.isAlive()).isTrue(); // left alone
        } finally {
            foreign.destroy();
            foreign.waitFor();
        }
    }

    @Test
    void anEarlierVersionsFolderWithoutPasswordIsUpgradedInPlace(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        // what Cordée before ADR 21 left: zonky's cluster, trust for everyone, no password file
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        assertThat(home.resolve("db-password")).doesNotExist();

        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try {
            assertThat(Files.readString(home.resolve("db-password")).trim()).isEqualTo(server.password());
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertRefused(server.port(), "");
            try (Connection c = connect(server.port(), server.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT n FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        } finally {
            server.stop();
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedPostgresServer.USER);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> connect(port, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    /** The authentication the server asks of a client connecting on its Unix socket (protocol 3.0). */
    private static int authenticationAsked(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            byte[] params = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer startup = ByteBuffer.allocate(8 + params.length);
            startup.putInt(8 + params.length).putInt(196608).put(params).flip();
            channel.write(startup);
            ByteBuffer answer = ByteBuffer.allocate(9);
            while (answer.hasRemaining() && channel.read(answer) >= 0) {
                // read the message type, its length and the authentication code
            }
            answer.flip();
            assertThat((char) answer.get()).isEqualTo('R');
            answer.getInt();
            int code = answer.getInt();
            assertThat(code).isNotEqualTo(OK);
            return code;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitFile(Path file) {
        await(file + " exists").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(file));
    }

    /** How SHOW prints a size in MB: "3GB" when it divides evenly, else "3000MB". */
    private static String pgSize(long mb) {
        return mb % 1024 == 0 ? (mb / 1024) + "GB" : mb + "MB";
    }
}
