package io.cordee.core.cash;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Money in (positive) or out (negative) on a date; {@code clientId} for receipts, null for expenses.
 */
public record CashMovement(LocalDate date, Money amount, ClientId clientId, String label) {
}
