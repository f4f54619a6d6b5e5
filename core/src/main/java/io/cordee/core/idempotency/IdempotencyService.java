package io.cordee.core.idempotency;

import io.cordee.core.common.Actor;
import io.cordee.core.common.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Runs one mutation request as one transaction attributed to its actor, and — when the client sent an
 * {@code Idempotency-Key} — makes its retries free: the key is claimed, the work done and the response
 * stored in that same transaction, so a key is never held without its result (a failure, a crash or a
 * timeout half way rolls the claim back with the work) and the work is never done twice (a concurrent
 * retry waits on the claim's row lock and then reads the committed response). A request that did not
 * succeed is rolled back whole and keeps no key: retrying it runs it again.
 */
public final class IdempotencyService {

    public static final Duration RETENTION = Duration.ofHours(24);

    private final IdempotencyRepository keys;
    private final TransactionRunner tx;
    private final Clock clock;

    public IdempotencyService(IdempotencyRepository keys, TransactionRunner tx, Clock clock) {
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a run produced: the fresh result of the work, or the body stored by the first run. */
    public sealed interface Outcome<R> {
    }

    public record Fresh<R>(R result) implements Outcome<R> {
    }

    public record Replayed<R>(String body) implements Outcome<R> {
    }

    /**
     * @param key         the client's key, or null for none
     * @param fingerprint what identifies the request (actor, operation, document, variables): the same
     *                    key with another fingerprint is {@link IdempotencyRefused.Reason#REUSED}
     * @param succeeded   whether a result is kept (committed, and stored under the key)
     * @param body        the result as it is replayed
     */
    public <R> Mono<Outcome<R>> run(Actor actor, IdempotencyKey key, String fingerprint, Mono<R> work,
                                    Predicate<R> succeeded, Function<R, String> body) {
        Objects.requireNonNull(actor, "actor");
        Mono<Outcome<R>> attempt = work.flatMap(result -> {
            if (!succeeded.test(result)) {
                return Mono.error(new RollBack(result));
            }
            Mono<Void> store = key == null ? Mono.empty() : keys.saveResponse(actor.agencyId(), key, body.apply(result));
            return store.thenReturn((Outcome<R>) new Fresh<>(result));
        });
        Mono<Outcome<R>> inTransaction;
        if (key == null) {
            inTransaction = attempt;
        } else {
            Instant now = clock.instant();
            inTransaction = keys.claim(actor.agencyId(), key, fingerprint, now, now.plus(RETENTION))
                    .<Outcome<R>>map(stored -> {
                        if (!stored.fingerprint().equals(fingerprint)) {
                            throw new IdempotencyRefused(IdempotencyRefused.Reason.REUSED, "The Idempotency-Key '"
                                    + key.value() + "' was used within the last 24 h for a different request; use a"
                                    + " new key for a new request");
                        }
                        return new Replayed<>(stored.body());
                    })
                    .switchIfEmpty(Mono.defer(() -> attempt));
        }
        return tx.inTransactionAs(actor, inTransaction)
                .onErrorResume(RollBack.class, rollBack -> Mono.just(new Fresh<>(rollBack.<R>result())));
    }

    /** Deletes the keys older than 24 h; how many. */
    public Mono<Long> deleteExpired() {
        return keys.deleteExpired(clock.instant());
    }

    /** Carries a result out of a transaction that must roll back. */
    private static final class RollBack extends RuntimeException {
        private final Object result;

        RollBack(Object result) {
            super("roll back", null, false, false);
            this.result = result;
        }

        @SuppressWarnings("unchecked")
        <R> R result() {
            return (R) result;
        }
    }
}
