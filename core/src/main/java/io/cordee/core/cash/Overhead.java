package io.cordee.core.cash;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A recurring monthly cost (rent, software, insurance) paid on {@code dayOfMonth} (the last day of
 * shorter months), from {@code from} until {@code to} (null: no end).
 */
public record Overhead(OverheadId id, String label, Money monthlyAmount, int dayOfMonth, LocalDate from,
                       LocalDate to, long version) {

    public LocalDate dateIn(YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
