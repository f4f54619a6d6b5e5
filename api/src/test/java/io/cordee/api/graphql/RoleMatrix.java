package io.cordee.api.graphql;

import io.cordee.core.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role × money-field matrix of {@code docs/roles.md}, parsed: the single source of truth that
 * {@link RoleMatrixTest} turns into one test per cell. Only the three tables under the headings
 * "Reading money", "Changing money" and "Names that sound like money but are not" are read.
 */
record RoleMatrix(Map<String, Row> reads, Map<String, Row> writes, Map<String, String> notMoney) {

    static final String READS = "## Reading money";
    static final String WRITES = "## Changing money";
    static final String NOT_MONEY = "## Names that sound like money but are not";
    /** Not money, but role rules held the same way (ADR 30): {@code Query.} rows are reads, the others changes. */
    static final String PEOPLE = "## Managing people";
    static final Set<String> READ_CELLS = Set.of("yes", "own", "hidden", "FORBIDDEN");
    static final Set<String> WRITE_CELLS = Set.of("yes", "FORBIDDEN");

    /** One row: the field (or mutation) the test exercises, what it stands for too, and a cell per role. */
    record Row(String key, Set<String> alsoCovers, Map<Role, String> cells) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static RoleMatrix load() {
        Path doc = locate();
        try {
            return parse(Files.readAllLines(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/roles.md from the module folder (Maven runs tests in api/) or the repository root. */
    static Path locate() {
        for (Path candidate : List.of(Path.of("../docs/roles.md"), Path.of("docs/roles.md"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/roles.md not found from " + Path.of("").toAbsolutePath());
    }

    static RoleMatrix parse(List<String> lines) {
        Map<String, Row> reads = rows(table(lines, READS), READ_CELLS);
        Map<String, Row> writes = rows(table(lines, WRITES), WRITE_CELLS);
        rows(table(lines, PEOPLE), WRITE_CELLS).forEach((key, row) -> (key.startsWith("Query.") ? reads : writes)
                .put(key, row));
        Map<String, String> notMoney = new LinkedHashMap<>();
        for (List<String> cells : table(lines, NOT_MONEY)) {
            notMoney.put(code(cells.get(0)), cells.get(1));
        }
        return new RoleMatrix(reads, writes, notMoney);
    }

    /** The body rows of the first table after {@code heading}, split into trimmed cells. */
    private static List<List<String>> table(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("docs/roles.md has no heading \"" + heading + "\"");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                        .map(String::strip).toList();
                if (!cells.get(0).startsWith("`")) {
                    continue; // the header or the |---| line
                }
                rows.add(cells);
            } else if (inTable) {
                break;
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("docs/roles.md: no rows under \"" + heading + "\"");
        }
        return rows;
    }

    private static Map<String, Row> rows(List<List<String>> table, Set<String> allowed) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (List<String> cells : table) {
            String key = code(cells.get(0));
            Set<String> covers = new LinkedHashSet<>();
            Matcher m = CODE.matcher(cells.get(1));
            while (m.find()) {
                covers.add(m.group(1));
            }
            Map<Role, String> byRole = new EnumMap<>(Role.class);
            Role[] roles = {Role.OWNER, Role.FINANCE, Role.LEAD, Role.CLIENT};
            for (int i = 0; i < roles.length; i++) {
                String cell = cells.get(2 + i);
                if (!allowed.contains(cell)) {
                    throw new IllegalStateException("docs/roles.md, row " + key + ", " + roles[i] + ": \"" + cell
                            + "\" is not one of " + allowed);
                }
                byRole.put(roles[i], cell);
            }
            if (rows.put(key, new Row(key, covers, byRole)) != null) {
                throw new IllegalStateException("docs/roles.md: row " + key + " twice");
            }
        }
        return rows;
    }

    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        if (!m.find()) {
            throw new IllegalStateException("docs/roles.md: expected a `coordinate` in \"" + cell + "\"");
        }
        return m.group(1);
    }

    /** Every schema coordinate a row of either table stands for. */
    Set<String> covered() {
        Set<String> covered = new LinkedHashSet<>();
        for (Map<String, Row> table : List.of(reads, writes)) {
            for (Row row : table.values()) {
                covered.add(row.key());
                covered.addAll(row.alsoCovers());
            }
        }
        covered.addAll(notMoney.keySet());
        return covered;
    }
}
