package io.cordee.core.common;

import reactor.core.publisher.Mono;

/** Port: runs a unit of work in one database transaction; an error rolls everything back. */
public interface TransactionRunner {
    <T> Mono<T> inTransaction(Mono<T> work);
}
