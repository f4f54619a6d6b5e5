package io.cordee.api.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One exported table: named columns, each of a kind, and rows of values. A {@link Kind#TEXT} value is a
 * {@link String}, an {@link Kind#AMOUNT} a {@link BigDecimal} in major units (the currency is a column of
 * its own), a {@link Kind#INTEGER} a {@link Number}, a {@link Kind#DATE} a {@link LocalDate}; any may be
 * {@code null} (an empty cell). The kind decides how a cell is written — only text cells are ever
 * neutralised against formula injection, so a negative balance stays a number (ADR 42).
 */
public record ExportTable(String sheetName, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, AMOUNT, INTEGER, DATE }

    public record Column(String name, Kind kind) {
    }

    public static Builder of(String sheetName) {
        return new Builder(sheetName);
    }

    public static final class Builder {
        private final String sheetName;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String sheetName) {
            this.sheetName = sheetName;
        }

        public Builder text(String name) {
            columns.add(new Column(name, Kind.TEXT));
            return this;
        }

        public Builder amount(String name) {
            columns.add(new Column(name, Kind.AMOUNT));
            return this;
        }

        public Builder integer(String name) {
            columns.add(new Column(name, Kind.INTEGER));
            return this;
        }

        public Builder date(String name) {
            columns.add(new Column(name, Kind.DATE));
            return this;
        }

        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size()
                        + " columns");
            }
            rows.add(Arrays.asList(values));
            return this;
        }

        public ExportTable build() {
            return new ExportTable(sheetName, List.copyOf(columns), List.copyOf(rows));
        }
    }
}
