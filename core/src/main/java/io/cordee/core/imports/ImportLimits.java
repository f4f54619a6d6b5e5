package io.cordee.core.imports;

/**
 * How large an import may be (ADR 49). The file's bytes and the XLSX container are checked by the reader
 * before anything is parsed; the rows here.
 */
public final class ImportLimits {

    /** The largest file accepted, in bytes: 20 MB holds about 200,000 invoice rows of CSV. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The most data rows in one file. */
    public static final int MAX_ROWS = 200_000;
    /** The most columns in one file. */
    public static final int MAX_COLUMNS = 100;
    /** The longest cell, in characters. */
    public static final int MAX_CELL = 1000;
    /** The most issues reported one by one; the count says how many there were in all. */
    public static final int MAX_ISSUES = 1000;
    /** The most bytes an XLSX may hold once unzipped, all parts together. */
    public static final long MAX_XLSX_UNZIPPED_BYTES = 200L * 1024 * 1024;
    /** The largest ratio of unzipped to zipped size of any XLSX part (a "zip bomb" is thousands). */
    public static final long MAX_XLSX_RATIO = 100;

    private ImportLimits() {
    }
}
