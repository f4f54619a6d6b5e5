package io.cordee.persistence.embedded;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of the embedded database without {@code pg_dump} (zonky's archive has only {@code initdb},
 * {@code pg_ctl} and {@code postgres}; ADR 21): a zip holding {@code manifest.json} (the Flyway schema
 * version, each table's columns and row count, each sequence's value) and one {@code data/<table>.copy}
 * per table in PostgreSQL's {@code COPY} text format, all read in one repeatable-read snapshot, as
 * {@code pg_dump} does.
 *
 * <p>A restore rebuilds the schema with the application's own Flyway migrations up to the backup's version,
 * loads the rows into a new database ({@code COPY}, triggers off: the audit trail is restored as it was,
 * not written again), checks every table's count and only then puts it in place of {@code cordee} (two
 * renames). A failed restore leaves the current data untouched. Migrations newer than the backup run when
 * Cordée starts next, as after an upgrade.
 */
public final class EmbeddedBackups {

    static final String FORMAT = "cordee-backup/1";
    private static final String MANIFEST = "manifest.json";
    private static final String RESTORING = EmbeddedPostgresServer.RESTORING;
    private static final String REPLACED = EmbeddedPostgresServer.REPLACED;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    /** What a backup holds, besides the rows. */
    public record Manifest(String format, Instant createdAt, String schemaVersion, List<Table> tables,
                           Map<String, Long> sequences) {

        public long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    public record Table(String name, List<String> columns, long rows) {
    }

    private EmbeddedBackups() {
    }

    /**
     * Writes a consistent copy of the database {@code connection} is on into {@code file}, through a
     * {@code .partial} file renamed at the end: the file exists complete or not at all.
     */
    public static Manifest backup(Connection connection, Path file, Instant now) throws SQLException, IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<Table> tables = new ArrayList<>();
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, List<String>> table : tables(connection).entrySet()) {
                    zip.putNextEntry(new ZipEntry("data/" + table.getKey() + ".copy"));
                    long rows = copy.copyOut("COPY public." + quote(table.getKey()) + " ("
                            + String.join(", ", table.getValue()) + ") TO STDOUT", new EntryStream(zip));
                    zip.closeEntry();
                    tables.add(new Table(table.getKey(), table.getValue(), rows));
                }
                Manifest manifest = new Manifest(FORMAT, now, schemaVersion(connection), tables, sequences(connection));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                out.flush();
                connection.commit();
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    channel.force(true); // on disk before it counts as done
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Ordinary tables of the schema and their stored columns (generated ones are computed again). */
    private static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.relname, a.attname
                  FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 WHERE n.nspname = 'public' AND t.relkind = 'r' AND t.relname <> 'flyway_schema_history'
                 ORDER BY t.relname, a.attnum""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(quote(rs.getString(2)));
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> sequences = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("The database has no Flyway history: nothing to back up");
            }
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The manifest of a backup file, read without restoring anything. */
    public static Manifest manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is not a Cordée backup (no " + MANIFEST + ")");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Manifest manifest = json.readValue(in, Manifest.class);
                if (!FORMAT.equals(manifest.format())) {
                    throw new IllegalArgumentException(file + " is a backup of format " + manifest.format()
                            + "; this Cordée reads " + FORMAT);
                }
                return manifest;
            }
        }
    }

    /**
     * Replaces the embedded server's {@code cordee} database with the content of {@code file}, after
     * saving the current one into {@code backups/before-restore-<time>.zip}. Returns what was restored.
     */
    public static Manifest restore(EmbeddedPostgresServer server, Path file, Instant now) throws SQLException, IOException {
        Manifest manifest = manifest(file);
        boolean current;
        try (Connection admin = server.connect("postgres"); Statement s = admin.createStatement()) {
            current = exists(s, EmbeddedPostgresServer.DATABASE);
            if (exists(s, REPLACED)) {
                // left by a restore that stopped after its first rename: maybe the only copy of real data
                throw new IllegalStateException("The database " + REPLACED + " exists (the data from before an"
                        + " interrupted restore): nothing was changed. Check it and drop it with psql"
                        + " (DROP DATABASE " + REPLACED + "), then restore again.");
            }
            s.execute("DROP DATABASE IF EXISTS " + RESTORING);
            s.execute(EmbeddedPostgresServer.createDatabaseStatement(RESTORING));
        }
        try {
            if (current) {
                saveCurrent(server, now);
            }
            Flyway.configure()
                    .dataSource(server.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE, "/" + RESTORING),
                            EmbeddedPostgresServer.USER, server.password())
                    .locations("classpath:db/migration").target(manifest.schemaVersion()).load().migrate();
            try (Connection c = server.connect(RESTORING); ZipFile zip = new ZipFile(file.toFile())) {
                load(c, zip, manifest);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            try (Connection admin = server.connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + RESTORING);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
        try (Connection admin = server.connect("postgres"); Statement s = admin.createStatement()) {
            if (current) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + EmbeddedPostgresServer.DATABASE + "' AND pid <> pg_backend_pid()");
                // a crash between these two renames is undone at the next start (EmbeddedPostgresServer)
                s.execute("ALTER DATABASE " + EmbeddedPostgresServer.DATABASE + " RENAME TO " + REPLACED);
            }
            s.execute("ALTER DATABASE " + RESTORING + " RENAME TO " + EmbeddedPostgresServer.DATABASE);
            if (current) {
                s.execute("DROP DATABASE " + REPLACED);
            }
        }
        log.info("Restored {} rows in {} tables from {} (made {}, schema version {})", manifest.rows(),
                manifest.tables().size(), file, manifest.createdAt(), manifest.schemaVersion());
        return manifest;
    }

    private static boolean exists(Statement s, String database) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rs.next();
        }
    }

    private static void saveCurrent(EmbeddedPostgresServer server, Instant now) throws SQLException, IOException {
        Files.createDirectories(server.backupDirectory());
        Path safety = server.backupDirectory().resolve("before-restore-"
                + now.toString().replace(":", "").replaceAll("\\.\\d+", "") + ".zip");
        try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE)) {
            backup(c, safety, now);
        }
        log.info("The data replaced by the restore is saved in {}", safety);
    }

    private static void load(Connection c, ZipFile zip, Manifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // Rows go in as they were: no foreign-key checks between tables loaded in any order, no audit
            // trigger writing the load as new changes. Migrations may have inserted rows: emptied first.
            s.execute("SET session_replication_role = replica");
            Map<String, List<String>> schema = tables(c);
            requireSameTables(manifest, schema);
            List<String> existing = new ArrayList<>(schema.keySet());
            if (!existing.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", existing.stream().map(t -> "public." + quote(t)).toList()));
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> loaded = new HashMap<>();
            for (Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry("data/" + table.name() + ".copy");
                if (entry == null) {
                    throw new IllegalArgumentException("The backup lacks the rows of " + table.name());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    // the schema's own names (quoted), never the manifest's text: checked equal just above
                    loaded.put(table.name(), copy.copyIn("COPY public." + quote(table.name()) + " ("
                            + String.join(", ", schema.get(table.name())) + ") FROM STDIN", in));
                }
            }
            for (Table table : manifest.tables()) {
                if (loaded.get(table.name()) != table.rows()) {
                    throw new IllegalStateException("Restoring " + table.name() + " loaded " + loaded.get(table.name())
                            + " rows, the backup holds " + table.rows() + ": nothing was changed");
                }
            }
            try (PreparedStatement setval = c.prepareStatement("SELECT setval(?, ?, true)")) {
                for (Map.Entry<String, Long> seq : manifest.sequences().entrySet()) {
                    setval.setString(1, "public." + quote(seq.getKey()));
                    setval.setLong(2, seq.getValue());
                    setval.execute();
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * The manifest must name exactly the tables of the schema its version migrates to, each with exactly
     * its stored columns (in the manifest as {@link #quote quoted} identifiers, as {@link #backup} writes
     * them): a table missing would be left empty, an unknown name could be SQL.
     */
    private static void requireSameTables(Manifest manifest, Map<String, List<String>> schema) {
        Map<String, List<String>> backedUp = new LinkedHashMap<>();
        for (Table table : manifest.tables()) {
            if (backedUp.put(table.name(), table.columns()) != null) {
                throw new IllegalArgumentException("The backup names the table " + table.name() + " twice: refused");
            }
        }
        if (!backedUp.keySet().equals(schema.keySet())) {
            List<String> missing = schema.keySet().stream().filter(t -> !backedUp.containsKey(t)).sorted().toList();
            List<String> unknown = backedUp.keySet().stream().filter(t -> !schema.containsKey(t)).sorted().toList();
            throw new IllegalArgumentException("The backup's tables differ from those of schema version "
                    + manifest.schemaVersion() + " (missing: " + missing + ", unknown: " + unknown + "): refused,"
                    + " nothing was changed");
        }
        for (Map.Entry<String, List<String>> table : backedUp.entrySet()) {
            if (!table.getValue().equals(schema.get(table.getKey()))) {
                throw new IllegalArgumentException("The backup's columns of " + table.getKey() + " " + table.getValue()
                        + " differ from those of schema version " + manifest.schemaVersion() + " "
                        + schema.get(table.getKey()) + ": refused, nothing was changed");
            }
        }
    }

    /** For the restore command: the path as typed, {@code ~} being the home folder. */
    static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    /** Writes into the current zip entry; closing it leaves the zip open for the next entry. */
    private static final class EntryStream extends FilterOutputStream {

        EntryStream(OutputStream zip) {
            super(zip);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
