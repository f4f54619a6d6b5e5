package io.cordee.api.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an {@link ExportTable} as an XLSX workbook of one sheet with fastexcel (ADR 42): a bold header
 * row, amounts as numbers formatted {@code #,##0.00}, dates as dates formatted {@code yyyy-mm-dd}. Text is
 * written as a string cell, which a spreadsheet never evaluates, so it is written as it is (no quote).
 */
public final class XlsxFormat {

    private XlsxFormat() {
    }

    public static byte[] write(ExportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Cordee", "1.0");
            Worksheet sheet = workbook.newWorksheet(table.sheetName());
            List<ExportTable.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c).name());
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value == null) {
                        continue;
                    }
                    switch (columns.get(c).kind()) {
                        case TEXT -> sheet.value(r + 1, c, value.toString());
                        case AMOUNT -> {
                            sheet.value(r + 1, c, (BigDecimal) value);
                            sheet.style(r + 1, c).format("#,##0.00").set();
                        }
                        case INTEGER -> sheet.value(r + 1, c, ((Number) value).longValue());
                        case DATE -> {
                            sheet.value(r + 1, c, (LocalDate) value);
                            sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                        }
                    }
                }
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
