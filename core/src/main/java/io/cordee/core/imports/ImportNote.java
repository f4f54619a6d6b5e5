package io.cordee.core.imports;

import java.util.Objects;

/**
 * What an import recognised or left out on purpose, and why (ADR 51): unlike an {@link ImportIssue} a note does
 * not stop the import. {@code row} is the file's row (0 for the file as a whole).
 */
public record ImportNote(int row, Kind kind, String message) {

    public enum Kind { RECOGNISED, IGNORED }

    public ImportNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
