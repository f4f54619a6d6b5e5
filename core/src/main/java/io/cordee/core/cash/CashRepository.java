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

    /**
     * Records the balance of {@code balance.accountId()} at the end of {@code balance.date()}, replacing one
     * recorded for that account and date; the answer carries the stored row's id.
     */
    Mono<BankBalance> saveBalance(AgencyId agencyId, BankBalance balance);

    /**
     * The opening position on {@code date}: the sum of each open (not archived) account's latest balance
     * on or before {@code date}, dated by the newest of those balances; empty when no open account has one.
     */
    Mono<BankBalance> latestBalance(AgencyId agencyId, LocalDate date);

    /** Newest first; every account's when {@code accountId} is null. */
    Mono<Page<BankBalance>> balances(AgencyId agencyId, BankAccountId accountId, PageRequest page);

    /** Deletes one recorded balance; false when the agency has no such balance. */
    Mono<Boolean> deleteBalance(AgencyId agencyId, UUID id);

    /** Each given account's latest balance (whatever its date), in one statement. */
    Flux<BankBalance> latestBalances(AgencyId agencyId, java.util.Collection<BankAccountId> accountIds);

    /** Open accounts first, then archived ones; each by name (case ignored), then id. */
    Flux<BankAccount> accounts(AgencyId agencyId);

    Mono<BankAccount> insertAccount(AgencyId agencyId, BankAccount account);

    /** Writes if the stored version is still {@code account.version()}; empty otherwise. */
    Mono<BankAccount> updateAccount(AgencyId agencyId, BankAccount account);

    Flux<Overhead> overheads(AgencyId agencyId);

    Mono<Overhead> insertOverhead(AgencyId agencyId, Overhead overhead);

    /** Writes if the stored version is still {@code overhead.version()}; empty otherwise. */
    Mono<Overhead> updateOverhead(AgencyId agencyId, Overhead overhead);

    Mono<Boolean> deleteOverhead(AgencyId agencyId, OverheadId id, long version);

    /** One-off expenses between two dates (both included). */
    Flux<OneOffExpense> oneOffs(AgencyId agencyId, LocalDate from, LocalDate to);

    Mono<OneOffExpense> insertOneOff(AgencyId agencyId, OneOffExpense expense);

    Mono<Boolean> deleteOneOff(AgencyId agencyId, UUID id);

    Mono<OneOffExpense> findOneOff(AgencyId agencyId, UUID id);

    /** Writes if the stored version is still {@code expense.version()}; empty otherwise. */
    Mono<OneOffExpense> updateOneOff(AgencyId agencyId, OneOffExpense expense);

    /** Every recorded balance of every account, by account, date and id (the agency export, ADR 42). */
    Flux<BankBalance> allBalances(AgencyId agencyId);
}
