package io.cordee.persistence.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.Alert;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertStatus;
import io.cordee.core.alert.AlertSubject;
import io.cordee.core.alert.AlertThresholds;
import io.cordee.core.alert.Evidence;
import io.cordee.core.alert.Finding;
import io.cordee.core.alert.Severity;
import io.cordee.core.alert.StoredAlert;
import io.cordee.core.common.Conflict;
import io.cordee.core.money.Money;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class AlertPersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final AlertPersistenceAdapter adapter = new AlertPersistenceAdapter(db, new EvidenceJson());
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** A fixed instant, as the other adapter tests' (PostgreSQL keeps microseconds: none finer to lose in a round trip). */
    private final Instant now = Instant.parse("2026-12-03T10:00:00.123456Z");
    /** Two agencies of their own for each test (a new instance per test): one to use, one that must see none of it. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();

    @Test
    void roundTripsEveryFieldWithTheEvidenceScaleKept() {
        Evidence evidence = Evidence.empty().with("peakShare", new BigDecimal("0.520000")).with("weeks", 3)
                .with("firstWeekBelow", LocalDate.of(2027, 2, 1)).with("peakMonth", YearMonth.of(2027, 1))
                .with("shortfall", Money.of(1_234_567, "EUR")).with("roundStatus", "IN_DOUBT");
        Alert alert = Alert.open(new AlertId(ids.newId()), new Finding(AlertKind.CASH_SHORTFALL, Severity.CRITICAL,
                AlertSubject.agency(), evidence, new BigDecimal("1234567.00"), "Bring invoices forward", false), now);
        adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, alert)), Map.of()).block();

        StoredAlert stored = adapter.findById(agency, alert.id()).block();
        assertThat(stored.alert()).isEqualTo(alert);
        assertThat(stored.alert().evidence().figure("peakShare").scale()).isEqualTo(6);
        assertThat(stored.alert().magnitude()).isEqualTo(new BigDecimal("1234567.00"));
        assertThat(stored.version()).isZero();
        assertThat(adapter.findById(otherAgency, alert.id()).block()).isNull();
        assertThat(adapter.findUnresolved(otherAgency).collectList().block()).isEmpty();
    }

    @Test
    void aSecondUnresolvedAlertOfOneConditionIsRefusedButANewOneAfterResolvingIsNot() {
        Alert first = open();
        adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, first)), Map.of()).block();
        assertThatThrownBy(() -> adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, open())),
                Map.of()).block()).isInstanceOf(Conflict.class);

        Alert resolved = new Alert(first.id(), first.kind(), first.subject(), first.severity(), first.evidence(),
                first.magnitude(), first.suggestedAction(), first.linksToRenegotiation(), AlertStatus.RESOLVED, false,
                first.openedAt(), null, now, null);
        // written from a stale version: refused
        assertThatThrownBy(() -> adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.RESOLVED, resolved)),
                Map.of(first.id(), 7L)).block()).isInstanceOf(Conflict.class);
        adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.RESOLVED, resolved)), Map.of(first.id(), 0L))
                .block();
        adapter.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, open())), Map.of()).block();
        assertThat(adapter.findUnresolved(agency).collectList().block()).hasSize(1);
        assertThat(adapter.findById(agency, first.id()).block().version()).isEqualTo(1);
    }

    @Test
    void thresholdsAreInsertedOnceThenUpdatedFromTheirVersion() {
        assertThat(adapter.findThresholds(agency).block()).isNull();
        AlertThresholds t = new AlertThresholds(25, 45, 13, 26, 90, 50, 15, 30, 15, 15, 60, 14);
        assertThat(adapter.saveThresholds(agency, t, -1).block().version()).isZero();
        assertThat(adapter.saveThresholds(agency, t, -1).block()).isNull();
        assertThat(adapter.saveThresholds(agency, AlertThresholds.defaults(), 3).block()).isNull();
        assertThat(adapter.saveThresholds(agency, AlertThresholds.defaults(), 0).block().version()).isEqualTo(1);
        assertThat(adapter.findThresholds(agency).block().thresholds()).isEqualTo(AlertThresholds.defaults());
        assertThat(adapter.findThresholds(otherAgency).block()).isNull();
    }

    private Alert open() {
        return Alert.open(new AlertId(ids.newId()), Finding.of(AlertKind.CASH_SHORTFALL, Severity.WARNING,
                AlertSubject.agency(), Evidence.empty().with("weeksAhead", 20), BigDecimal.TEN, "Act"), now);
    }
}
