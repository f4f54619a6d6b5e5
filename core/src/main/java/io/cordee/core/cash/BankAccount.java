package io.cordee.core.cash;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.util.Currency;
import java.util.List;

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

    /**
     * The account {@code id} among the agency's {@code accounts}, which must be open to be written to: an unknown
     * one is refused, an archived one too, saying what restoring it allows ({@code toDo}: "record a balance").
     */
    public static BankAccount chosen(List<BankAccount> accounts, BankAccountId id, String toDo) {
        BankAccount account = accounts.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> InvalidInput.of("accountId", "no such bank account", ErrorCode.NOT_FOUND));
        if (account.archived()) {
            throw InvalidInput.of("accountId", "is archived: restore it to " + toDo, ErrorCode.OUT_OF_RANGE);
        }
        return account;
    }
}
