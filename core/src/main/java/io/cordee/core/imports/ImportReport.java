package io.cordee.core.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did or would do (ADR 49): the data rows read, per kind of record ({@code clients},
 * {@code projects}, {@code invoices}, {@code payments}) how many are created, updated and skipped (already
 * there, unchanged), and every issue found — at most {@link ImportLimits#MAX_ISSUES}, {@code issueCount}
 * saying how many there were in all. With any issue nothing is written. {@code notes} (a FEC's, ADR 51) say what
 * was recognised and what was ignored and why; they do not stop the import.
 */
public record ImportReport(int rows, Map<String, Counts> counts, List<ImportIssue> issues, int issueCount,
                           boolean applied, List<ImportNote> notes, int noteCount) {

    public ImportReport {
        counts = Map.copyOf(counts);
        issues = List.copyOf(issues);
        notes = List.copyOf(notes);
    }

    /** A report without notes (what the spreadsheet kinds give). */
    public ImportReport(int rows, Map<String, Counts> counts, List<ImportIssue> issues, int issueCount,
                        boolean applied) {
        this(rows, counts, issues, issueCount, applied, List.of(), 0);
    }

    public boolean valid() {
        return issueCount == 0;
    }

    public Counts of(String record) {
        return counts.getOrDefault(record, new Counts(0, 0, 0));
    }

    public record Counts(int created, int updated, int skipped) {
    }
}
