package io.cordee.core.cash;

import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Record an account's balance at the end of a day (use case {@link CashService#recordBalance(
 * io.cordee.core.identity.Caller, RecordBankBalanceCommand)}). Valid on its own (ADR 79): a date within
 * 2000-01-01 … 2100-12-31 and an amount within ±10^13 minor units (a balance may be negative: an overdraft);
 * {@code accountId} null means the agency's only open account. What needs the agency (its currency, its
 * today, the account exists and is open) stays with the service.
 */
public record RecordBankBalanceCommand(BankAccountId accountId, LocalDate date, Money amount) {

    public RecordBankBalanceCommand {
        new Validator().required("date", date).required("amount", amount).date("date", date).money("amount", amount)
                .throwIfInvalid();
    }
}
