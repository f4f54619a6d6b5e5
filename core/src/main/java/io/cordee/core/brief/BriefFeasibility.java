package io.cordee.core.brief;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The feasibility of one brief version as a caller may see it: the launch date assessed (the
 * version's, or the project's when the version has none), from which day, the pure
 * {@link Feasibility} and the requirements it suggests dropping. {@code budget} is null unless the caller sees money (OWNER, FINANCE): a lead or
 * a client sees the verdict and the days, never amounts.
 */
public record BriefFeasibility(BriefVersionId versionId, LocalDate asOf, LocalDate launchDate,
                               LocalDate communicationPlanDate, Feasibility feasibility, List<Requirement> toDrop,
                               Budget budget) {

    public BriefFeasibility {
        toDrop = List.copyOf(toDrop);
    }

    /** The scope priced at the allocated people's average daily bill rate, against the project's fee budget. */
    public record Budget(Money scopeValue, Money feeBudget, boolean overBudget) {
    }
}
