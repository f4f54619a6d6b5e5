package io.cordee.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Actor;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The service's rules against an in-memory key store; PostgreSQL's waiting is tested in persistence and api. */
class IdempotencyServiceTest {

    private final Map<String, StoredResponse> stored = new HashMap<>();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final IdempotencyRepository keys = new IdempotencyRepository() {
        @Override
        public Mono<StoredResponse> claim(AgencyId agencyId, IdempotencyKey key, String fingerprint, Instant now,
                                          Instant expiresAt) {
            return Mono.justOrEmpty(stored.get(agencyId.value() + key.value()));
        }

        @Override
        public Mono<Void> saveResponse(AgencyId agencyId, IdempotencyKey key, String body) {
            return Mono.fromRunnable(() -> stored.put(agencyId.value() + key.value(), new StoredResponse("f1", body)));
        }

        @Override
        public Mono<Long> deleteExpired(Instant now) {
            return Mono.just(0L);
        }
    };
    private final TransactionRunner tx = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Mono<T> work) {
            return work.doOnError(e -> rolledBack.incrementAndGet());
        }
    };
    private final IdempotencyService service = new IdempotencyService(keys, tx,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    private final Actor actor = new Actor(new AgencyId(UUID.randomUUID()), new UserId(UUID.randomUUID()), null,
            "req-1", "recordPayment");
    private final IdempotencyKey key = new IdempotencyKey("pay-0042");
    private final AtomicInteger runs = new AtomicInteger();

    private Mono<IdempotencyService.Outcome<String>> run(String fingerprint, String result) {
        return service.run(actor, key, fingerprint, Mono.fromCallable(() -> {
            runs.incrementAndGet();
            return result;
        }), r -> !r.startsWith("error"), r -> "{\"data\":\"" + r + "\"}");
    }

    @Test
    void theSecondRunReplaysTheFirstResponseWithoutWorking() {
        StepVerifier.create(run("f1", "paid")).expectNext(new IdempotencyService.Fresh<>("paid")).verifyComplete();
        StepVerifier.create(run("f1", "paid again"))
                .expectNext(new IdempotencyService.Replayed<>("{\"data\":\"paid\"}")).verifyComplete();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anotherRequestUnderTheSameKeyIsRefused() {
        run("f1", "paid").block();
        StepVerifier.create(run("f2", "paid")).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(IdempotencyRefused.class)
                .extracting(r -> ((IdempotencyRefused) r).reason()).isEqualTo(IdempotencyRefused.Reason.REUSED))
                .verify();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedResultIsRolledBackStoredNowhereAndReturnedAsItIs() {
        StepVerifier.create(run("f1", "error: too much")).expectNext(new IdempotencyService.Fresh<>("error: too much"))
                .verifyComplete();
        assertThat(rolledBack).hasValue(1);
        assertThat(stored).isEmpty();
        StepVerifier.create(run("f1", "paid")).expectNext(new IdempotencyService.Fresh<>("paid")).verifyComplete();
        assertThat(runs).hasValue(2);
    }

    @Test
    void keysAreValidatedBeforeAnyWork() {
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new IdempotencyKey("with space")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("may only contain");
        assertThatThrownBy(() -> new IdempotencyKey("x".repeat(256))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 255 characters (got 256)");
        assertThat(new IdempotencyKey("x".repeat(255)).value()).hasSize(255);
        assertThat(new IdempotencyKey("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b").value()).isNotEmpty();
    }
}
