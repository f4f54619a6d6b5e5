package io.cordee.core.cash;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Add a monthly overhead (use case {@link CashService#addOverhead(io.cordee.core.identity.Caller,
 * CreateOverheadCommand)}). Valid on its own (ADR 79): a label of 1 to 200 characters (stripped), a monthly
 * amount above 0 within 10^13 minor units, a day of the month from 1 to 31, a start date and an optional end
 * date within 2000-01-01 … 2100-12-31, the end not before the start. A changed overhead must pass the same
 * rules: {@link CashService#updateOverhead} builds one from the merged values.
 */
public record CreateOverheadCommand(String label, Money monthlyAmount, int dayOfMonth, LocalDate startDate,
                                    LocalDate endDate) {

    public CreateOverheadCommand {
        new Validator().requiredText("label", label, Validator.NAME_MAX_LENGTH)
                .required("monthlyAmount", monthlyAmount)
                .check(monthlyAmount == null || monthlyAmount.minorUnits() > 0, "monthlyAmount",
                        "must be more than 0", ErrorCode.OUT_OF_RANGE)
                .range("dayOfMonth", dayOfMonth, 1, 31)
                .required("startDate", startDate)
                .money("monthlyAmount", monthlyAmount).date("startDate", startDate).date("endDate", endDate)
                .notBefore("endDate", endDate, "startDate", startDate)
                .throwIfInvalid();
        label = label.strip();
    }
}
