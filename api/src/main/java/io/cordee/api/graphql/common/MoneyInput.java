package io.cordee.api.graphql.common;

import io.cordee.core.common.Bounds;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import java.util.Currency;

/** GraphQL {@code MoneyInput}: minor units and an optional currency, which must be the agency's. */
public record MoneyInput(Long amountMinor, String currency) {

    public Money toMoney(Currency agencyCurrency, String field) {
        if (amountMinor == null) {
            throw InvalidInput.of(field + ".amountMinor", "is required", ErrorCode.REQUIRED);
        }
        if (!Bounds.amountInRange(amountMinor)) {
            throw InvalidInput.of(field + ".amountMinor", Bounds.amountMessage(amountMinor), ErrorCode.OUT_OF_RANGE);
        }
        if (currency != null && !currency.equals(agencyCurrency.getCurrencyCode())) {
            throw InvalidInput.of(field + ".currency", "must be the agency's currency "
                    + agencyCurrency.getCurrencyCode(), ErrorCode.INVALID_FORMAT);
        }
        return new Money(amountMinor, agencyCurrency);
    }

    public static Money toMoney(MoneyInput input, Currency agencyCurrency, String field) {
        return input == null ? null : input.toMoney(agencyCurrency, field);
    }
}
