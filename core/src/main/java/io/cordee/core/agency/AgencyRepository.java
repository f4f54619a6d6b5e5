package io.cordee.core.agency;

import io.cordee.core.common.NotFound;
import java.time.LocalDate;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: agencies. */
public interface AgencyRepository {

    Mono<Agency> findById(AgencyId id);

    /**
     * The agency, or a {@link NotFound} on "Agency" when there is none: what a service reading the caller's own
     * agency meets when it has gone. The one place that turns {@link #findById}'s empty answer into that error.
     */
    default Mono<Agency> existing(AgencyId id) {
        return findById(id).switchIfEmpty(Mono.error(() -> new NotFound("Agency", id.value())));
    }

    Mono<Agency> insert(Agency agency);

    /**
     * Writes the name and settings if the stored version is still {@code agency.version()} and the currency is the
     * stored one (an agency's currency never changes); empty otherwise.
     */
    Mono<Agency> updateSettings(Agency agency);

    /** The agency's public holidays between two dates (both included), by day: days nobody works. */
    Flux<LocalDate> holidays(AgencyId id, LocalDate from, LocalDate to);

    /** Adds public holidays; days already there are kept as they are. */
    Mono<Void> addHolidays(AgencyId id, Set<LocalDate> days, String label);

    /** Removes a public holiday; false if it was not one. */
    Mono<Boolean> removeHoliday(AgencyId id, LocalDate day);
}
