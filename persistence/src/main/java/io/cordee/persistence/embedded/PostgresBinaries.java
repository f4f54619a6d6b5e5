package io.cordee.persistence.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 binaries ({@code initdb}, {@code pg_ctl}, {@code postgres} and their libraries) from
 * the zonky archive on the classpath, extracted once into a folder of the current user's (0700) named by
 * the archive's hash. Not {@code /tmp/embedded-pg} as zonky does: a folder anyone can create there could
 * be filled with someone else's {@code postgres} before we run it. The cache folder is checked before
 * anything in it is run: a real folder (no symlink), of the current user's, 0700.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The extracted installation under {@code cacheFolder} (its {@code bin/} holds the programs). */
    static Path extract(Path cacheFolder) {
        try {
            byte[] archive = readArchive();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8);
            Path target = cacheFolder.resolve("pg-" + hash);
            // before trusting anything inside: the folder is ours, real, 0700 (else refused, or emptied
            // when ours but opened up), so that no one else can have put a postgres there
            EmbeddedFiles.requirePrivateDirectory(cacheFolder);
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            Path partial = Files.createTempDirectory(cacheFolder, "extracting-");
            untar(archive, partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another JVM extracted the same archive meanwhile: take its copy
                EmbeddedFiles.deleteRecursively(partial);
            } catch (IOException e) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw e;
                }
                EmbeddedFiles.deleteRecursively(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the embedded PostgreSQL binaries into " + cacheFolder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readArchive() throws IOException {
        String os = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "aarch64", "arm64" -> "arm_64";
            default -> "x86_64";
        };
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
            return in.readAllBytes();
        }
    }

    private static void untar(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                new BufferedInputStream(new ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = into.resolve(entry.getName()).normalize();
                if (!file.startsWith(into)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // the owner's bits as archived (rwx for programs, rw for libraries and data); nothing for others
        StringBuilder s = new StringBuilder();
        s.append((mode & 0400) != 0 ? 'r' : '-').append((mode & 0200) != 0 ? 'w' : '-')
                .append((mode & 0100) != 0 ? 'x' : '-').append("------");
        return PosixFilePermissions.fromString(s.toString());
    }
}
