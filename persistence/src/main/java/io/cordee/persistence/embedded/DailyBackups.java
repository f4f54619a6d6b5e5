package io.cordee.persistence.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One backup of the embedded database a day ({@code backups/cordee-<date>.zip}, the date of the injected
 * clock, UTC), the last {@code keep-days} kept. Present only when the embedded server keeps its data
 * ({@link DatabaseEnvironmentPostProcessor} then sets {@code cordee.db.embedded.backup.directory}).
 *
 * <p>The day's file is its claim: it appears complete (written aside, renamed) or not at all, and a day
 * whose file exists is not done again. The check runs a minute after the start and then every
 * {@code check-interval}, so a Cordée that was stopped over midnight backs up when it is back, and a
 * restart on a day already done adds nothing. Only one Cordée runs on a data folder (its lock), and
 * within it the method is synchronized: two backups never overlap.
 */
@Component
@ConditionalOnProperty(name = "cordee.db.embedded.backup.directory")
public class DailyBackups implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);
    private static final Pattern DAILY = Pattern.compile("cordee-(\\d{4}-\\d{2}-\\d{2})\\.zip");

    private final Path directory;
    private final int keepDays;
    private final String url;
    private final String user;
    private final String password;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "embedded-backup");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    public DailyBackups(Environment env, Clock clock) {
        this.directory = Path.of(env.getRequiredProperty("cordee.db.embedded.backup.directory"));
        this.keepDays = env.getProperty("cordee.db.embedded.backup.keep-days", Integer.class, 7);
        this.url = env.getRequiredProperty("spring.flyway.url");
        this.user = env.getRequiredProperty("spring.flyway.user");
        this.password = env.getRequiredProperty("spring.flyway.password");
        this.clock = clock;
    }

    /**
     * Hands the check to this class's own thread and returns at once: the backup's JDBC and zip work
     * (seconds, minutes for a big database) must not hold up Boot's single scheduler thread, which every
     * other {@code @Scheduled} job shares. A check still running when the next comes is not queued twice.
     */
    @Scheduled(initialDelayString = "${cordee.db.embedded.backup.initial-delay:PT1M}",
            fixedDelayString = "${cordee.db.embedded.backup.check-interval:PT15M}")
    public void backUpIfDue() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    runIfDue();
                } catch (Exception e) {
                    log.error("The daily backup of the embedded database into {} failed; it is tried again in the"
                            + " next check", directory, e);
                } finally {
                    pending.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.set(false); // shutting down
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) { // a backup under way ends (its .partial is cleaned next time)
            worker.shutdownNow();
        }
    }

    /** Writes today's backup unless it exists, then deletes the dailies older than {@code keep-days}. */
    public synchronized Optional<Path> runIfDue() throws IOException, SQLException {
        LocalDate today = LocalDate.now(clock);
        Path file = directory.resolve("cordee-" + today + ".zip");
        Optional<Path> written = Optional.empty();
        if (!Files.exists(file)) {
            EmbeddedFiles.createPrivateDirectories(directory);
            long started = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                EmbeddedBackups.Manifest manifest = EmbeddedBackups.backup(c, file, clock.instant());
                log.info("Backed up the embedded database into {}: {} rows, {} bytes, {} ms", file, manifest.rows(),
                        Files.size(file), (System.nanoTime() - started) / 1_000_000);
            }
            written = Optional.of(file);
        }
        deleteOlderThan(today.minusDays(keepDays - 1L));
        return written;
    }

    private void deleteOlderThan(LocalDate oldestKept) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".zip.partial")) {
                    Files.deleteIfExists(f); // left by a run that died; its day is done again
                    continue;
                }
                Matcher m = DAILY.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                try {
                    if (LocalDate.parse(m.group(1)).isBefore(oldestKept)) {
                        Files.delete(f);
                        log.info("Deleted the backup {} (kept: {} days)", f, keepDays);
                    }
                } catch (DateTimeParseException e) {
                    // not one of ours
                }
            }
        }
    }
}
