package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.Computations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CashPictureCacheTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 6);
    private final AgencyId agencyId = new AgencyId(UUID.randomUUID());
    private final Agency agency = new Agency(agencyId, "A",
            AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0);
    private final AtomicInteger loads = new AtomicInteger();
    private final CashPictureCache cache = new CashPictureCache(8);

    private Mono<AgencyCashPicture> load() {
        return Mono.fromCallable(() -> {
            loads.incrementAndGet();
            return new AgencyCashPicture(agency, AS_OF, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        });
    }

    @Test
    void theSameVersionIsLoadedOnceAndANewVersionLoadsAgain() {
        AgencyCashPicture first = cache.get(agencyId, 1, AS_OF, this::load).block();
        assertThat(cache.get(agencyId, 1, AS_OF, this::load).block()).isSameAs(first);
        AgencyCashPicture second = cache.get(agencyId, 2, AS_OF, this::load).block();
        assertThat(second).isNotSameAs(first);
        // version 1 was dropped when version 2 came: asking for it again loads
        cache.get(agencyId, 1, AS_OF, this::load).block();
        assertThat(loads).hasValue(3);
    }

    @Test
    void requestsThatMissTogetherShareOneLoad() {
        Mono<AgencyCashPicture> a = cache.get(agencyId, 1, AS_OF, this::load);
        Mono<AgencyCashPicture> b = cache.get(agencyId, 1, AS_OF, this::load);
        assertThat(a.block()).isSameAs(b.block());
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadIsForgotten() {
        Mono<AgencyCashPicture> failing = cache.get(agencyId, 1, AS_OF, () -> Mono.error(new IllegalStateException()));
        assertThat(failing.onErrorResume(e -> Mono.empty()).block()).isNull();
        assertThat(cache.get(agencyId, 1, AS_OF, this::load).block()).isNotNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void backgroundWorkReadsARememberedPictureButDoesNotRememberWhatItLoads() {
        // the daily pass (background) loads twice: nothing remembered between; then a request loads (3) and remembers
        cache.get(agencyId, 1, AS_OF, this::load).contextWrite(Computations::inBackground).block();
        cache.get(agencyId, 1, AS_OF, this::load).contextWrite(Computations::inBackground).block();
        AgencyCashPicture remembered = cache.get(agencyId, 1, AS_OF, this::load).block();
        assertThat(loads).hasValue(3);
        // background work now finds the request's picture: no fourth load
        assertThat(cache.get(agencyId, 1, AS_OF, this::load).contextWrite(Computations::inBackground).block())
                .isSameAs(remembered);
        assertThat(loads).hasValue(3);
        assertThat(cache.hitsAndMisses()).containsExactly(1, 3);
    }

    @Test
    void withoutCapacityEveryRequestLoads() {
        CashPictureCache none = CashPictureCache.none();
        none.get(agencyId, 1, AS_OF, this::load).block();
        none.get(agencyId, 1, AS_OF, this::load).block();
        assertThat(loads).hasValue(2);
    }
}
