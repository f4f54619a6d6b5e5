package io.cordee.core.billing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/**
 * Add an invoice that no billing plan generated (use case {@link BillingService#create(io.cordee.core.identity.Caller,
 * CreateInvoiceCommand)}). A command that exists is valid on its own (ADR 79): a label of 1 to 200 characters
 * (stripped), an amount above 0 within ±10^13 minor units, an issue date within 2000-01-01 … 2100-12-31 and a
 * number of at most {@link Invoice#NUMBER_MAX} characters (blank: none). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. What needs the database (the project
 * exists, the number is unique) stays with the service.
 */
public record CreateInvoiceCommand(ProjectId projectId, String label, Money amount, String number,
                                   LocalDate issueDate) {

    public CreateInvoiceCommand {
        new Validator()
                .required("projectId", projectId)
                .requiredText("label", label, Validator.NAME_MAX_LENGTH)
                .required("amount", amount)
                .check(amount == null || amount.minorUnits() > 0, "amount", "must be more than 0",
                        ErrorCode.OUT_OF_RANGE)
                .money("amount", amount)
                .required("issueDate", issueDate)
                .date("issueDate", issueDate)
                .check(number == null || number.strip().length() <= Invoice.NUMBER_MAX, "number",
                        "is longer than " + Invoice.NUMBER_MAX + " characters", ErrorCode.TOO_LONG)
                .throwIfInvalid();
        label = label.strip();
        number = number == null || number.isBlank() ? null : number.strip();
    }
}
