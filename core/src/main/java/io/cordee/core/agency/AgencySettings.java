package io.cordee.core.agency;

import io.cordee.core.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one agency works: its currency and time zone, the cash it never wants to go below, the day of
 * the month it pays salaries, and the payment delay (days after the due date) it expects from a
 * client of each segment until that client has a payment history of its own.
 */
public record AgencySettings(
        Currency currency,
        ZoneId timeZone,
        Money safetyCashThreshold,
        int payday,
        Map<Segment, Integer> defaultPaymentDelayDays) {

    public AgencySettings {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(safetyCashThreshold, "safetyCashThreshold");
        EnumMap<Segment, Integer> delays = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            delays.put(segment, defaultPaymentDelayDays.getOrDefault(segment, 0));
        }
        defaultPaymentDelayDays = Map.copyOf(delays);
    }

    /** Sensible defaults for a new agency: 25th as payday; late payers are the large organisations. */
    public static AgencySettings defaults(Currency currency, ZoneId zone) {
        return new AgencySettings(currency, zone, Money.zero(currency), 25, Map.of(
                Segment.STARTUP, 10,
                Segment.SME, 5,
                Segment.ENTERPRISE, 30,
                Segment.PUBLIC, 45));
    }
}
