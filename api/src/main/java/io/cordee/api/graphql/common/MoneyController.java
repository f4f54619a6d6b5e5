package io.cordee.api.graphql.common;

import io.cordee.core.money.Money;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code Money} type: minor units, ISO code, and the exact decimal amount. */
@Controller
@SchemaMapping(typeName = "Money")
public class MoneyController {

    @SchemaMapping
    public long amountMinor(Money money) {
        return money.minorUnits();
    }

    @SchemaMapping
    public String currency(Money money) {
        return money.currency().getCurrencyCode();
    }

    @SchemaMapping
    public String amount(Money money) {
        return money.amount().toPlainString();
    }
}
