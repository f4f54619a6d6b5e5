package io.cordee.core.agency;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Use cases of the agency itself: read it, change its settings (owner only). */
public final class AgencyService {

    private static final Set<Role> SETTERS = EnumSet.of(Role.OWNER, Role.FINANCE);

    private final AgencyRepository agencies;

    public AgencyService(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    public Mono<Agency> current(Caller caller) {
        return agencies.existing(caller.agencyId());
    }

    /** Changes given as nulls are left as they are; the currency of an agency never changes. */
    public record SettingsChanges(ZoneId timeZone, Money safetyCashThreshold, Integer payday,
                                  Map<Segment, Integer> defaultPaymentDelayDays) {
    }

    /** Changes the settings (OWNER, FINANCE); the command is built once the agency's currency is read. */
    public Mono<Agency> updateSettings(Caller caller, long expectedVersion, SettingsChanges changes) {
        return Mono.fromCallable(() -> caller.require(SETTERS, "change the agency settings"))
                .then(current(caller))
                .flatMap(agency -> Mono.fromCallable(() -> new UpdateAgencySettingsCommand(expectedVersion,
                                agency.settings().currency(), changes))
                        .flatMap(command -> write(agency, command)));
    }

    /** Changes the settings: the command holds the rules of the changes; the stored values fill the others. */
    public Mono<Agency> updateSettings(Caller caller, UpdateAgencySettingsCommand command) {
        return Mono.fromCallable(() -> caller.require(SETTERS, "change the agency settings"))
                .then(current(caller))
                .flatMap(agency -> agency.settings().currency().equals(command.currency()) ? write(agency, command)
                        : Mono.error(InvalidInput.of("safetyCashThreshold", "must be in the agency's currency "
                        + agency.settings().currency(), ErrorCode.INVALID_FORMAT)));
    }

    private Mono<Agency> write(Agency agency, UpdateAgencySettingsCommand command) {
        AgencySettings s = agency.settings();
        Map<Segment, Integer> delays = new EnumMap<>(s.defaultPaymentDelayDays());
        if (command.defaultPaymentDelayDays() != null) {
            delays.putAll(command.defaultPaymentDelayDays());
        }
        AgencySettings next = new AgencySettings(s.currency(),
                command.timeZone() == null ? s.timeZone() : command.timeZone(),
                command.safetyCashThreshold() == null ? s.safetyCashThreshold() : command.safetyCashThreshold(),
                command.payday() == null ? s.payday() : command.payday(), delays);
        return agencies.updateSettings(new Agency(agency.id(), agency.name(), next, command.expectedVersion()))
                .switchIfEmpty(Mono.error(() -> new Conflict("Agency", command.expectedVersion())));
    }
}
