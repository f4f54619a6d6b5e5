package io.cordee.core.cash;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Add a one-off expense (use case {@link CashService#addOneOff(io.cordee.core.identity.Caller,
 * CreateOneOffExpenseCommand)}). Valid on its own (ADR 79): a label of 1 to 200 characters (stripped), a date
 * within 2000-01-01 … 2100-12-31 and an amount above 0 within 10^13 minor units. A changed expense must pass
 * the same rules: {@link CashService#updateOneOff} builds one from the merged values.
 */
public record CreateOneOffExpenseCommand(String label, LocalDate date, Money amount) {

    public CreateOneOffExpenseCommand {
        new Validator().requiredText("label", label, Validator.NAME_MAX_LENGTH).required("date", date)
                .required("amount", amount).date("date", date).money("amount", amount)
                .check(amount == null || amount.minorUnits() > 0, "amount", "must be more than 0",
                        ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
        label = label.strip();
    }
}
