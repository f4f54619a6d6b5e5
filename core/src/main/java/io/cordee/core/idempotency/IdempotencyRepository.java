package io.cordee.core.idempotency;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Port: idempotency keys per agency, shared by every instance of the application. */
public interface IdempotencyRepository {

    /**
     * Claims {@code key} inside the current transaction. Empty when this request now owns the key (it
     * was free or had expired at {@code now}); otherwise the response stored under it. A claim made by a
     * transaction still running is waited for (up to a lock timeout, then {@link IdempotencyRefused}
     * {@code IN_PROGRESS}): if that transaction commits, its response is returned; if it rolls back,
     * the key is claimed here.
     */
    Mono<StoredResponse> claim(AgencyId agencyId, IdempotencyKey key, String fingerprint, Instant now,
                               Instant expiresAt);

    /** Stores the response of the request that claimed {@code key}, in the same transaction. */
    Mono<Void> saveResponse(AgencyId agencyId, IdempotencyKey key, String body);

    /** Deletes every key expired at {@code now}, in all agencies; how many. */
    Mono<Long> deleteExpired(Instant now);
}
