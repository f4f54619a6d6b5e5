package io.cordee.core.staffing;

import io.cordee.core.common.Validator;
import java.time.YearMonth;

/**
 * Each current team member's capacity in one month (use case {@link TeamService#capacity(
 * io.cordee.core.identity.Caller, TeamCapacityCommand)}). Valid on its own (ADR 79): a month. Otherwise the
 * constructor throws {@link io.cordee.core.common.InvalidInput} on {@code month}. The query gives the month as text:
 * {@link #of(String)} reads it. Who may see the team stays with the service.
 */
public record TeamCapacityCommand(YearMonth month) {

    public TeamCapacityCommand {
        new Validator().required("month", month).throwIfInvalid();
    }

    /**
     * The command from the query's argument: {@code month} as YYYY-MM, else {@code month}
     * {@link io.cordee.core.common.ErrorCode#INVALID_FORMAT} "must be a month as YYYY-MM" (the words the query has
     * always answered); null is {@code month} {@link io.cordee.core.common.ErrorCode#REQUIRED}.
     */
    public static TeamCapacityCommand of(String month) {
        return new TeamCapacityCommand(CapacityCommand.month("month", month, "must be a month as YYYY-MM"));
    }
}
