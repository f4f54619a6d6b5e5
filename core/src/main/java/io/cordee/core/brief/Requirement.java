package io.cordee.core.brief;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One requirement of a brief version: a user story with its MoSCoW priority and an estimate in
 * person-days. {@code key} identifies the same requirement across versions.
 */
public record Requirement(String key, String title, String userStory, Priority priority, BigDecimal estimateDays) {

    public Requirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(estimateDays, "estimateDays");
    }

    /** Must and Should make the scope a brief is measured against. */
    public boolean inScope() {
        return priority == Priority.MUST || priority == Priority.SHOULD;
    }
}
