package io.cordee.api.imports;

import static io.cordee.api.imports.SpreadsheetReader.invalid;

import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportLimits;
import io.cordee.core.imports.Sheet;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a FEC (article A47 A-1 of the LPF; ADR 51) into a {@link Sheet}: a header line naming the columns, then
 * one entry per line, fields separated by a tab or a pipe (whichever the header line uses) and never quoted.
 * Encoding: UTF-8 when the bytes are valid UTF-8 (a byte-order mark dropped); otherwise ISO-8859-15, or
 * Windows-1252 when a byte from 0x80 to 0x9F shows it (those are control characters in ISO-8859-15, and
 * {@code €}, {@code œ}, curly quotes in Windows-1252) — the two encodings the text allows.
 */
public final class FecReader {

    static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");

    private FecReader() {
    }

    public static Sheet read(byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("the file is empty");
        }
        if (bytes.length > ImportLimits.MAX_FILE_BYTES) {
            throw invalid("the file is " + bytes.length + " bytes; at most " + ImportLimits.MAX_FILE_BYTES
                    + " are accepted");
        }
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw invalid("the file is not text (it holds NUL bytes): a FEC is a text file");
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw invalid("the file has no header line");
        }
        String header = lines[headerLine];
        long tabs = header.chars().filter(ch -> ch == '\t').count();
        long pipes = header.chars().filter(ch -> ch == '|').count();
        if (tabs == 0 && pipes == 0) {
            throw invalid("the first line has neither tabs nor pipes: a FEC separates its 18 columns with one or"
                    + " the other");
        }
        Pattern separator = Pattern.compile(tabs >= pipes ? "\t" : Pattern.quote("|"));
        List<String> headers = Arrays.stream(separator.split(header, -1)).map(String::strip).toList();
        if (headers.size() > ImportLimits.MAX_COLUMNS) {
            throw invalid("the header line has " + headers.size() + " columns; at most " + ImportLimits.MAX_COLUMNS
                    + " are read");
        }
        if (headers.stream().noneMatch(h -> ImportKind.normalise(h).equals("journalcode"))) {
            throw invalid("the first line does not name the FEC's columns (JournalCode, JournalLib, EcritureNum,"
                    + " …): is this a FEC?");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() >= ImportLimits.MAX_ROWS) {
                throw invalid("the file has more than " + ImportLimits.MAX_ROWS + " entries: split it");
            }
            List<String> cells = Arrays.asList(separator.split(lines[i], -1));
            if (cells.size() > ImportLimits.MAX_COLUMNS) {
                throw invalid("line " + (i + 1) + " has " + cells.size() + " columns; at most "
                        + ImportLimits.MAX_COLUMNS + " are read");
            }
            rows.add(cells);
            numbers.add(i + 1);
        }
        return new Sheet(headers, rows, numbers);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw invalid("the file is in UTF-16: a FEC is UTF-8 or ISO-8859-15");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            boolean c1 = false;
            for (byte b : bytes) {
                int v = b & 0xFF;
                if (v >= 0x80 && v <= 0x9F) {
                    c1 = true;
                    break;
                }
            }
            try {
                return strict(c1 ? SpreadsheetReader.WINDOWS_1252 : ISO_8859_15).decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException neither) {
                throw invalid("the file is neither UTF-8, ISO-8859-15 nor Windows-1252 text");
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
