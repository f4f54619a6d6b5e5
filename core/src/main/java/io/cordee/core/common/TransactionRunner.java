package io.cordee.core.common;

import reactor.core.publisher.Mono;

/** Port: runs a unit of work in one database transaction; an error rolls everything back. */
public interface TransactionRunner {
    <T> Mono<T> inTransaction(Mono<T> work);

    /**
     * Runs {@code work} in one transaction whose writes the audit trail attributes to {@code actor}.
     * Transactions opened inside it (by services' {@link #inTransaction}) join it. The default, for
     * in-memory fakes, ignores the actor.
     */
    default <T> Mono<T> inTransactionAs(Actor actor, Mono<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work} in one read-only transaction that sees one snapshot of the database (REPEATABLE READ):
     * several statements read the same committed state, as the complete export needs (ADR 58). The default,
     * for in-memory fakes, is a plain transaction.
     */
    default <T> Mono<T> inReadOnlySnapshot(Mono<T> work) {
        return inTransaction(work);
    }
}
