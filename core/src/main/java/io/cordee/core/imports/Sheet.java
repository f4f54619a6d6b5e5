package io.cordee.core.imports;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A spreadsheet as read from the file, before any meaning is given to it: the header row, the data rows as
 * text, and each data row's number in the file (the header is row 1 of a CSV; blank rows skipped by the
 * reader keep their numbers), so an error points where a person looks in Excel or a text editor.
 */
public record Sheet(List<String> headers, List<List<String>> rows, List<Integer> rowNumbers) {

    public Sheet {
        headers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(
                Objects.requireNonNull(headers, "headers")));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        rowNumbers = List.copyOf(Objects.requireNonNull(rowNumbers, "rowNumbers"));
        if (rowNumbers.size() != rows.size()) {
            throw new IllegalArgumentException("one row number per row");
        }
    }

    /** Rows numbered from 2, the header being row 1. */
    public Sheet(List<String> headers, List<List<String>> rows) {
        this(headers, rows, IntStream.range(0, rows.size()).map(i -> i + 2).boxed().toList());
    }

    /** The file's row number of data row {@code index} (0 based). */
    public int rowNumber(int index) {
        return rowNumbers.get(index);
    }

    /** The cell of data row {@code index} under column {@code column}, stripped; null when empty or absent. */
    public String cell(int index, int column) {
        List<String> row = rows.get(index);
        if (column < 0 || column >= row.size() || row.get(column) == null) {
            return null;
        }
        String s = row.get(column).strip();
        return s.isEmpty() ? null : s;
    }
}
