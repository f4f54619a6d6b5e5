package io.cordee.core.project;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Start a project for a client (use case {@link ProjectService#create(io.cordee.core.identity.Caller,
 * CreateProjectCommand)}). Valid on its own (ADR 79): a client, a name of 1 to 200 characters (stripped), a start
 * date, a launch date and a communication plan date not before the start, a fee budget from 0 to
 * {@link ProjectService#MAX_FEE_MINOR} minor units, payment terms of 0 to 365 days (null: the client's). A null
 * status is {@code PLANNED}. A changed project must pass the same rules: {@link ProjectService#update} builds one
 * from the merged values. That the client exists, and that a LEAD gives no fee or terms, is the service's check.
 */
public record CreateProjectCommand(ClientId clientId, String name, ProjectStatus status, LocalDate startDate,
                                   LocalDate launchDate, LocalDate communicationPlanDate, Money feeBudget,
                                   Integer paymentTermsDays) {

    public CreateProjectCommand {
        name = name == null ? null : name.strip();
        status = status == null ? ProjectStatus.PLANNED : status;
        new Validator()
                .required("clientId", clientId)
                .requiredText("name", name, Validator.NAME_MAX_LENGTH)
                .required("startDate", startDate)
                .notBefore("launchDate", launchDate, "startDate", startDate)
                .notBefore("communicationPlanDate", communicationPlanDate, "startDate", startDate)
                .required("feeBudget", feeBudget)
                .check(feeBudget == null || (!feeBudget.isNegative()
                                && feeBudget.minorUnits() <= ProjectService.MAX_FEE_MINOR), "feeBudget",
                        "must be between 0 and " + ProjectService.MAX_FEE_MINOR + " minor units",
                        ErrorCode.OUT_OF_RANGE)
                .range("paymentTermsDays", paymentTermsDays == null ? 0 : paymentTermsDays, 0, 365)
                .throwIfInvalid();
    }

    /** The same command from a draft (the older way in). */
    public static CreateProjectCommand of(ClientId clientId, ProjectDraft draft) {
        return new CreateProjectCommand(clientId, draft.name(), draft.status(), draft.startDate(), draft.launchDate(),
                draft.communicationPlanDate(), draft.feeBudget(), draft.paymentTermsDays());
    }
}
