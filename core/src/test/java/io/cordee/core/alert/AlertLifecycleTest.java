package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.alert.AlertChange.Type;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agency is in Paris; "now" is Monday 23 November 2026, 09:00 there (08:00 UTC). */
class AlertLifecycleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant OPENED = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant ACKNOWLEDGED = Instant.parse("2026-11-03T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, PARIS);
    private static final ClientId X = new ClientId(UUID.randomUUID());
    private static final ClientId Y = new ClientId(UUID.randomUUID());
    private static final AlertId STORED = new AlertId(new UUID(0, 99));

    @Test
    void newConditionsOpenAlertsWithNewIds() {
        List<AlertChange> changes = AlertLifecycle.reconcile(List.of(),
                List.of(capacity(X, Severity.WARNING, "0.35"), capacity(Y, Severity.CRITICAL, "0.60")), CLOCK, ids());

        assertThat(changes).extracting(AlertChange::type).containsExactly(Type.OPENED, Type.OPENED);
        assertThat(changes).extracting(c -> c.alert().id().value()).containsExactly(new UUID(0, 1), new UUID(0, 2));
        assertThat(changes.get(0).alert()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.openedAt()).isEqualTo(NOW);
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.worsened()).isFalse();
            assertThat(a.linksToRenegotiation()).isTrue();
        });
    }

    @Test
    void theSameConditionNeverOpensADuplicate() {
        Alert open = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED);

        // the same finding again: nothing to do
        assertThat(AlertLifecycle.reconcile(List.of(open), List.of(capacity(X, Severity.WARNING, "0.35")), CLOCK,
                ids())).isEmpty();
        // the same magnitude at another scale is the same number
        assertThat(AlertLifecycle.reconcile(List.of(open), List.of(capacity(X, Severity.WARNING, "0.350000")), CLOCK,
                ids())).isEmpty();
        // two findings for one condition in one run: one alert, the worse of them
        assertThat(AlertLifecycle.reconcile(List.of(), List.of(capacity(X, Severity.WARNING, "0.35"),
                capacity(X, Severity.CRITICAL, "0.55"), capacity(X, Severity.WARNING, "0.45")), CLOCK, ids()))
                .singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.OPENED);
                    assertThat(c.alert().magnitude()).isEqualByComparingTo("0.55");
                });
        // the same client under another kind is another condition
        assertThat(AlertLifecycle.reconcile(List.of(open), List.of(capacity(X, Severity.WARNING, "0.35"),
                Finding.of(AlertKind.EXPOSURE_LIMIT, Severity.WARNING, AlertSubject.client(X), Evidence.empty(),
                        BigDecimal.ONE, "Act.")), CLOCK, ids()))
                .extracting(AlertChange::type).containsExactly(Type.OPENED);
    }

    @ParameterizedTest(name = "acknowledged {0} {1} → finding {2} {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            // equal: stays acknowledged, nothing to store
            "WARNING,  0.35, WARNING,  0.35, -",
            // better: new facts, still acknowledged
            "WARNING,  0.35, WARNING,  0.34, UPDATED",
            // a larger magnitude at the same severity: raised again
            "WARNING,  0.35, WARNING,  0.36, WORSENED",
            // a higher severity, even with a smaller magnitude: raised again
            "WARNING,  0.45, CRITICAL, 0.30, WORSENED",
            // a lower severity, even with a larger magnitude: better
            "CRITICAL, 0.60, WARNING,  0.70, UPDATED"})
    void anAcknowledgedAlertIsRaisedAgainOnlyWhenWorse(Severity was, BigDecimal wasMagnitude, Severity now,
                                                       BigDecimal magnitude, Type expected) {
        Alert acknowledged = Alert.open(STORED, capacity(X, was, wasMagnitude.toPlainString()), OPENED)
                .acknowledge(ACKNOWLEDGED);

        List<AlertChange> changes = AlertLifecycle.reconcile(List.of(acknowledged),
                List.of(capacity(X, now, magnitude.toPlainString())), CLOCK, ids());

        if (expected == null) {
            assertThat(changes).isEmpty();
            return;
        }
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(expected);
            assertThat(c.alert().id()).isEqualTo(STORED);
            assertThat(c.alert().openedAt()).isEqualTo(OPENED);
            assertThat(c.alert().severity()).isEqualTo(now);
            assertThat(c.alert().magnitude()).isEqualByComparingTo(magnitude);
            if (expected == Type.WORSENED) {
                assertThat(c.alert().status()).isEqualTo(AlertStatus.OPEN);
                assertThat(c.alert().worsened()).isTrue();
                assertThat(c.alert().acknowledgedAt()).isNull();
            } else {
                assertThat(c.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
                assertThat(c.alert().acknowledgedAt()).isEqualTo(ACKNOWLEDGED);
                assertThat(c.alert().worsened()).isFalse();
            }
        });
    }

    @Test
    void acknowledgingAgainClearsTheWorsenedMark() {
        Alert acknowledged = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED).acknowledge(ACKNOWLEDGED);
        Alert worsened = AlertLifecycle.reconcile(List.of(acknowledged), List.of(capacity(X, Severity.WARNING, "0.40")),
                CLOCK, ids()).get(0).alert();

        Alert again = worsened.acknowledge(NOW);

        assertThat(again.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(again.worsened()).isFalse();
        assertThat(again.acknowledgedAt()).isEqualTo(NOW);
    }

    @Test
    void aConditionThatNoLongerHoldsIsResolved() {
        Alert open = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED);
        Alert acknowledged = Alert.open(new AlertId(new UUID(0, 98)), capacity(Y, Severity.WARNING, "0.31"), OPENED)
                .acknowledge(ACKNOWLEDGED);

        List<AlertChange> changes = AlertLifecycle.reconcile(List.of(open, acknowledged), List.of(), CLOCK, ids());

        assertThat(changes).extracting(AlertChange::type).containsExactly(Type.RESOLVED, Type.RESOLVED);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.alert().status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(c.alert().resolvedAt()).isEqualTo(NOW);
        });
        // the acknowledgement stays on record
        assertThat(changes.get(1).alert().acknowledgedAt()).isEqualTo(ACKNOWLEDGED);
    }

    @Test
    void aResolvedAlertStaysResolvedAndItsConditionComingBackIsANewAlert() {
        Alert resolved = AlertLifecycle.reconcile(List.of(Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"),
                OPENED)), List.of(), Clock.fixed(ACKNOWLEDGED, PARIS), ids()).get(0).alert();

        // nothing holds: nothing to resolve twice
        assertThat(AlertLifecycle.reconcile(List.of(resolved), List.of(), CLOCK, ids())).isEmpty();
        // it holds again: a new alert next to the old one
        assertThat(AlertLifecycle.reconcile(List.of(resolved), List.of(capacity(X, Severity.WARNING, "0.35")), CLOCK,
                ids())).singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.OPENED);
                    assertThat(c.alert().id()).isNotEqualTo(STORED);
                });
    }

    @Test
    void aSnoozedAlertStaysQuietUntilItsDateUnlessItWorsens() {
        // acknowledged, then snoozed until Monday 30 November
        Alert snoozed = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED).acknowledge(ACKNOWLEDGED)
                .snooze(LocalDate.of(2026, 11, 30));

        // 23 November, same facts: quiet
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), List.of(capacity(X, Severity.WARNING, "0.35")), CLOCK,
                ids())).isEmpty();
        // better facts: stored, still snoozed and acknowledged
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), List.of(capacity(X, Severity.WARNING, "0.32")), CLOCK,
                ids())).singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.UPDATED);
                    assertThat(c.alert().snoozedUntil()).isEqualTo(LocalDate.of(2026, 11, 30));
                    assertThat(c.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
                });
        // worse before the date: the snooze is broken
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), List.of(capacity(X, Severity.WARNING, "0.40")), CLOCK,
                ids())).singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.WORSENED);
                    assertThat(c.alert().status()).isEqualTo(AlertStatus.OPEN);
                    assertThat(c.alert().snoozedUntil()).isNull();
                    assertThat(c.alert().worsened()).isTrue();
                });
    }

    @Test
    void theSnoozeEndsOnItsDateInTheAgencysTimeZone() {
        Alert snoozed = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED).acknowledge(ACKNOWLEDGED)
                .snooze(LocalDate.of(2026, 11, 30));
        List<Finding> same = List.of(capacity(X, Severity.WARNING, "0.35"));

        // 29 November 22:30 UTC is 23:30 in Paris: still the 29th, still quiet
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), same,
                Clock.fixed(Instant.parse("2026-11-29T22:30:00Z"), PARIS), ids())).isEmpty();
        // 29 November 23:30 UTC is 00:30 on the 30th in Paris: back, open again
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), same,
                Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), PARIS), ids())).singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.SNOOZE_ENDED);
                    assertThat(c.alert().status()).isEqualTo(AlertStatus.OPEN);
                    assertThat(c.alert().snoozedUntil()).isNull();
                    assertThat(c.alert().worsened()).isFalse();
                });
    }

    @Test
    void aSnoozedAlertWhoseConditionEndsIsResolved() {
        Alert snoozed = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED).snooze(LocalDate.of(2026, 12, 1));
        assertThat(AlertLifecycle.reconcile(List.of(snoozed), List.of(), CLOCK, ids())).singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(Type.RESOLVED);
                    assertThat(c.alert().snoozedUntil()).isNull();
                });
    }

    @Test
    void twoUnresolvedAlertsForOneConditionAreRefused() {
        Alert a = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED);
        Alert b = Alert.open(new AlertId(new UUID(0, 98)), capacity(X, Severity.WARNING, "0.35"), OPENED);
        assertThatThrownBy(() -> AlertLifecycle.reconcile(List.of(a, b), List.of(), CLOCK, ids()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnOpenAlertCanBeAcknowledged() {
        Alert acknowledged = Alert.open(STORED, capacity(X, Severity.WARNING, "0.35"), OPENED).acknowledge(ACKNOWLEDGED);
        assertThatThrownBy(() -> acknowledged.acknowledge(NOW)).isInstanceOf(InvalidInput.class);
    }

    private static Finding capacity(ClientId client, Severity severity, String share) {
        return Finding.of(AlertKind.CAPACITY_CONCENTRATION, severity, AlertSubject.client(client),
                Evidence.empty().with("peakShare", new BigDecimal(share).stripTrailingZeros()),
                new BigDecimal(share), "Propose adapted terms.");
    }

    /** 1, 2, 3, … as UUIDs. */
    private static Supplier<UUID> ids() {
        AtomicLong next = new AtomicLong();
        return () -> new UUID(0, next.incrementAndGet());
    }
}
