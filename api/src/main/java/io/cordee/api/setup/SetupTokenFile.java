package io.cordee.api.setup;

import io.cordee.core.setup.SetupService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At start, when the instance has no agency and no demo (ADR 27): issues a setup token, prints it in the
 * log and writes it to {@code cordee.setup.token-file}, created readable and writable by Cordée's user only
 * (0600; on a file system without POSIX permissions, as the system makes it). Deleted after the setup.
 */
@Component
@ConditionalOnProperty(name = "cordee.demo-data.enabled", havingValue = "false")
public class SetupTokenFile implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SetupTokenFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SetupService setup;
    private final Path file;

    public SetupTokenFile(SetupService setup, @Value("${cordee.setup.token-file}") Path file) {
        this.setup = setup;
        this.file = file.toAbsolutePath();
    }

    @Override
    public void run(ApplicationArguments args) {
        // on the main thread during start-up: the token is in the log before the application says it started
        String token = setup.issueToken().block(Duration.ofSeconds(30));
        if (token == null) {
            return;
        }
        write(token);
        log.warn("Cordée has no agency yet. Open it in a browser and set up your agency with the setup token"
                + " below (also in {}, readable by this user only). It works once.", file);
        log.warn("Setup token: {}", token);
    }

    public Path path() {
        return file;
    }

    void write(String token) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created with 0600 from the start: never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the setup token file " + file, e);
        }
    }

    /** After the setup: the token is dead in the database; the file goes too (best effort). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the used setup token file {}: {}", file, e.toString());
        }
    }
}
