package io.cordee.core.bankstatement;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a bank statement file says (ADR 52), whatever its format: the account it is for (an IBAN for CAMT.053,
 * the bank's account id for OFX), the closing booked balance and its date, and the incoming credits.
 */
public record BankStatement(String format, String accountRef, LocalDate balanceDate, Money closingBalance,
                            List<Credit> credits) {

    public BankStatement {
        Objects.requireNonNull(balanceDate, "balanceDate");
        Objects.requireNonNull(closingBalance, "closingBalance");
        credits = List.copyOf(credits);
    }

    /**
     * One incoming credit. {@code key} identifies it across files of the same account (the bank's reference, or
     * the date, amount and text when it gives none), so importing the statement again writes it once.
     */
    public record Credit(String key, Money amount, LocalDate bookedOn, String debtorName, String remittance) {
    }
}
