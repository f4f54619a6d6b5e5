package io.cordee.api.imports;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** How the import tests read a dry run's or an import's report (its {@code counts}), to compare it whole. */
final class ImportReports {

    private ImportReports() {
    }

    /** record → [created, updated, skipped], by record name. */
    static Map<String, List<Integer>> counts(JsonNode report) {
        Map<String, List<Integer>> counts = new TreeMap<>();
        report.path("counts").forEach(c -> counts.put(c.path("record").asString(), List.of(c.path("created").asInt(),
                c.path("updated").asInt(), c.path("skipped").asInt())));
        return counts;
    }
}
