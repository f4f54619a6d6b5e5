package io.cordee.persistence.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What every implementation of {@link AlertChangeEvents} promises (ADR 77): what one instance publishes,
 * every instance hears, itself included; a publish inside a transaction that rolls back is never heard.
 * A subclass provides instances (each with its own listener, as separate application instances have) and the
 * world whose transactions {@code publishOnCommit} joins.
 */
abstract class AlertChangeEventsContract extends PortContract {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** A new instance, listening on its own (another application instance, as far as the port can tell). */
    abstract AlertChangeEvents newInstance();

    AlertChangeEventsContract(TenantWorld world) {
        super(world);
    }

    @Test
    void twoInstancesBothHearWhatOnePublishes() throws Exception {
        AlertChangeEvents first = newInstance();
        AlertChangeEvents second = newInstance();
        AgencyId agency = world().newAgency();
        CompletableFuture<AlertChangeEvents.Heard> heardByFirst = firstHeard(first, agency);
        CompletableFuture<AlertChangeEvents.Heard> heardBySecond = firstHeard(second, agency);
        waitFor(() -> first.isListening() && second.isListening());

        AlertChange opened = change(AlertChange.Type.OPENED);
        AlertChange resolved = change(AlertChange.Type.RESOLVED);
        first.publish(agency, List.of(opened, resolved)).block(WAIT);

        Map<AlertId, AlertChange.Type> expected = new LinkedHashMap<>();
        expected.put(opened.alert().id(), AlertChange.Type.OPENED);
        expected.put(resolved.alert().id(), AlertChange.Type.RESOLVED);
        for (CompletableFuture<AlertChangeEvents.Heard> heard : List.of(heardByFirst, heardBySecond)) {
            AlertChangeEvents.Heard notice = heard.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(notice.agencyId()).isEqualTo(agency);
            // in the publisher's order: opened, then resolved
            assertThat(notice.changes()).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void aPublishInARolledBackTransactionIsNeverHeardAndACommittedOneIs() throws Exception {
        AlertChangeEvents publisher = newInstance();
        AlertChangeEvents listener = newInstance();
        AgencyId agency = world().newAgency();
        CompletableFuture<AlertChangeEvents.Heard> heard = firstHeard(listener, agency);
        // the publisher listens too, as every application instance does: a publish outside the transaction
        // (on its listening connection) would be heard
        CompletableFuture<AlertChangeEvents.Heard> heardByPublisher = firstHeard(publisher, agency);
        waitFor(() -> listener.isListening() && publisher.isListening());

        AlertChange refused = change(AlertChange.Type.ACKNOWLEDGED);
        TransactionRunner transactions = world().transactions();
        assertThatThrownBy(() -> transactions.inTransaction(publisher.publishOnCommit(agency, List.of(refused))
                .then(Mono.error(new IllegalStateException("the mutation is refused")))).block(WAIT))
                .hasMessageContaining("refused");
        AlertChange snoozed = change(AlertChange.Type.SNOOZED);
        transactions.inTransaction(publisher.publishOnCommit(agency, List.of(snoozed)).thenReturn(1)).block(WAIT);

        // had the rolled-back NOTIFY been sent, it would have arrived first: it was written first
        for (CompletableFuture<AlertChangeEvents.Heard> first : List.of(heard, heardByPublisher)) {
            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).changes())
                    .containsExactlyEntriesOf(Map.of(snoozed.alert().id(), AlertChange.Type.SNOOZED));
        }
    }

    @Test
    void nothingToPublishSendsNothing() throws Exception {
        AlertChangeEvents events = newInstance();
        AgencyId agency = world().newAgency();
        CompletableFuture<AlertChangeEvents.Heard> heard = firstHeard(events, agency);
        waitFor(events::isListening);

        events.publish(agency, List.of()).block(WAIT);
        world().transactions().inTransaction(events.publishOnCommit(agency, List.of()).thenReturn(1)).block(WAIT);
        AlertChange updated = change(AlertChange.Type.UPDATED);
        events.publish(agency, List.of(updated)).block(WAIT);

        // the empty publishes announced no notice of their own: the first one heard is the update
        assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS).changes()).containsOnlyKeys(updated.alert().id());
    }

    static CompletableFuture<AlertChangeEvents.Heard> firstHeard(AlertChangeEvents events, AgencyId agency) {
        return events.heard().filter(h -> h.agencyId().equals(agency)).next().toFuture();
    }

    static void waitFor(BooleanSupplier condition) {
        await().atMost(WAIT).until(condition::getAsBoolean);
    }

    static AlertChange change(AlertChange.Type type) {
        Finding finding = Finding.of(AlertKind.CASH_SHORTFALL, Severity.WARNING, AlertSubject.agency(),
                Evidence.empty(), BigDecimal.ONE, "Act.");
        return new AlertChange(type, Alert.open(new AlertId(UUID.randomUUID()), finding, Instant.EPOCH));
    }
}
