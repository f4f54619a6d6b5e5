package io.cordee.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files only the current user can read: folders 0700, files 0600, written whole or not at all. */
final class EmbeddedFiles {

    private EmbeddedFiles() {
    }

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static volatile Integer currentUid;

    /**
     * {@code dir} as a folder only the current user can enter: created 0700 when missing (its missing
     * parents too, with the default permissions); when it exists, it must be a real folder (not a symlink)
     * of the current user's, else refused — its permissions are then set to 0700 (a folder of ours: our
     * earlier runs made it).
     */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile (another JVM): checked below like any existing one
            }
        }
        requireOwn(dir);
        Files.setPosixFilePermissions(dir, PRIVATE);
    }

    /**
     * A folder that others could have prepared for us (a fixed name under {@code /tmp}): used only when it
     * is a real folder, of the current user's, 0700 — its content can then only be ours. A folder of ours
     * with wider permissions is emptied and made private again (someone may have written into it); one of
     * another user's, or a symlink, is refused.
     */
    static void requirePrivateDirectory(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            requireOwn(dir);
            if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
                deleteRecursively(dir);
            }
        }
        createPrivateDirectories(dir);
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
            throw new IOException(dir + " is not private (0700) and could not be made so");
        }
    }

    /** Refuses {@code path} unless it is a real folder (no symlink) owned by the current user. */
    static void requireOwn(Path path) throws IOException {
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is a symbolic link or not a folder: refused (a folder of Cordée's"
                    + " must be a real folder of the user running it)");
        }
        Object owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!Integer.valueOf(currentUid()).equals(owner)) {
            throw new IOException(path + " belongs to another user (uid " + owner + ", Cordée runs as uid "
                    + currentUid() + "): refused. Give Cordée a folder of its own.");
        }
    }

    /** The uid files we create get: the effective user's (no portable API gives it directly). */
    static int currentUid() throws IOException {
        Integer uid = currentUid;
        if (uid == null) {
            Path probe = Files.createTempFile("cordee-uid-", ".probe");
            try {
                uid = (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
            currentUid = uid;
        }
        return uid;
    }

    /** Writes {@code text} to {@code file} (0600 from its creation on) through a temporary file and a rename. */
    static void writePrivate(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
