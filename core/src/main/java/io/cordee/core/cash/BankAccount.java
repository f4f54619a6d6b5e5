package io.cordee.core.cash;

import java.util.Currency;

/**
 * One of the agency's bank accounts, in the agency's currency. {@code label} is the IBAN's last digits or
 * any short name the agency knows the account by (optional). An archived account keeps its history but its
 * balances no longer count in the forecast's opening balance (ADR 0035).
 */
public record BankAccount(BankAccountId id, String name, String label, Currency currency, boolean archived,
                          long version) {

    /** The name given to the account that {@code recordBankBalance} without an account writes to. */
    public static final String DEFAULT_NAME = "Main account";
    public static final int LABEL_MAX_LENGTH = 40;
}
