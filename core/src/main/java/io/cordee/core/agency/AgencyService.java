package io.cordee.core.agency;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Use cases of the agency itself: read it, change its settings (owner only). */
public final class AgencyService {

    private final AgencyRepository agencies;

    public AgencyService(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    public Mono<Agency> current(Caller caller) {
        return agencies.findById(caller.agencyId())
                .switchIfEmpty(Mono.error(() -> new NotFound("Agency", caller.agencyId().value())));
    }

    /** Changes given as nulls are left as they are; the currency of an agency never changes. */
    public record SettingsChanges(ZoneId timeZone, Money safetyCashThreshold, Integer payday,
                                  Map<Segment, Integer> defaultPaymentDelayDays) {
    }

    public Mono<Agency> updateSettings(Caller caller, long expectedVersion, SettingsChanges changes) {
        return Mono.fromCallable(() -> caller.require(EnumSet.of(Role.OWNER, Role.FINANCE), "change the agency settings"))
                .then(current(caller))
                .flatMap(agency -> {
                    AgencySettings s = agency.settings();
                    Money threshold = changes.safetyCashThreshold() == null ? s.safetyCashThreshold()
                            : changes.safetyCashThreshold();
                    int payday = changes.payday() == null ? s.payday() : changes.payday();
                    Map<Segment, Integer> delays = new EnumMap<>(s.defaultPaymentDelayDays());
                    if (changes.defaultPaymentDelayDays() != null) {
                        delays.putAll(changes.defaultPaymentDelayDays());
                    }
                    Validator v = new Validator()
                            .check(threshold.currency().equals(s.currency()), "safetyCashThreshold",
                                    "must be in the agency's currency " + s.currency(), ErrorCode.INVALID_FORMAT)
                            .check(!threshold.isNegative(), "safetyCashThreshold", "must not be negative",
                                    ErrorCode.OUT_OF_RANGE)
                            .range("payday", payday, 1, 28);
                    delays.forEach((segment, days) -> v.range("defaultPaymentDelayDays." + segment, days, 0, 365));
                    v.throwIfInvalid();
                    AgencySettings next = new AgencySettings(s.currency(),
                            changes.timeZone() == null ? s.timeZone() : changes.timeZone(), threshold, payday, delays);
                    return agencies.updateSettings(new Agency(agency.id(), agency.name(), next, expectedVersion))
                            .switchIfEmpty(Mono.error(() -> new Conflict("Agency", expectedVersion)));
                });
    }
}
