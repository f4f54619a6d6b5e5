package io.cordee.core.agency;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * Change the agency's settings (use case {@link AgencyService#updateSettings(io.cordee.core.identity.Caller,
 * UpdateAgencySettingsCommand)}); a null change leaves the setting as it is. Valid on its own (ADR 79): a safety cash
 * threshold in the agency's {@code currency} (which never changes, hence a component) and not negative, a payday
 * from 1 to 28, each segment's default payment delay from 0 to 365 days. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field ({@code defaultPaymentDelayDays.PUBLIC}). A
 * time zone is a {@link ZoneId} already: the mutation's text is read by {@link #timeZone(String)} before anything
 * else, so a malformed one is told alone. Who may change the settings and whether the version is the stored one stay
 * with the service.
 *
 * @param expectedVersion the agency's version read
 */
public record UpdateAgencySettingsCommand(long expectedVersion, Currency currency, ZoneId timeZone,
                                          Money safetyCashThreshold, Integer payday,
                                          Map<Segment, Integer> defaultPaymentDelayDays) {

    public UpdateAgencySettingsCommand {
        Validator v = new Validator().required("currency", currency);
        if (safetyCashThreshold != null) {
            v.check(currency == null || safetyCashThreshold.currency().equals(currency), "safetyCashThreshold",
                            "must be in the agency's currency " + currency, ErrorCode.INVALID_FORMAT)
                    .check(!safetyCashThreshold.isNegative(), "safetyCashThreshold", "must not be negative",
                            ErrorCode.OUT_OF_RANGE);
        }
        if (payday != null) {
            v.range("payday", payday, 1, 28);
        }
        Map<Segment, Integer> delays = new EnumMap<>(Segment.class);
        if (defaultPaymentDelayDays != null) {
            defaultPaymentDelayDays.forEach((segment, days) -> {
                if (segment == null || days == null) {
                    v.check(false, "defaultPaymentDelayDays", "each segment has its number of days",
                            ErrorCode.REQUIRED);
                } else {
                    v.range("defaultPaymentDelayDays." + segment, days, 0, 365);
                    delays.put(segment, days);
                }
            });
        }
        v.throwIfInvalid();
        defaultPaymentDelayDays = defaultPaymentDelayDays == null ? null : Collections.unmodifiableMap(delays);
    }

    /**
     * The time zone of the text {@code id} (an IANA name such as Europe/Paris, or an offset such as +02:00), null for
     * none (no change); else {@link InvalidInput} on {@code timeZone}, told alone: the mutation reads it first.
     */
    public static ZoneId timeZone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw InvalidInput.of("timeZone", "is not an IANA time zone such as Europe/Paris",
                    ErrorCode.INVALID_FORMAT);
        }
    }

    /** The command from the changes asked of an agency whose currency is {@code currency}. */
    public UpdateAgencySettingsCommand(long expectedVersion, Currency currency, AgencyService.SettingsChanges changes) {
        this(expectedVersion, currency, changes.timeZone(), changes.safetyCashThreshold(), changes.payday(),
                changes.defaultPaymentDelayDays());
    }
}
