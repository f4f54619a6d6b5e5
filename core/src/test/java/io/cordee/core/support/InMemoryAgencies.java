package io.cordee.core.support;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Agencies in memory, with the adapter's rules (ADR 0080, {@code InMemoryAgenciesContractTest}): a settings write
 * needs the stored version and the stored currency; holidays are kept per agency, by day.
 */
public final class InMemoryAgencies implements AgencyRepository {

    private final Map<AgencyId, Agency> rows = new ConcurrentHashMap<>();
    private final Map<AgencyId, NavigableMap<LocalDate, String>> holidays = new ConcurrentHashMap<>();

    @Override
    public Mono<Agency> findById(AgencyId id) {
        return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Mono<Agency> insert(Agency agency) {
        return Mono.fromSupplier(() -> {
            if (rows.putIfAbsent(agency.id(), agency) != null) {
                throw new IllegalStateException("agency " + agency.id().value() + " already exists");
            }
            return agency;
        });
    }

    @Override
    public synchronized Mono<Agency> updateSettings(Agency agency) {
        Agency current = rows.get(agency.id());
        if (current == null || current.version() != agency.version()
                || !current.settings().currency().equals(agency.settings().currency())) {
            return Mono.empty();
        }
        Agency next = new Agency(agency.id(), agency.name(), agency.settings(), agency.version() + 1);
        rows.put(next.id(), next);
        return Mono.just(next);
    }

    @Override
    public Flux<LocalDate> holidays(AgencyId id, LocalDate from, LocalDate to) {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(holidaysOf(id).subMap(from, true, to, true).keySet())));
    }

    @Override
    public Mono<Void> addHolidays(AgencyId id, Set<LocalDate> days, String label) {
        return Mono.fromRunnable(() -> days.forEach(day -> holidaysOf(id).putIfAbsent(day, label)));
    }

    @Override
    public Mono<Boolean> removeHoliday(AgencyId id, LocalDate day) {
        return Mono.fromSupplier(() -> holidaysOf(id).remove(day) != null);
    }

    private NavigableMap<LocalDate, String> holidaysOf(AgencyId id) {
        return holidays.computeIfAbsent(id, k -> java.util.Collections.synchronizedNavigableMap(new TreeMap<>()));
    }
}
