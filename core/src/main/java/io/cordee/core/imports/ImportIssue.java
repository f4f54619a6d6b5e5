package io.cordee.core.imports;

import io.cordee.core.common.ErrorCode;
import java.util.Objects;

/**
 * One thing wrong with an import, where a person finds it: the file's row (1 is the header row, 0 the file
 * as a whole), the column's header as written in the file (null for the file or the row as a whole), what is
 * wrong and a stable code.
 */
public record ImportIssue(int row, String column, String message, ErrorCode code) {
    public ImportIssue {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "row " + row + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
