package io.cordee.persistence.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.Alert;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertChangeEvents;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertSubject;
import io.cordee.core.alert.Evidence;
import io.cordee.core.alert.Finding;
import io.cordee.core.alert.Severity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload: the changes read back as sent, and never over PostgreSQL's 8000-byte limit. */
class AlertNotificationPayloadTest {

    private static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());

    @Test
    void aPayloadReadsBackAsSent() {
        List<AlertChange> changes = List.of(change(AlertChange.Type.OPENED), change(AlertChange.Type.WORSENED),
                change(AlertChange.Type.SNOOZE_ENDED), change(AlertChange.Type.RESOLVED), change(AlertChange.Type.UPDATED));
        List<String> payloads = PostgresAlertChangeEvents.payloads(AGENCY, changes);
        assertThat(payloads).hasSize(1);
        AlertChangeEvents.Heard parsed = PostgresAlertChangeEvents.parse(payloads.get(0));
        assertThat(parsed.agencyId()).isEqualTo(AGENCY);
        assertThat(parsed.changes()).containsExactlyEntriesOf(byId(changes));
    }

    @Test
    void manyChangesAreSplitUnderTheLimitAndNoneIsLost() {
        List<AlertChange> changes = IntStream.range(0, 1_000).mapToObj(i -> change(AlertChange.Type.OPENED)).toList();
        List<String> payloads = PostgresAlertChangeEvents.payloads(AGENCY, changes);
        assertThat(payloads).hasSizeGreaterThan(1)
                .allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length < 8_000);
        Map<AlertId, AlertChange.Type> all = new LinkedHashMap<>();
        payloads.forEach(p -> all.putAll(PostgresAlertChangeEvents.parse(p).changes()));
        assertThat(new ArrayList<>(all.keySet())).isEqualTo(new ArrayList<>(byId(changes).keySet()));
    }

    private static Map<AlertId, AlertChange.Type> byId(List<AlertChange> changes) {
        Map<AlertId, AlertChange.Type> byId = new LinkedHashMap<>();
        changes.forEach(c -> byId.put(c.alert().id(), c.type()));
        return byId;
    }

    private static AlertChange change(AlertChange.Type type) {
        Finding finding = Finding.of(AlertKind.CASH_SHORTFALL, Severity.WARNING, AlertSubject.agency(),
                Evidence.empty(), BigDecimal.ONE, "Act.");
        return new AlertChange(type, Alert.open(new AlertId(UUID.randomUUID()), finding, Instant.EPOCH));
    }
}
