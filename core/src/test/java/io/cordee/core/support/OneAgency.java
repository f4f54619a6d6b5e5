package io.cordee.core.support;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import java.time.LocalDate;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One agency, read only: for services that only look up their agency's settings. */
public final class OneAgency implements AgencyRepository {
    private final Agency agency;

    public OneAgency(Agency agency) {
        this.agency = agency;
    }

    @Override
    public Mono<Agency> findById(AgencyId id) {
        return Mono.just(agency).filter(a -> a.id().equals(id));
    }

    @Override
    public Mono<Agency> insert(Agency agency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Agency> updateSettings(Agency agency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Flux<LocalDate> holidays(AgencyId id, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Void> addHolidays(AgencyId id, Set<LocalDate> days, String label) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Boolean> removeHoliday(AgencyId id, LocalDate day) {
        throw new UnsupportedOperationException();
    }
}
