package io.cordee.core.cash;

import io.cordee.core.money.Money;
import java.time.LocalDate;

/** The balance of the agency's accounts at the end of {@code date}. */
public record BankBalance(LocalDate date, Money amount) {
}
