package io.cordee.api.timesheet;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.timesheet.ImportTimesheetCommand;
import io.cordee.core.timesheet.TimesheetIssue;
import io.cordee.core.timesheet.TimesheetRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a time tracker's CSV export (ADR 57) into rows, or issues at row and column. Two formats:
 * <ul>
 * <li>{@code HARVEST}: the detailed time report export — Date, Client, Project, Project Code, Task, Notes, Hours,
 * Billable?, Invoiced?, First Name, Last Name, Roles, Employee?, … (Harvest also takes these eight, in this order,
 * for its own time import: Date, Client, Project, Task, Notes, Hours, First name, Last name). Date as YYYY-MM-DD or
 * M/D/YYYY; Hours in decimal form (7.5).</li>
 * <li>{@code TOGGL}: Toggl Track's detailed report CSV — User, Email, Client, Project, Task, Description, Billable,
 * Start date, Start time, End date, End time, Duration (H:MM:SS), Tags, Amount ().</li>
 * </ul>
 * Columns are found by name (case and surrounding spaces ignored), so extra or reordered columns do no harm; a
 * missing required one is an issue at row 1. A line whose duration is zero (a timer stopped at once) is skipped.
 */
final class TimesheetCsv {

    /** The GraphQL request body is at most 2 MB (spring.http.codecs.max-in-memory-size). */
    static final int MAX_CHARS = 1_500_000;
    static final int MAX_ROWS = ImportTimesheetCommand.MAX_ROWS;

    record Read(List<TimesheetRow> rows, List<TimesheetIssue> issues) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern HOURS = Pattern.compile("\\d{1,3}([.,]\\d{1,6})?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4}):([0-5]\\d):([0-5]\\d)");

    private TimesheetCsv() {
    }

    static Read read(String format, String content) {
        if (content == null || content.isBlank()) {
            throw InvalidInput.of("content", "the file is empty", ErrorCode.IMPORT_FILE_INVALID);
        }
        if (content.length() > MAX_CHARS) {
            throw InvalidInput.of("content", "the file is larger than " + MAX_CHARS + " characters: export a shorter"
                    + " period", ErrorCode.IMPORT_FILE_INVALID);
        }
        String text = content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
        char delimiter = firstLine(text).chars().filter(c -> c == ';').count()
                > firstLine(text).chars().filter(c -> c == ',').count() ? ';' : ',';
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .get().parse(new StringReader(text))) {
            records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
                if (records.size() > MAX_ROWS + 1) {
                    throw InvalidInput.of("content", "more than " + MAX_ROWS + " lines: export a shorter period",
                            ErrorCode.IMPORT_FILE_INVALID);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InvalidInput.of("content", "the CSV cannot be read (" + e.getMessage() + ")",
                    ErrorCode.IMPORT_FILE_INVALID);
        }
        if (records.isEmpty()) {
            throw InvalidInput.of("content", "the file is empty", ErrorCode.IMPORT_FILE_INVALID);
        }
        Map<String, Integer> columns = new HashMap<>();
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return "TOGGL".equals(format) ? toggl(records, columns) : harvest(records, columns);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static Read harvest(List<CSVRecord> records, Map<String, Integer> columns) {
        return rows(records, columns, List.of("Date", "Client", "Project", "Hours", "First Name", "Last Name"),
                "missing column: a Harvest export has Date, Client, Project, Task, Notes, Hours, First Name, Last Name",
                (r, row, issues, seen) -> {
                    LocalDate date = date(cell(r, columns, "date"), row, "Date", issues);
                    Integer minutes = hours(cell(r, columns, "hours"), row, issues);
                    String person = (cell(r, columns, "first name") + " " + cell(r, columns, "last name")).strip();
                    String client = cell(r, columns, "client");
                    String project = cell(r, columns, "project");
                    if (!counts(date, minutes, project, row, "is empty", issues)) {
                        return null;
                    }
                    String key = key(seen, "HARVEST", date.toString(), person, client, project,
                            cell(r, columns, "task"), cell(r, columns, "notes"), minutes.toString());
                    return new TimesheetRow(row, null, person, "First Name", client, "Client", project, "Project",
                            date, minutes, key);
                });
    }

    private static Read toggl(List<CSVRecord> records, Map<String, Integer> columns) {
        return rows(records, columns, List.of("User", "Project", "Start date", "Duration"),
                "missing column: a Toggl Track detailed report has User, Email, Client, Project, Task, Description,"
                        + " Start date, Start time, Duration",
                (r, row, issues, seen) -> {
                    LocalDate date = date(cell(r, columns, "start date"), row, "Start date", issues);
                    Integer minutes = duration(cell(r, columns, "duration"), row, issues);
                    String project = cell(r, columns, "project");
                    if (!counts(date, minutes, project, row, "is empty: time without a project cannot be counted",
                            issues)) {
                        return null;
                    }
                    String email = cell(r, columns, "email");
                    String person = cell(r, columns, "user");
                    String client = cell(r, columns, "client");
                    String key = key(seen, "TOGGL", date.toString(), cell(r, columns, "start time"),
                            email.isEmpty() ? person : email.toLowerCase(Locale.ROOT), client, project,
                            cell(r, columns, "task"), cell(r, columns, "description"), minutes.toString());
                    return new TimesheetRow(row, email.isEmpty() ? null : email, person, "User", client, "Client",
                            project, "Project", date, minutes, key);
                });
    }

    /** One line of an export (its row number counted from 1 at the header) to a row, or null when it cannot count. */
    private interface LineReader {
        TimesheetRow read(CSVRecord line, int row, List<TimesheetIssue> issues, Map<String, Integer> seen);
    }

    /**
     * The rows of an export, each line read by {@code reader}; when a column of {@code required} is missing, no
     * row and one issue per missing column saying {@code missing}.
     */
    private static Read rows(List<CSVRecord> records, Map<String, Integer> columns, List<String> required,
                             String missing, LineReader reader) {
        List<TimesheetIssue> issues = new ArrayList<>();
        for (String column : required) {
            if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                issues.add(new TimesheetIssue(1, column, missing));
            }
        }
        if (!issues.isEmpty()) {
            return new Read(List.of(), issues);
        }
        List<TimesheetRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 1; n < records.size(); n++) {
            TimesheetRow read = reader.read(records.get(n), n + 1, issues, seen);
            if (read != null) {
                rows.add(read);
            }
        }
        return new Read(rows, issues);
    }

    /** Whether a line with this date, time and project counts; an empty project is an issue saying {@code empty}. */
    private static boolean counts(LocalDate date, Integer minutes, String project, int row, String empty,
                                  List<TimesheetIssue> issues) {
        if (project.isEmpty()) {
            issues.add(new TimesheetIssue(row, "Project", empty));
        }
        return date != null && minutes != null && minutes != 0 && !project.isEmpty();
    }

    private static String cell(CSVRecord r, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= r.size() ? "" : r.get(i).strip();
    }

    private static LocalDate date(String s, int row, String column, List<TimesheetIssue> issues) {
        try {
            return s.contains("/") ? LocalDate.parse(s, US) : LocalDate.parse(s, ISO);
        } catch (DateTimeParseException e) {
            issues.add(new TimesheetIssue(row, column, "\"" + s + "\" is not a date (YYYY-MM-DD or M/D/YYYY)"));
            return null;
        }
    }

    /** Decimal hours, "7.5" (or "7,5"), to whole minutes (half up); at most 24 hours. */
    private static Integer hours(String s, int row, List<TimesheetIssue> issues) {
        if (!HOURS.matcher(s).matches()) {
            issues.add(new TimesheetIssue(row, "Hours", "\"" + s + "\" is not a number of hours such as 7.5"));
            return null;
        }
        int minutes = new BigDecimal(s.replace(',', '.')).multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
        if (minutes > ImportTimesheetCommand.MAX_MINUTES) {
            issues.add(new TimesheetIssue(row, "Hours", s + " hours is more than a day"));
            return null;
        }
        return minutes;
    }

    /** H:MM:SS to whole minutes (30 seconds and more round up); at most 24 hours. */
    private static Integer duration(String s, int row, List<TimesheetIssue> issues) {
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            issues.add(new TimesheetIssue(row, "Duration", "\"" + s + "\" is not a duration such as 7:30:00"));
            return null;
        }
        long seconds = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                + Long.parseLong(m.group(3));
        if (seconds > ImportTimesheetCommand.MAX_MINUTES * 60L) {
            issues.add(new TimesheetIssue(row, "Duration", s + " is more than a day"));
            return null;
        }
        return (int) ((seconds + 30) / 60);
    }

    /** SHA-256 of the source, the line's identifying fields and how many identical lines came before it. */
    private static String key(Map<String, Integer> seen, String... parts) {
        String joined = String.join("\u001f", parts);
        int occurrence = seen.merge(joined, 1, Integer::sum);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((joined + "\u001f" + occurrence).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
