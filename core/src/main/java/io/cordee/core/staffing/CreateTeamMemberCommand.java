package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Add a member to the team (use case {@link TeamService#create(io.cordee.core.identity.Caller,
 * CreateTeamMemberCommand)}). Valid on its own (ADR 79): a name of 1 to 200 characters and a job title of at most
 * 200 (both stripped); an FTE above 0 and at most {@code 1.5} with at most two decimals (none given: 1); a monthly
 * loaded cost and a daily bill rate, each 0 to {@value #MAX_AMOUNT_MINOR} minor units; at most 30 skills of 1 to 60
 * characters; an end not before the start. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. A changed member must pass the same rules:
 * {@link TeamService#update} builds one from the merged values.
 */
public record CreateTeamMemberCommand(String name, String jobTitle, List<String> skills, BigDecimal fte,
                                      Money monthlyLoadedCost, Money dailyBillRate, LocalDate startDate,
                                      LocalDate endDate) {

    static final BigDecimal MAX_FTE = new BigDecimal("1.5");
    static final long MAX_AMOUNT_MINOR = 10_000_000_00L;
    static final int MAX_SKILLS = 30;

    public CreateTeamMemberCommand {
        name = name == null ? null : name.strip();
        jobTitle = jobTitle == null ? null : jobTitle.strip();
        fte = fte == null ? BigDecimal.ONE : fte;
        Validator v = new Validator()
                .notBefore("endDate", endDate, "startDate", startDate)
                .requiredText("name", name, Validator.NAME_MAX_LENGTH)
                .maxLength("jobTitle", jobTitle, Validator.NAME_MAX_LENGTH)
                .check(fte.compareTo(BigDecimal.ZERO) > 0 && fte.compareTo(MAX_FTE) <= 0 && fte.scale() <= 2, "fte",
                        "must be more than 0 and at most " + MAX_FTE + ", with at most two decimals (got "
                                + fte.toPlainString() + ")", ErrorCode.OUT_OF_RANGE)
                .required("monthlyLoadedCost", monthlyLoadedCost)
                .required("dailyBillRate", dailyBillRate);
        amount(v, "monthlyLoadedCost", monthlyLoadedCost);
        amount(v, "dailyBillRate", dailyBillRate);
        List<String> given = skills == null ? List.of() : skills;
        v.check(given.size() <= MAX_SKILLS, "skills", "at most " + MAX_SKILLS + " skills", ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < given.size() && i < MAX_SKILLS; i++) {
            v.requiredText("skills[" + i + "]", given.get(i), 60);
        }
        v.throwIfInvalid();
    }

    /** The command from a draft (a new member: no date to clear). */
    public CreateTeamMemberCommand(TeamMemberDraft draft) {
        this(draft.name(), draft.jobTitle(), draft.skills(), draft.fte(), draft.monthlyLoadedCost(),
                draft.dailyBillRate(), draft.startDate(), draft.endDate());
    }

    private static void amount(Validator v, String field, Money amount) {
        v.check(amount == null || (!amount.isNegative() && amount.minorUnits() <= MAX_AMOUNT_MINOR), field,
                "must be between 0 and " + MAX_AMOUNT_MINOR + " minor units", ErrorCode.OUT_OF_RANGE);
    }
}
