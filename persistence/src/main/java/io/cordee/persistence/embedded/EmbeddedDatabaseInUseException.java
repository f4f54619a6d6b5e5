package io.cordee.persistence.embedded;

import java.nio.file.Path;

/**
 * The embedded database's folder is held by a process that is not ours: another running Cordée, or a
 * PostgreSQL someone else started on it. Raised at once (no waiting), reported by
 * {@link EmbeddedDatabaseInUseFailureAnalyzer} as the reason the application did not start.
 */
public class EmbeddedDatabaseInUseException extends RuntimeException {

    private final transient Path folder;
    private final String action;

    public EmbeddedDatabaseInUseException(Path folder, String reason, String action) {
        super("The embedded database folder " + folder + " is in use: " + reason + ". " + action);
        this.folder = folder;
        this.action = action;
    }

    public Path folder() {
        return folder;
    }

    public String action() {
        return action;
    }
}
