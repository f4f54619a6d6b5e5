package io.cordee.api.imports;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.imports.ImportLimits;
import io.cordee.core.imports.Sheet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded file into a {@link Sheet} (ADR 49): CSV in the dialects spreadsheets write (comma,
 * semicolon or tab; UTF-8 with or without a byte-order mark, else Windows-1252), or the first sheet of an
 * XLSX workbook, whose ZIP container is measured before it is opened (a "zip bomb" is refused). Anything
 * unreadable is an {@link InvalidInput} on {@code file} with {@link ErrorCode#IMPORT_FILE_INVALID} saying why;
 * nothing is ever half read.
 */
public final class SpreadsheetReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SpreadsheetReader() {
    }

    /** The format a file is in, from its first bytes (a ZIP is an XLSX), never from its name alone. */
    public static Sheet read(byte[] bytes, String fileName) {
        if (bytes.length == 0) {
            throw invalid("the file is empty");
        }
        if (bytes.length > ImportLimits.MAX_FILE_BYTES) {
            throw invalid("the file is " + bytes.length + " bytes; at most " + ImportLimits.MAX_FILE_BYTES
                    + " are accepted");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return xlsx(bytes);
        }
        if (bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes)) {
            throw invalid("this is an old Excel file (.xls): save it as .xlsx or .csv");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            throw invalid("the file is named .xlsx but is not an XLSX workbook (truncated or damaged?)");
        }
        return csv(bytes);
    }

    // ---- CSV ------------------------------------------------------------------------------------------

    /**
     * Parses straight from the bytes through a strict decoder (ADR 56): the file is held once as bytes and once as
     * the rows' cells, never also as one decoded text.
     */
    static Sheet csv(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw invalid("the file is not text (it holds NUL bytes): upload a CSV or an XLSX file");
            }
        }
        int start = bomLength(bytes);
        Charset charset = charset(bytes, start);
        char separator = separator(headerText(bytes, start, charset));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setTrim(false).get();
        List<String> headers = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        java.io.Reader reader = new java.io.InputStreamReader(new ByteArrayInputStream(bytes, start,
                bytes.length - start), strict(charset));
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long lastLine = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw invalid("the file cannot be read after line " + lastLine + " (" + reason(e)
                            + "): a quote left open, or the file was cut short?");
                }
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (cells.size() > ImportLimits.MAX_COLUMNS) {
                    throw invalid("line " + line + " has " + cells.size() + " columns; at most "
                            + ImportLimits.MAX_COLUMNS + " are read");
                }
                if (headers == null) {
                    headers = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (rows.size() >= ImportLimits.MAX_ROWS) {
                    throw invalid("the file has more than " + ImportLimits.MAX_ROWS + " rows: split it");
                }
                rows.add(cells);
                numbers.add(line);
            }
        } catch (IOException e) {
            throw invalid("the file cannot be read (" + e.getMessage() + ")");
        }
        if (headers == null) {
            throw invalid("the file has no header row");
        }
        return new Sheet(headers, rows, numbers);
    }

    private static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * UTF-8 when the bytes after {@code start} are valid UTF-8, else Windows-1252 when they are valid in it; checked
     * by decoding into a small buffer over and over, so no text of the whole file is made.
     */
    static Charset charset(byte[] bytes, int start) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw invalid("the file is in UTF-16: save it as CSV UTF-8");
        }
        if (decodes(bytes, start, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(bytes, start, WINDOWS_1252)) {
            return WINDOWS_1252;
        }
        throw invalid("the file is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8");
    }

    private static boolean decodes(byte[] bytes, int start, Charset charset) {
        java.nio.charset.CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        while (true) {
            java.nio.charset.CoderResult result = decoder.flush(out);
            out.clear();
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    /** The text of the file's first lines (up to 64 KiB of it): enough to find the header's separator. */
    private static String headerText(byte[] bytes, int start, Charset charset) {
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(Math.min(65_536, bytes.length - start + 1));
        decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start), out, true);
        return out.flip().toString();
    }

    /** UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), else Windows-1252. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw invalid("the file is in UTF-16: save it as CSV UTF-8");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            buffer.rewind().position(start);
            try {
                return strict(WINDOWS_1252).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException neither) {
                throw invalid("the file is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8");
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The separator the header line uses most, outside quotes: semicolon, comma or tab (comma when none). */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> {
                    }
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    // ---- XLSX -----------------------------------------------------------------------------------------

    static Sheet xlsx(byte[] bytes) {
        measure(bytes);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            List<String> headers = null;
            List<List<String>> rows = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            try (var stream = workbook.getFirstSheet().openStream()) {
                Iterator<Row> it = stream.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    if (row.getCellCount() > ImportLimits.MAX_COLUMNS) {
                        throw invalid("row " + row.getRowNum() + " has " + row.getCellCount() + " columns; at most "
                                + ImportLimits.MAX_COLUMNS + " are read");
                    }
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                        continue;
                    }
                    if (headers == null) {
                        headers = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
                        continue;
                    }
                    if (rows.size() >= ImportLimits.MAX_ROWS) {
                        throw invalid("the workbook has more than " + ImportLimits.MAX_ROWS + " rows: split it");
                    }
                    rows.add(cells);
                    numbers.add(row.getRowNum());
                }
            }
            if (headers == null) {
                throw invalid("the workbook's first sheet has no header row");
            }
            return new Sheet(headers, rows, numbers);
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid("the XLSX workbook cannot be read (" + reason(e) + "): damaged or cut short?");
        }
    }

    /**
     * Unzips every part without keeping it, counting bytes: more than {@link ImportLimits#MAX_XLSX_UNZIPPED_BYTES}
     * in all, or more than {@link ImportLimits#MAX_XLSX_RATIO} times the file's size, is a compressed bomb and
     * is refused before the workbook is opened; so is a ZIP that ends early.
     */
    static void measure(byte[] bytes) {
        long limit = Math.min(ImportLimits.MAX_XLSX_UNZIPPED_BYTES, ImportLimits.MAX_XLSX_RATIO * bytes.length);
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // the central directory (at the end of the file) is read first: a file cut short has none
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            var all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                entries++;
                if (entries > 10_000) {
                    throw invalid("the XLSX file holds more than 10,000 parts: refused");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > limit) {
                            throw invalid("the XLSX file unzips to more than " + limit + " bytes (" + bytes.length
                                    + " bytes zipped): refused as a compressed bomb");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw invalid("the XLSX file cannot be unzipped (" + reason(e) + "): damaged or cut short?");
        }
        if (entries == 0) {
            throw invalid("the XLSX file is an empty or damaged ZIP archive");
        }
    }

    /** A cell as text: numbers plain (no exponent), date-formatted numbers as ISO dates, formulas' values. */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell)) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.ERROR) {
            throw invalid("cell " + cell.getAddress() + " holds a spreadsheet error (" + cell.getRawValue() + ")");
        }
        String s = cell.getText();
        if (s != null && s.length() > ImportLimits.MAX_CELL) {
            throw invalid("cell " + cell.getAddress() + " is longer than " + ImportLimits.MAX_CELL + " characters");
        }
        return s;
    }

    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return f.contains("d") && f.contains("m") || f.contains("y");
    }

    static InvalidInput invalid(String message) {
        return InvalidInput.of("file", message, ErrorCode.IMPORT_FILE_INVALID);
    }
}
