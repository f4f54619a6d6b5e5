package io.cordee.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The daily backup of an embedded database that keeps its data, and the restore: back up, change the
 * data, restore, the data is back (rows, and the audit trail's identity sequence). One server on a folder
 * of its own: a restore replaces the whole {@code cordee} database.
 */
class EmbeddedBackupsTest {

    @Test
    void aDailyBackupOncePerDayKeptSevenDaysAndARestoreBringsTheDataBack(@TempDir Path home) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home.resolve("pgdata"), 0, stop -> { });
        try {
            Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password())
                    .locations("classpath:db/migration").load().migrate();
            UUID kept = insertAgency(server, "Before the backup");

            Path backups = server.backupDirectory();
            Files.createDirectories(backups);
            // 3 December: seven days kept are 27 November .. 3 December; 26 November goes
            Files.writeString(backups.resolve("cordee-2026-11-26.zip"), "old");
            Files.writeString(backups.resolve("cordee-2026-11-27.zip"), "kept");
            Files.writeString(backups.resolve("cordee-2026-12-02.zip.partial"), "left by a run that died");
            DailyBackups daily = daily(server, Instant.parse("2026-12-03T10:00:00Z"));

            assertThat(daily.runIfDue()).contains(backups.resolve("cordee-2026-12-03.zip"));
            assertThat(daily.runIfDue()).isEmpty(); // the day is done: a restart adds nothing
            assertThat(names(backups)).containsExactlyInAnyOrder("cordee-2026-11-27.zip", "cordee-2026-12-03.zip");
            assertThat(daily(server, Instant.parse("2026-12-04T00:05:00Z")).runIfDue())
                    .contains(backups.resolve("cordee-2026-12-04.zip"));

            // the scheduled check only hands the work to the class's own thread: it returns at once even while
            // a backup holds the class's lock (run inline, it would wait for the lock as long as the backup)
            DailyBackups scheduled = daily(server, Instant.parse("2026-12-05T10:00:00Z"));
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread backupUnderWay = new Thread(() -> {
                synchronized (scheduled) {
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            backupUnderWay.start();
            held.await();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    scheduled::backUpIfDue);
            release.countDown();
            backupUnderWay.join();
            Path fifth = backups.resolve("cordee-2026-12-05.zip");
            await("written by the backup thread once the lock is free").atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(100)).until(() -> Files.exists(fifth));
            scheduled.destroy();
            Files.delete(fifth);

            // the data changes after the backup of the 3rd
            UUID later = insertAgency(server, "After the backup");
            execute(server, "SET cordee.actor_user = '00000000-0000-0000-0000-000000000001';"
                    + " UPDATE agency SET name = 'Renamed' WHERE agency_id = '" + kept + "'");
            assertThat(agencies(server)).containsExactly("After the backup", "Renamed");

            EmbeddedBackups.Manifest restored = EmbeddedBackups.restore(server,
                    backups.resolve("cordee-2026-12-03.zip"), Instant.parse("2026-12-04T09:00:00Z"));

            assertThat(agencies(server)).containsExactly("Before the backup");
            assertThat(restored.tables()).anySatisfy(t -> {
                assertThat(t.name()).isEqualTo("agency");
                assertThat(t.rows()).isEqualTo(1);
            });
            assertThat(backups.resolve("before-restore-2026-12-04T090000Z.zip")).exists();
            // the audit trail came back as it was (1 entry: the first insert; not the later insert and update),
            // and its identity sequence goes on after it: the next entry gets id 2, not a second id 1
            assertThat(count(server, "SELECT count(*) FROM audit_entry")).isEqualTo(1);
            insertAgency(server, "After the restore");
            assertThat(count(server, "SELECT count(DISTINCT id) FROM audit_entry")).isEqualTo(2);
            assertThat(later).isNotNull();
        } finally {
            server.stop();
        }
    }

    @Test
    void aCraftedManifestIsRefusedAndNothingChanges(@TempDir Path home) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home.resolve("pgdata"), 0, stop -> { });
        try {
            Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password())
                    .locations("classpath:db/migration").load().migrate();
            insertAgency(server, "Current");
            Path genuine = home.resolve("genuine.zip");
            EmbeddedBackups.Manifest manifest;
            try (Connection c = server.connect("cordee")) {
                manifest = EmbeddedBackups.backup(c, genuine, Instant.parse("2026-12-03T10:00:00Z"));
            }
            insertAgency(server, "After the backup");

            // a column name that ends the column list and runs a program on the server (as pg's user: a
            // folder anyone may write in, so that the trace would appear if it ran)
            Path traces = Files.createDirectory(home.resolve("traces"));
            Files.setPosixFilePermissions(traces, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Path trace = traces.resolve("ran");
            Path injected = craft(genuine, home.resolve("injected.zip"), manifest, t -> t.name().equals("agency")
                    ? new EmbeddedBackups.Table(t.name(), List.of("\"name\") FROM PROGRAM 'touch " + trace + "' --"), t.rows())
                    : t);
            assertThatThrownBy(() -> EmbeddedBackups.restore(server, injected, Instant.parse("2026-12-04T09:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The backup's columns of agency").hasMessageContaining("refused, nothing was changed");
            assertThat(trace).doesNotExist();
            assertThat(agencies(server)).containsExactly("After the backup", "Current");

            // a table left out: it would have come back empty
            Path lacking = craft(genuine, home.resolve("lacking.zip"), manifest, t -> t.name().equals("agency") ? null : t);
            assertThatThrownBy(() -> EmbeddedBackups.restore(server, lacking, Instant.parse("2026-12-04T09:01:00Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing: [agency], unknown: []");
            assertThat(agencies(server)).containsExactly("After the backup", "Current");
            assertThat(databases(server)).doesNotContain("cordee_restoring", "cordee_replaced");

            // the data from before an interrupted restore is never dropped by the next restore
            execute(server, "SELECT 1"); // (cordee still answers)
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE cordee_replaced");
            }
            assertThatThrownBy(() -> EmbeddedBackups.restore(server, genuine, Instant.parse("2026-12-04T09:02:00Z")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The database cordee_replaced exists");
            assertThat(databases(server)).contains("cordee_replaced");
            assertThat(agencies(server)).containsExactly("After the backup", "Current");
        } finally {
            server.stop();
        }
    }

    /** A copy of {@code genuine} whose manifest's tables are changed by {@code edit} (null: left out). */
    private static Path craft(Path genuine, Path into, EmbeddedBackups.Manifest manifest,
                              java.util.function.UnaryOperator<EmbeddedBackups.Table> edit) throws Exception {
        List<EmbeddedBackups.Table> tables = manifest.tables().stream().map(edit).filter(java.util.Objects::nonNull).toList();
        EmbeddedBackups.Manifest crafted = new EmbeddedBackups.Manifest(manifest.format(), manifest.createdAt(),
                manifest.schemaVersion(), tables, manifest.sequences());
        try (ZipFile in = new ZipFile(genuine.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(into))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("manifest.json")) {
                    out.write(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(crafted));
                } else {
                    try (var data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return into;
    }

    private static List<String> databases(EmbeddedPostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static DailyBackups daily(EmbeddedPostgresServer server, Instant now) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("cordee.db.embedded.backup.directory", server.backupDirectory().toString())
                .withProperty("spring.flyway.url", server.jdbcUrl())
                .withProperty("spring.flyway.user", EmbeddedPostgresServer.USER)
                .withProperty("spring.flyway.password", server.password());
        return new DailyBackups(env, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static UUID insertAgency(EmbeddedPostgresServer server, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        // an actor, so that the audit trigger writes an entry (with the next id of its identity sequence)
        execute(server, "SET cordee.actor_user = '00000000-0000-0000-0000-000000000001'; INSERT INTO agency (agency_id, name, currency, time_zone, safety_cash_threshold_minor, payday,"
                + " delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days)"
                + " VALUES ('" + id + "', '" + name + "', 'EUR', 'Europe/Paris', 0, 25, 0, 0, 0, 0)");
        return id;
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect("cordee"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> agencies(EmbeddedPostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("cordee"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM agency ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect("cordee"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
