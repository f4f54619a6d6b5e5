package io.cordee.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What every {@link IdempotencyRepository} promises {@link IdempotencyService} (ADR 0080): the first claim of a key
 * owns it, a retry gets what the owner stored, a key is an agency's own, an expired key is claimed afresh, a claim
 * rolled back with its work leaves the key free. Claims run in the world's transactions, as the service runs them.
 */
public abstract class IdempotencyRepositoryContract extends PortContract {

    /** Keys live 24 hours from their claim. */
    private static final Duration LIFE = Duration.ofHours(24);
    private static final Instant NINE = Instant.parse("2027-03-01T09:00:00Z");

    protected abstract IdempotencyRepository keys();

    private IdempotencyRepository keys;
    private AgencyId agency;
    private AgencyId otherAgency;
    private IdempotencyKey key;

    protected IdempotencyRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgenciesAndAKey() {
        keys = keys();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        key = new IdempotencyKey("invoice-2027-0042:attempt");
    }

    @Test
    void theFirstClaimOwnsTheKeyAndEveryRetryGetsWhatItStored() {
        assertThat(claim(agency, "fp-1", NINE, "{\"data\":\"paid\"}")).isNull();
        // a retry one minute before the key expires (9:00 + 24 h), with another request: the first one's answer
        Instant lastMinute = NINE.plus(LIFE).minusSeconds(60);
        assertThat(claim(agency, "fp-2", lastMinute, "{\"data\":\"again\"}"))
                .isEqualTo(new StoredResponse("fp-1", "{\"data\":\"paid\"}"));
        assertThat(claim(agency, "fp-1", lastMinute, null)).isEqualTo(new StoredResponse("fp-1", "{\"data\":\"paid\"}"));
    }

    @Test
    void aKeyClaimedWithoutAResponseYetIsReadWithItsFingerprintOnly() {
        assertThat(claim(agency, "fp-1", NINE, null)).isNull();
        assertThat(claim(agency, "fp-1", NINE.plusSeconds(5), null)).isEqualTo(new StoredResponse("fp-1", null));
    }

    @Test
    void theSameKeyInAnotherAgencyIsAnotherKeyAndItsResponseStaysItsOwn() {
        claim(agency, "fp-1", NINE, "{\"data\":\"ours\"}");
        assertThat(claim(otherAgency, "fp-9", NINE, "{\"data\":\"theirs\"}")).isNull();
        // the other agency's response, saved under the same key, changed nothing of ours
        assertThat(claim(agency, "fp-1", NINE.plusSeconds(60), null))
                .isEqualTo(new StoredResponse("fp-1", "{\"data\":\"ours\"}"));
        assertThat(claim(otherAgency, "fp-1", NINE.plusSeconds(60), null))
                .isEqualTo(new StoredResponse("fp-9", "{\"data\":\"theirs\"}"));
    }

    @Test
    void anExpiredKeyIsClaimedAfreshAndItsOldResponseIsGone() {
        claim(agency, "fp-1", NINE, "{\"data\":\"old\"}");
        // 9:00 + 24 h is the expiry itself: expired at that instant, so claimed by the new request
        Instant nextDay = NINE.plus(LIFE);
        assertThat(claim(agency, "fp-2", nextDay, null)).isNull();
        assertThat(claim(agency, "fp-3", nextDay.plusSeconds(1), null)).isEqualTo(new StoredResponse("fp-2", null));
    }

    @Test
    void aClaimRolledBackWithItsWorkLeavesTheKeyFree() {
        Mono<StoredResponse> failing = keys.claim(agency, key, "fp-1", NINE, NINE.plus(LIFE))
                .then(Mono.error(new IllegalStateException("the payment failed")));
        assertThatThrownBy(() -> world().transactions().inTransaction(failing).block())
                .hasMessageContaining("the payment failed");
        // nothing was kept: the next request owns the key
        assertThat(claim(agency, "fp-2", NINE.plusSeconds(10), null)).isNull();
    }

    @Test
    void theCleanUpDeletesExpiredKeysAndKeepsLiveOnes() {
        IdempotencyKey early = new IdempotencyKey("early");
        transaction(keys.claim(agency, early, "fp-e", NINE, NINE.plusSeconds(60)));
        claim(agency, "fp-1", NINE, "{\"data\":\"kept\"}");
        // at 9:01 the early key (9:00 + 60 s) has expired, the other (9:00 + 24 h) lives on
        assertThat(keys.deleteExpired(NINE.plusSeconds(60)).block()).isGreaterThanOrEqualTo(1L);
        assertThat(claim(agency, "fp-2", NINE.plusSeconds(61), null))
                .isEqualTo(new StoredResponse("fp-1", "{\"data\":\"kept\"}"));
    }

    /**
     * Claims the key at {@code now} for 24 hours in one transaction, storing {@code body} when the claim is this
     * request's (nothing stored when null); what the key already held, or null.
     */
    private StoredResponse claim(AgencyId agencyId, String fingerprint, Instant now, String body) {
        Mono<Void> store = body == null ? Mono.empty() : keys.saveResponse(agencyId, key, body);
        return transaction(keys.claim(agencyId, key, fingerprint, now, now.plus(LIFE))
                .switchIfEmpty(store.then(Mono.empty())));
    }

    private <T> T transaction(Mono<T> work) {
        return world().transactions().inTransaction(work).block(Duration.ofSeconds(20));
    }
}
