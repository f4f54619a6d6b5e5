package io.cordee.core.brief;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of a brief version. On update, null means "leave as it is"; a list replaces
 * the whole list (requirements included: a requirement given with the {@code key} of an existing one
 * is that requirement, changed; one without a key is new; one left out is removed).
 */
public record BriefVersionDraft(List<String> objectives, List<String> targetUsers,
                                List<RequirementDraft> requirements, List<String> constraints,
                                List<String> assumptions, List<String> outOfScope, LocalDate launchDate,
                                LocalDate communicationPlanDate) {

    /** One requirement as typed: nothing checked yet. */
    public record RequirementDraft(String key, String title, String userStory, Priority priority,
                                   String estimateDays) {
    }

    public static BriefVersionDraft empty() {
        return new BriefVersionDraft(null, null, null, null, null, null, null, null);
    }
}
