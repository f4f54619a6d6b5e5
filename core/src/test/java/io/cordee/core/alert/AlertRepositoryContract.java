package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertRepository} (the alerts store) promises its callers (ADR 0080). Core's
 * {@code AlertServiceTest} keeps a one-agency stub, not a twin; the R2DBC adapter runs this on the real
 * PostgreSQL. The cross-instance alert notifications have a contract of their own (another port).
 */
public abstract class AlertRepositoryContract extends PortContract {

    private static final Instant NINE_AM = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    /** Every kind: at the port an empty kinds set means "no kind" (the service narrows to a role's kinds). */
    private static final AlertFilter EVERY_KIND = new AlertFilter(null, null, EnumSet.allOf(AlertKind.class), null,
            true);

    protected abstract AlertRepository alerts();

    private AlertRepository alerts;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected AlertRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        alerts = alerts();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void anOpenedAlertIsFoundAsItWasOpenedAtVersionZero() {
        Alert alert = open(AlertKind.CASH_SHORTFALL, NINE_AM);
        alerts.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, alert)), Map.of()).block();
        StoredAlert stored = alerts.findById(agency, alert.id()).block();
        assertThat(stored.alert()).isEqualTo(alert);
        assertThat(stored.version()).isZero();
        assertThat(alerts.findUnresolved(agency).collectList().block()).extracting(StoredAlert::id)
                .containsExactly(alert.id());
        assertThat(alerts.findById(agency, new AlertId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheAlertsNorTheThresholds() {
        Alert alert = open(AlertKind.CASH_SHORTFALL, NINE_AM);
        alerts.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, alert)), Map.of()).block();
        alerts.saveThresholds(agency, AlertThresholds.defaults(), -1).block();

        assertThat(alerts.findById(otherAgency, alert.id()).block()).isNull();
        assertThat(alerts.findAllById(otherAgency, List.of(alert.id())).collectList().block()).isEmpty();
        assertThat(alerts.findUnresolved(otherAgency).collectList().block()).isEmpty();
        assertThat(alerts.findPage(agency, EVERY_KIND, TODAY, new PageRequest(10, null)).block().items())
                .hasSize(1);
        assertThat(alerts.findPage(otherAgency, EVERY_KIND, TODAY, new PageRequest(10, null)).block().items())
                .isEmpty();
        assertThat(alerts.findThresholds(otherAgency).block()).isNull();
        // acknowledging it as the other agency, with the right version: not its alert, nothing written
        StoredAlert stored = alerts.findById(agency, alert.id()).block();
        assertThat(alerts.update(otherAgency, new StoredAlert(alert.acknowledge(NINE_AM), null, "not mine",
                stored.version())).block()).isNull();
        assertThat(alerts.findById(agency, alert.id()).block()).isEqualTo(stored);
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Alert alert = open(AlertKind.CASH_SHORTFALL, NINE_AM);
        alerts.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, alert)), Map.of()).block();
        StoredAlert acknowledged = alerts.update(agency, new StoredAlert(alert.acknowledge(NINE_AM), null, "seen", 0))
                .block();
        assertThat(acknowledged.version()).isEqualTo(1);
        // a second user still holding version 0 snoozes it: refused, it stays acknowledged with its comment
        assertThat(alerts.update(agency, new StoredAlert(alert.snooze(TODAY.plusDays(7)), null, null, 0)).block())
                .isNull();
        assertThat(alerts.findById(agency, alert.id()).block().comment()).isEqualTo("seen");
        // reconciling from a stale version fails as a conflict
        Alert resolved = new Alert(alert.id(), alert.kind(), alert.subject(), alert.severity(), alert.evidence(),
                alert.magnitude(), alert.suggestedAction(), alert.linksToRenegotiation(), AlertStatus.RESOLVED, false,
                alert.openedAt(), null, NINE_AM, null);
        assertThatThrownBy(() -> alerts.apply(agency, List.of(new AlertChange(AlertChange.Type.RESOLVED, resolved)),
                Map.of(alert.id(), 0L)).block()).isInstanceOf(Conflict.class);
    }

    @Test
    void thresholdsAreInsertedOnceThenUpdatedFromTheirVersion() {
        assertThat(alerts.findThresholds(agency).block()).isNull();
        assertThat(alerts.saveThresholds(agency, AlertThresholds.defaults(), -1).block().version()).isZero();
        // a second "first save" and a save from a version never stored are refused
        assertThat(alerts.saveThresholds(agency, AlertThresholds.defaults(), -1).block()).isNull();
        assertThat(alerts.saveThresholds(agency, AlertThresholds.defaults(), 3).block()).isNull();
        assertThat(alerts.saveThresholds(agency, AlertThresholds.defaults(), 0).block().version()).isEqualTo(1);
    }

    @Test
    void pagesAreNewestFirstEachAlertOnce() {
        // three conditions opened an hour apart: 09:00, 10:00, 11:00; pages of 2 give 11:00, 10:00 then 09:00
        AlertKind[] kinds = {AlertKind.CASH_SHORTFALL, AlertKind.LONG_TIME_TO_CASH, AlertKind.CAPACITY_CONCENTRATION};
        List<AlertId> opened = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Alert alert = open(kinds[h], NINE_AM.plusSeconds(3600L * h));
            opened.add(alert.id());
            alerts.apply(agency, List.of(new AlertChange(AlertChange.Type.OPENED, alert)), Map.of()).block();
        }
        List<AlertId> seen = new ArrayList<>();
        String after = null;
        Page<StoredAlert> page;
        do {
            page = alerts.findPage(agency, EVERY_KIND, TODAY, new PageRequest(2, after)).block();
            page.items().forEach(a -> seen.add(a.id()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(seen).containsExactly(opened.get(2), opened.get(1), opened.get(0));
        // an empty kinds set lists nothing: a role that sees no kind sees no alert
        assertThat(alerts.findPage(agency, AlertFilter.all(), TODAY, new PageRequest(10, null)).block().items())
                .isEmpty();
    }

    private static Alert open(AlertKind kind, Instant at) {
        return Alert.open(new AlertId(UUID.randomUUID()), Finding.of(kind, Severity.WARNING, AlertSubject.agency(),
                Evidence.empty().with("weeksAhead", 20), BigDecimal.TEN, "Act"), at);
    }
}
