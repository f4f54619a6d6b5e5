package io.cordee.api.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes an {@link ExportTable} as CSV for spreadsheets (ADR 42): UTF-8 with a byte-order mark (so Excel
 * reads the accents), CRLF line ends, RFC 4180 quoting (Apache Commons CSV), a header row of the column
 * names, dates ISO ({@code 2026-12-07}), amounts as plain decimals in major units ({@code -1234.56}, never
 * an exponent, never a thousands separator).
 *
 * <p>Two dialects: {@link Separator#COMMA} (the default: decimal point) and {@link Separator#SEMICOLON}
 * for French Excel, which reads a semicolon-separated file with a decimal <em>comma</em> — so amounts
 * there are written {@code -1234,56}, and a point would make them text.
 *
 * <p>Formula injection (OWASP "CSV injection"): a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is prefixed with a single quote, which spreadsheets show as text.
 * Amount, integer and date cells are written by us from numbers and dates, never neutralised: a negative
 * balance must stay a number the spreadsheet can add.
 */
public final class CsvFormat {

    /** The byte-order mark of UTF-8. */
    public static final String BOM = "\uFEFF";

    public enum Separator {
        COMMA(','), SEMICOLON(';');

        final char delimiter;

        Separator(char delimiter) {
            this.delimiter = delimiter;
        }
    }

    private CsvFormat() {
    }

    public static byte[] write(ExportTable table, Separator separator) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write(BOM);
            write(table, separator, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the table without a byte-order mark. */
    static void write(ExportTable table, Separator separator, Writer writer) throws IOException {
        write(table, separator, writer, true);
    }

    /** {@code neutralise}: false when the caller escaped the text cells already (the archive). */
    static void write(ExportTable table, Separator separator, Writer writer, boolean neutralise) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator.delimiter)
                .setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord(table.columns().stream().map(ExportTable.Column::name).toList());
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                ExportTable.Kind kind = table.columns().get(i).kind();
                cells.add(!neutralise && kind == ExportTable.Kind.TEXT && row.get(i) != null ? row.get(i).toString()
                        : cell(kind, row.get(i), separator));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    static String cell(ExportTable.Kind kind, Object value, Separator separator) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> neutralise(value.toString());
            case AMOUNT -> {
                String plain = ((BigDecimal) value).toPlainString();
                yield separator == Separator.SEMICOLON ? plain.replace('.', ',') : plain;
            }
            case INTEGER -> Long.toString(((Number) value).longValue());
            case DATE -> ((LocalDate) value).toString();
        };
    }

    /** A text that a spreadsheet would read as a formula, made plain text by a leading single quote. */
    public static String neutralise(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }
}
