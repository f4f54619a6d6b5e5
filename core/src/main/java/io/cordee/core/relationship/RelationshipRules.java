package io.cordee.core.relationship;

import io.cordee.core.common.Bounds;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.List;

/** The bounds shared by the relationship commands (ADR 79), worded as the relationship use cases always were. */
final class RelationshipRules {

    static final LocalDate EARLIEST = Bounds.MIN_DATE;
    static final LocalDate LATEST = Bounds.MAX_DATE;

    private RelationshipRules() {
    }

    /** A date within 2000-01-01 … 2100-12-31; null passes. */
    static Validator date(Validator v, String field, LocalDate date) {
        return v.check(date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)), field,
                "must be between " + EARLIEST + " and " + LATEST, ErrorCode.OUT_OF_RANGE);
    }

    /** A list of names, each 1 to 200 characters, at most {@code max}; the names stripped (none: empty). */
    static List<String> names(Validator v, String field, List<String> names, int max) {
        if (names == null) {
            return List.of();
        }
        v.check(names.size() <= max, field, "at most " + max + " participants", ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < names.size() && i < max; i++) {
            v.requiredText(field + "[" + i + "]", names.get(i), Validator.NAME_MAX_LENGTH);
        }
        return names.stream().map(n -> n == null ? null : n.strip()).toList();
    }
}
