package io.cordee.core.cash;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.UUID;

/** A cost paid once, on a date (equipment, a tax payment, an offsite). */
public record OneOffExpense(UUID id, String label, LocalDate date, Money amount, long version) {

    public OneOffExpense(UUID id, String label, LocalDate date, Money amount) {
        this(id, label, date, amount, 0);
    }

    CashMovement asMovement() {
        return new CashMovement(date, amount, null, label);
    }
}
