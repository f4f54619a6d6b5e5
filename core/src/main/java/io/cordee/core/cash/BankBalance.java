package io.cordee.core.cash;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The balance of one bank account at the end of {@code date}. The forecast's opening balance is one of
 * these with neither id nor account: the sum of the open accounts' latest balances, dated by the newest
 * of them.
 */
public record BankBalance(UUID id, BankAccountId accountId, LocalDate date, Money amount) {

    /** A balance of the agency's accounts together (no id, no account). */
    public BankBalance(LocalDate date, Money amount) {
        this(null, null, date, amount);
    }
}
