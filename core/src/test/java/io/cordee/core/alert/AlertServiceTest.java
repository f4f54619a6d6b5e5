package io.cordee.core.alert;

import io.cordee.core.support.OneAgency;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The alert use cases against in-memory ports: who sees which kind, acknowledging and snoozing with a
 * version, the thresholds. 2026-11-23 10:00 UTC is 11:00 in Paris, so today is the 23rd.
 */
class AlertServiceTest {

    private final AgencyId agencyId = new AgencyId(UUID.randomUUID());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAlerts repository = new InMemoryAlerts();
    private final AlertService service = new AlertService(repository, new OneAgency(new Agency(agencyId, "A",
            AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)), null, EarlyWarnings.RULES,
            null, UUID::randomUUID, clock, io.cordee.core.common.Computations.immediate());
    private final StoredAlert capacity = repository.add(AlertKind.CAPACITY_CONCENTRATION);
    private final StoredAlert cash = repository.add(AlertKind.CASH_SHORTFALL);

    @Test
    void ownerAndFinanceSeeEveryKindLeadsThePeopleKindsClientsNone() {
        assertThat(service.alerts(caller(Role.FINANCE), AlertFilter.all(), new PageRequest(10, null)).block().items())
                .hasSize(2);
        assertThat(service.alerts(caller(Role.LEAD), AlertFilter.all(), new PageRequest(10, null)).block().items())
                .extracting(a -> a.alert().kind()).containsExactly(AlertKind.CAPACITY_CONCENTRATION);
        // a lead asking for a money kind gets nothing, not the money kind
        assertThat(service.alerts(caller(Role.LEAD), new AlertFilter(null, null, Set.of(AlertKind.CASH_SHORTFALL),
                null, true), new PageRequest(10, null)).block().items()).isEmpty();
        assertThat(service.find(caller(Role.LEAD), cash.id()).block()).isNull();
        assertThat(service.find(caller(Role.CLIENT), capacity.id()).block()).isNull();
        StepVerifier.create(service.alerts(caller(Role.CLIENT), AlertFilter.all(), new PageRequest(10, null)))
                .expectError(Forbidden.class).verify();
        StepVerifier.create(service.acknowledge(caller(Role.CLIENT), capacity.id(), 0, null))
                .expectError(Forbidden.class).verify();
    }

    @Test
    void acknowledgingNeedsTheCurrentVersionAndAnOpenAlert() {
        Caller lead = caller(Role.LEAD);
        StepVerifier.create(service.acknowledge(lead, capacity.id(), 3, null)).expectError(Conflict.class).verify();
        StepVerifier.create(service.acknowledge(lead, new AlertId(UUID.randomUUID()), 0, null))
                .expectError(NotFound.class).verify();
        StepVerifier.create(service.acknowledge(lead, cash.id(), 0, null)).expectError(NotFound.class).verify();
        StepVerifier.create(service.acknowledge(lead, capacity.id(), 0, "x".repeat(1001)))
                .expectError(InvalidInput.class).verify();
        assertThat(repository.get(capacity.id()).version()).isZero();

        StoredAlert acknowledged = service.acknowledge(lead, capacity.id(), 0, "  On it  ").block();
        assertThat(acknowledged.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.alert().acknowledgedAt()).isEqualTo(clock.instant());
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(lead.userId());
        assertThat(acknowledged.comment()).isEqualTo("On it");
        assertThat(acknowledged.version()).isEqualTo(1);
        // acknowledged already: only an open alert can be acknowledged
        StepVerifier.create(service.acknowledge(lead, capacity.id(), 1, null)).expectError(InvalidInput.class).verify();
    }

    @Test
    void aSnoozeEndsAfterToday() {
        StepVerifier.create(service.snooze(caller(Role.OWNER), cash.id(), 0, LocalDate.of(2026, 11, 23)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("until"))
                .verify();
        StepVerifier.create(service.snooze(caller(Role.OWNER), cash.id(), 0, null)).expectError(InvalidInput.class)
                .verify();
        assertThat(service.snooze(caller(Role.OWNER), cash.id(), 0, LocalDate.of(2026, 11, 24)).block().alert()
                .snoozedUntil()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void thresholdsAreTheDefaultsUntilTheOwnerChangesThemFromTheirVersion() {
        assertThat(service.thresholds(caller(Role.LEAD)).block()).isEqualTo(AgencyThresholds.defaults());
        StepVerifier.create(service.thresholds(caller(Role.CLIENT))).expectError(Forbidden.class).verify();
        // OWNER and FINANCE change them (DESIGN: settings and thresholds); a lead does not
        StepVerifier.create(service.updateThresholds(caller(Role.LEAD), null, t -> t)).expectError(Forbidden.class)
                .verify();
        // critical (50) not above warning (60)
        StepVerifier.create(service.updateThresholds(caller(Role.OWNER), null, t -> new AlertThresholds(60,
                        t.capacityCriticalPercent(), 13, 26, 90, 50, 15, 30, 15, 15, 60, 14)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field())
                        .isEqualTo("capacityCriticalPercent"))
                .verify();
        StepVerifier.create(service.updateThresholds(caller(Role.OWNER), 0L, t -> t)).expectError(Conflict.class)
                .verify();
        AgencyThresholds saved = service.updateThresholds(caller(Role.OWNER), null,
                t -> new AlertThresholds(25, 45, 13, 26, 90, 50, 15, 30, 15, 15, 60, 14)).block();
        assertThat(saved.version()).isZero();
        assertThat(saved.thresholds().capacityWarningPercent()).isEqualTo(25);
        StepVerifier.create(service.updateThresholds(caller(Role.OWNER), null, t -> t)).expectError(Conflict.class)
                .verify();
        assertThat(service.updateThresholds(caller(Role.OWNER), 0L, t -> t).block().version()).isEqualTo(1);
    }

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agencyId, role, null);
    }

    /** Alerts and thresholds of one agency in memory, with the adapter's version checks. */
    private final class InMemoryAlerts implements AlertRepository {
        private final Map<AlertId, StoredAlert> alerts = new LinkedHashMap<>();
        private AgencyThresholds thresholds;

        StoredAlert add(AlertKind kind) {
            Alert alert = Alert.open(new AlertId(UUID.randomUUID()), Finding.of(kind, Severity.WARNING,
                    AlertSubject.agency(), Evidence.empty(), BigDecimal.ONE, "Act"), Instant.parse("2026-11-01T00:00:00Z"));
            StoredAlert stored = new StoredAlert(alert, null, null, 0);
            alerts.put(alert.id(), stored);
            return stored;
        }

        StoredAlert get(AlertId id) {
            return alerts.get(id);
        }

        @Override
        public Mono<AgencyThresholds> findThresholds(AgencyId agency) {
            return Mono.justOrEmpty(thresholds);
        }

        @Override
        public Mono<AgencyThresholds> saveThresholds(AgencyId agency, AlertThresholds t, long expectedVersion) {
            long current = thresholds == null ? -1 : thresholds.version();
            if (current != expectedVersion) {
                return Mono.empty();
            }
            thresholds = new AgencyThresholds(t, expectedVersion + 1);
            return Mono.just(thresholds);
        }

        @Override
        public Flux<StoredAlert> findUnresolved(AgencyId agency) {
            return Flux.fromIterable(alerts.values());
        }

        @Override
        public Mono<StoredAlert> findById(AgencyId agency, AlertId id) {
            return agency.equals(agencyId) ? Mono.justOrEmpty(alerts.get(id)) : Mono.empty();
        }

        @Override
        public Flux<StoredAlert> findAllById(AgencyId agency, List<AlertId> ids) {
            return Flux.fromIterable(ids).concatMap(id -> findById(agency, id));
        }

        @Override
        public Mono<Page<StoredAlert>> findPage(AgencyId agency, AlertFilter filter, LocalDate today, PageRequest page) {
            List<Page.Edge<StoredAlert>> edges = new ArrayList<>();
            alerts.values().stream().filter(a -> filter.kinds().contains(a.alert().kind()))
                    .forEach(a -> edges.add(new Page.Edge<>(a, a.id().toString())));
            return Mono.just(new Page<>(edges, false, edges.size()));
        }

        @Override
        public Mono<Void> apply(AgencyId agency, List<AlertChange> changes, Map<AlertId, Long> versions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<StoredAlert> update(AgencyId agency, StoredAlert alert) {
            StoredAlert current = alerts.get(alert.id());
            if (current == null || current.version() != alert.version()) {
                return Mono.empty();
            }
            StoredAlert next = new StoredAlert(alert.alert(), alert.acknowledgedBy(), alert.comment(), alert.version() + 1);
            alerts.put(alert.id(), next);
            return Mono.just(next);
        }

        @Override
        public Flux<AgencyId> agencyIds() {
            return Flux.just(agencyId);
        }
    }
}
