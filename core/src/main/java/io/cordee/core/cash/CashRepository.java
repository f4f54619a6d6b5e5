package io.cordee.core.cash;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: bank balances, overheads and one-off expenses, always within one agency. */
public interface CashRepository {

    /** Records the balance at the end of {@code balance.date()}, replacing one recorded for that date. */
    Mono<BankBalance> saveBalance(AgencyId agencyId, BankBalance balance);

    /** The latest balance recorded on or before {@code date}. */
    Mono<BankBalance> latestBalance(AgencyId agencyId, LocalDate date);

    /** Newest first. */
    Mono<Page<BankBalance>> balances(AgencyId agencyId, PageRequest page);

    Flux<Overhead> overheads(AgencyId agencyId);

    Mono<Overhead> insertOverhead(AgencyId agencyId, Overhead overhead);

    /** Writes if the stored version is still {@code overhead.version()}; empty otherwise. */
    Mono<Overhead> updateOverhead(AgencyId agencyId, Overhead overhead);

    Mono<Boolean> deleteOverhead(AgencyId agencyId, OverheadId id, long version);

    /** One-off expenses between two dates (both included). */
    Flux<OneOffExpense> oneOffs(AgencyId agencyId, LocalDate from, LocalDate to);

    Mono<OneOffExpense> insertOneOff(AgencyId agencyId, OneOffExpense expense);

    Mono<Boolean> deleteOneOff(AgencyId agencyId, UUID id);
}
