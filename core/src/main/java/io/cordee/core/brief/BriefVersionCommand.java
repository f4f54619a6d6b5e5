package io.cordee.core.brief;

import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The content of a brief version as it will be written (createBrief, updateBriefVersion from the merged values,
 * previewBriefFeasibility). Valid on its own (ADR 79): each text list has at most {@value #MAX_LIST_ITEMS} items of
 * 1 to 5,000 characters; at most {@value #MAX_REQUIREMENTS} requirements, each with a title of 1 to 200 characters,
 * a user story of at most 5,000, a priority, a key of at most {@value #MAX_KEY_LENGTH} characters given once, and an
 * estimate of 0 to 99999.99 person-days in hundredths; the launch and communication plan dates not before
 * {@code projectStart}. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every
 * broken field ({@code requirements[1].estimateDays}). The project's start is a component because the dates are
 * checked with the texts, in one answer, as they always were: the service reads the project and builds the command.
 * The constructor normalises the requirements (title, key and user story stripped, a blank key or story none, the
 * estimate with two decimals); a requirement with no key is new and gets one in {@link #requirements(Supplier)}.
 *
 * @param requirements null when not given (an update keeps the version's requirements)
 * @param projectStart the project's start date, which the dates may not precede (null: no such bound)
 */
public record BriefVersionCommand(List<String> objectives, List<String> targetUsers,
                                  List<RequirementDraft> requirements, List<String> constraints,
                                  List<String> assumptions, List<String> outOfScope, LocalDate launchDate,
                                  LocalDate communicationPlanDate, LocalDate projectStart) {

    public static final int MAX_LIST_ITEMS = 50;
    public static final int MAX_REQUIREMENTS = 200;
    public static final int MAX_KEY_LENGTH = 64;
    public static final BigDecimal MAX_ESTIMATE_DAYS = new BigDecimal("99999.99");

    public BriefVersionCommand {
        List<RequirementDraft> normalised = rules(new Validator(), objectives, targetUsers, requirements, constraints,
                assumptions, outOfScope, launchDate, communicationPlanDate, projectStart);
        requirements = normalised;
    }

    /** The command from a draft (an update's, merged with the current version first), for a project starting then. */
    public BriefVersionCommand(BriefVersionDraft draft, LocalDate projectStart) {
        this(draft.objectives(), draft.targetUsers(), draft.requirements(), draft.constraints(), draft.assumptions(),
                draft.outOfScope(), draft.launchDate(), draft.communicationPlanDate(), projectStart);
    }

    /**
     * The command from a draft, reported together with the errors already in {@code v} (a new brief's title): the
     * draft's rules are added to {@code v}, which throws if anything is broken.
     */
    static BriefVersionCommand checkedWith(Validator v, BriefVersionDraft draft, LocalDate projectStart) {
        rules(v, draft.objectives(), draft.targetUsers(), draft.requirements(), draft.constraints(),
                draft.assumptions(), draft.outOfScope(), draft.launchDate(), draft.communicationPlanDate(),
                projectStart);
        return new BriefVersionCommand(draft, projectStart);
    }

    /** The requirements as they will be stored, a new one keyed by {@code newKey}; null when none were given. */
    public List<Requirement> requirements(Supplier<String> newKey) {
        return requirements == null ? null : requirements.stream().map(r -> new Requirement(
                r.key() == null ? newKey.get() : r.key(), r.title(), r.userStory(), r.priority(),
                new BigDecimal(r.estimateDays()))).toList();
    }

    /** Adds every broken rule to {@code v}, throws if any, and returns the requirements normalised. */
    private static List<RequirementDraft> rules(Validator v, List<String> objectives, List<String> targetUsers,
                                                List<RequirementDraft> given, List<String> constraints,
                                                List<String> assumptions, List<String> outOfScope,
                                                LocalDate launchDate, LocalDate communicationPlanDate,
                                                LocalDate projectStart) {
        texts(v, "objectives", objectives);
        texts(v, "targetUsers", targetUsers);
        texts(v, "constraints", constraints);
        texts(v, "assumptions", assumptions);
        texts(v, "outOfScope", outOfScope);
        v.notBefore("launchDate", launchDate, "the project's start date", projectStart);
        v.notBefore("communicationPlanDate", communicationPlanDate, "the project's start date", projectStart);
        if (given == null) {
            v.throwIfInvalid();
            return null;
        }
        v.check(given.size() <= MAX_REQUIREMENTS, "requirements", "at most " + MAX_REQUIREMENTS + " requirements",
                ErrorCode.OUT_OF_RANGE);
        List<RequirementDraft> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size() && i < MAX_REQUIREMENTS; i++) {
            RequirementDraft r = given.get(i);
            String at = "requirements[" + i + "].";
            if (r == null) {
                v.check(false, "requirements[" + i + "]", "is required", ErrorCode.REQUIRED);
                continue;
            }
            v.requiredText(at + "title", r.title(), Validator.NAME_MAX_LENGTH)
                    .maxLength(at + "userStory", r.userStory(), Validator.TEXT_MAX_LENGTH)
                    .required(at + "priority", r.priority())
                    .maxLength(at + "key", r.key(), MAX_KEY_LENGTH);
            String key = r.key() == null || r.key().isBlank() ? null : r.key().strip();
            if (key != null && !keys.add(key)) {
                v.check(false, at + "key", "is given twice", ErrorCode.DUPLICATE);
            }
            BigDecimal estimate = estimate(v, at + "estimateDays", r.estimateDays());
            if (!v.hasErrors()) {
                result.add(new RequirementDraft(key, r.title().strip(),
                        r.userStory() == null || r.userStory().isBlank() ? null : r.userStory().strip(),
                        r.priority(), estimate.toPlainString()));
            }
        }
        v.throwIfInvalid();
        return List.copyOf(result);
    }

    private static BigDecimal estimate(Validator v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.check(false, field, "is required", ErrorCode.REQUIRED);
            return null;
        }
        if (value.length() > 20) {
            v.check(false, field, "is not a number of person-days such as 12.5", ErrorCode.INVALID_FORMAT);
            return null;
        }
        BigDecimal days;
        try {
            days = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            v.check(false, field, "is not a number of person-days such as 12.5", ErrorCode.INVALID_FORMAT);
            return null;
        }
        if (days.signum() < 0 || days.compareTo(MAX_ESTIMATE_DAYS) > 0) {
            v.range(field, days, BigDecimal.ZERO, MAX_ESTIMATE_DAYS);
            return null;
        }
        if (days.stripTrailingZeros().scale() > 2) {
            v.check(false, field, "has at most two decimals (hundredths of a day)", ErrorCode.INVALID_FORMAT);
            return null;
        }
        return days.setScale(2);
    }

    private static void texts(Validator v, String field, List<String> items) {
        if (items == null) {
            return;
        }
        v.check(items.size() <= MAX_LIST_ITEMS, field, "at most " + MAX_LIST_ITEMS + " items", ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < items.size() && i < MAX_LIST_ITEMS; i++) {
            v.requiredText(field + "[" + i + "]", items.get(i), Validator.TEXT_MAX_LENGTH);
        }
    }
}
