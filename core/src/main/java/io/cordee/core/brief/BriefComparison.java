package io.cordee.core.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What changed between two versions of a brief's requirements, matched by key. Pure. */
public final class BriefComparison {

    public record FieldChange(String field, String before, String after) {
    }

    public record Changed(String key, List<FieldChange> changes) {
    }

    public record Diff(List<Requirement> added, List<Requirement> removed, List<Changed> changed) {
    }

    private static final Map<String, Function<Requirement, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", Requirement::title);
        FIELDS.put("userStory", Requirement::userStory);
        FIELDS.put("priority", Requirement::priority);
        FIELDS.put("estimateDays", r -> r.estimateDays().stripTrailingZeros().toPlainString());
    }

    private BriefComparison() {
    }

    /** From {@code before} to {@code after}: requirements added, removed, and changed field by field. */
    public static Diff compare(List<Requirement> before, List<Requirement> after) {
        Map<String, Requirement> old = index(before);
        Map<String, Requirement> now = index(after);
        List<Requirement> added = after.stream().filter(r -> !old.containsKey(r.key())).toList();
        List<Requirement> removed = before.stream().filter(r -> !now.containsKey(r.key())).toList();
        List<Changed> changed = new ArrayList<>();
        for (Requirement r : after) {
            Requirement was = old.get(r.key());
            if (was == null) {
                continue;
            }
            List<FieldChange> changes = new ArrayList<>();
            FIELDS.forEach((field, get) -> {
                Object a = get.apply(was);
                Object b = get.apply(r);
                if (!Objects.equals(a, b)) {
                    changes.add(new FieldChange(field, a == null ? null : a.toString(), b == null ? null : b.toString()));
                }
            });
            if (!changes.isEmpty()) {
                changed.add(new Changed(r.key(), changes));
            }
        }
        return new Diff(added, removed, changed);
    }

    private static Map<String, Requirement> index(List<Requirement> requirements) {
        Map<String, Requirement> byKey = new LinkedHashMap<>();
        requirements.forEach(r -> byKey.put(r.key(), r));
        return byKey;
    }
}
