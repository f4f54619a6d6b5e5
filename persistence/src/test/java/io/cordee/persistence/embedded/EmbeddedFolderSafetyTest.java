package io.cordee.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another local user could prepare for the embedded server is never used (security review of issue
 * 13): a binaries cache or socket folder not private to us, a data folder's parent of someone else's; the
 * folders Cordée did not create keep their permissions; a restore stopped between its two renames is
 * undone at the next start, the data from before it back.
 */
class EmbeddedFolderSafetyTest {

    private static final int NOBODY = 65534;
    private static final String PLANTED = "#!/bin/sh\ntouch \"$0.ran\"\n";

    @Test
    void aBinariesCacheOpenToOthersIsEmptiedAndOneOfAnotherUserOrASymlinkIsRefused(@TempDir Path tmp) throws Exception {
        // the folder name the archive extracts to (pg-<hash>), learnt from a clean extraction
        String installation = PostgresBinaries.extract(tmp.resolve("reference")).getFileName().toString();

        // ours but 0777: anyone could have put a postgres there meanwhile
        Path open = tmp.resolve("open");
        Path planted = plant(open, installation);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path extracted = PostgresBinaries.extract(open);
        assertThat(mode(open)).isEqualTo("rwx------");
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(extracted.resolve("bin/postgres")), 4))
                .as("the planted script is gone, the real postgres (an ELF program) extracted again")
                .containsExactly(0x7F, 'E', 'L', 'F');
        assertThat(planted).isEqualTo(extracted.resolve("bin/postgres"));

        // a symlink to a folder holding a planted postgres
        Path target = tmp.resolve("elsewhere");
        plant(target, installation);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertThatThrownBy(() -> PostgresBinaries.extract(link)).hasMessageContaining(link.toString())
                .hasRootCauseMessage(link + " is a symbolic link or not a folder: refused (a folder of Cordée's"
                        + " must be a real folder of the user running it)");

        // another user's, private to them: refused, left as it is
        assumeTrue(EmbeddedFiles.currentUid() == 0, "changing a folder's owner needs root");
        Path foreign = tmp.resolve("foreign");
        Path foreignPostgres = plant(foreign, installation);
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(foreign, "unix:uid", NOBODY);
        assertThatThrownBy(() -> PostgresBinaries.extract(foreign))
                .hasRootCauseMessage(foreign + " belongs to another user (uid " + NOBODY + ", Cordée runs as uid 0):"
                        + " refused. Give Cordée a folder of its own.");
        assertThat(Files.readString(foreignPostgres)).isEqualTo(PLANTED);
    }

    @Test
    void theDataFoldersExistingParentKeepsItsPermissionsAndOneOfAnotherUserIsRefused(@TempDir Path tmp) throws Exception {
        // --cordee.db.embedded.data-dir=<a home or /var/lib>/pgdata: that folder is not Cordée's to chmod
        Path home = Files.createDirectory(tmp.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home.resolve("pgdata"), 0, stop -> { });
        try {
            assertThat(mode(home)).isEqualTo("rwxr-xr-x");
            assertThat(mode(home.resolve("db-password"))).isEqualTo("rw-------");
            assertThat(mode(server.socketDirectory())).isEqualTo("rwx------");
            assertThat(Files.readString(home.resolve("db-socket")).trim()).isEqualTo(server.socketDirectory().toString());
        } finally {
            server.stop();
        }

        assumeTrue(EmbeddedFiles.currentUid() == 0, "changing a folder's owner needs root");
        Path varLib = Files.createDirectory(tmp.resolve("var-lib"));
        Files.setPosixFilePermissions(varLib, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(varLib, "unix:uid", NOBODY);
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(varLib.resolve("pgdata"), 0, stop -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to another user")
                .hasMessageContaining("--cordee.db.embedded.data-dir=" + varLib.resolve("cordee").resolve("pgdata"));
        assertThat(mode(varLib)).isEqualTo("rwxr-xr-x");
        assertThat(varLib.resolve("pgdata")).doesNotExist();
    }

    @Test
    void theSocketsFallbackFolderUnderTmpIsUsedOnlyWhenPrivateToUs(@TempDir Path tmp) throws Exception {
        assumeTrue(EmbeddedFiles.currentUid() == 0, "changing a folder's owner needs root");
        // a home too long for a Unix socket path (~100 bytes): the socket goes to $TMPDIR/cordee-pg-<hash>
        Path home = tmp.resolve("a-folder-with-a-long-name-".repeat(4));
        Path data = home.resolve("pgdata");
        Path fallback = EmbeddedPostgresServer.Layout.beside(data).socketFolder();
        assertThat(fallback.toString()).startsWith(System.getProperty("java.io.tmpdir"));
        EmbeddedFiles.deleteRecursively(fallback);
        try {
            // prepared by another user: refused
            Files.createDirectory(fallback);
            Files.setAttribute(fallback, "unix:uid", NOBODY);
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, stop -> { }))
                    .hasRootCauseMessage(fallback + " belongs to another user (uid " + NOBODY + ", Cordée runs as uid 0):"
                            + " refused. Give Cordée a folder of its own.");

            // ours: used, and where it is written beside db-port
            Files.setAttribute(fallback, "unix:uid", 0);
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, stop -> { });
            try {
                assertThat(server.socketDirectory()).isEqualTo(fallback);
                assertThat(mode(fallback)).isEqualTo("rwx------");
                assertThat(Files.readString(home.resolve("db-socket")).trim()).isEqualTo(fallback.toString());
                assertThat(fallback.resolve(".s.PGSQL." + server.port())).exists();
            } finally {
                server.stop();
            }
        } finally {
            EmbeddedFiles.deleteRecursively(fallback);
        }
    }

    @Test
    void aRestoreStoppedBetweenItsRenamesIsUndoneAtTheNextStart(@TempDir Path home) throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try (Connection c = server.connect("cordee"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2), (3)");
        }
        // what a crash after "cordee -> cordee_replaced" and before "cordee_restoring -> cordee" leaves
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute(EmbeddedPostgresServer.createDatabaseStatement("cordee_restoring"));
            s.execute("ALTER DATABASE cordee RENAME TO cordee_replaced");
        }
        server.stop();

        EmbeddedPostgresServer next = EmbeddedPostgresServer.start(data, 0, stop -> { });
        try (Connection c = next.connect("cordee"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the data from before the restore, not a new empty database").isEqualTo(3);
        } finally {
            next.stop();
        }
    }

    /** A folder holding {@code <installation>/bin/postgres}, a script that would leave a trace if run. */
    private static Path plant(Path folder, String installation) throws Exception {
        Path postgres = folder.resolve(installation).resolve("bin/postgres");
        Files.createDirectories(postgres.getParent());
        Files.writeString(postgres, PLANTED);
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        return postgres;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
