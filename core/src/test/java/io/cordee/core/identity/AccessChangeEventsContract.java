package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.AccessChangeEvents.Heard;
import io.cordee.core.people.PeopleRepository;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * What every {@link AccessChangeEvents} promises the session and token caches (ADR 0080, ADR 22, ADR 77): every
 * instance hears that it started listening, then each change of who may do what, named by agency and user,
 * whichever instance or tool made it; it listens while someone subscribes. The store announces the changes
 * itself, so the contract makes them through the {@link PeopleRepository} of the same store.
 */
public abstract class AccessChangeEventsContract extends PortContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A new instance, listening on its own (another application instance, as far as the port can tell). */
    protected abstract AccessChangeEvents newInstance();

    /** Where a role is changed, as a person with the right to do it changes it. */
    protected abstract PeopleRepository people();

    protected AccessChangeEventsContract(TenantWorld world) {
        super(world);
    }

    @Test
    void twoInstancesEachHearTheirStartThenARoleChange() throws Exception {
        AccessChangeEvents first = newInstance();
        AccessChangeEvents second = newInstance();
        AgencyId agency = world().newAgency();
        User lea = world().newUser(agency, "Léa", Role.LEAD);
        CompletableFuture<List<Heard>> heardByFirst = startAndFirstChange(first, agency);
        CompletableFuture<List<Heard>> heardBySecond = startAndFirstChange(second, agency);
        waitUntil(() -> first.isListening() && second.isListening());

        // Léa's role, at version 0, becomes FINANCE
        people().updateRole(agency, lea.id(), Role.FINANCE, null, 0L).block(WAIT);

        for (CompletableFuture<List<Heard>> heard : List.of(heardByFirst, heardBySecond)) {
            assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactly(new Heard.ListeningStarted(), new Heard.UserChanged(agency, lea.id()));
        }
    }

    @Test
    void aChangeIsHeardNamingItsOwnAgency() throws Exception {
        AccessChangeEvents events = newInstance();
        AgencyId agency = world().newAgency();
        AgencyId otherAgency = world().newAgency();
        User theirs = world().newUser(otherAgency, "Théo", Role.LEAD);
        CompletableFuture<Heard> heard = events.heard()
                .filter(h -> h instanceof Heard.UserChanged changed && changed.userId().equals(theirs.id()))
                .next().toFuture();
        waitUntil(events::isListening);

        people().updateRole(otherAgency, theirs.id(), Role.OWNER, null, 0L).block(WAIT);

        // named with the other agency, not this instance's first one: a cache drops that agency's user only
        assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new Heard.UserChanged(otherAgency, theirs.id()));
    }

    @Test
    void anInstanceListensWhileSomeoneSubscribes() {
        AccessChangeEvents events = newInstance();
        assertThat(events.isListening()).isFalse();
        Disposable subscriber = events.heard().subscribe();
        waitUntil(events::isListening);
        subscriber.dispose();
        waitUntil(() -> !events.isListening());
        assertThat(events.isListening()).isFalse();
    }

    /** The instance's first two notices: its start, then the first change of {@code agency}. */
    private static CompletableFuture<List<Heard>> startAndFirstChange(AccessChangeEvents events, AgencyId agency) {
        return events.heard()
                .filter(h -> h instanceof Heard.ListeningStarted
                        || h instanceof Heard.UserChanged changed && changed.agencyId().equals(agency))
                .take(2).collectList().toFuture();
    }

    /** Waits, up to 20 s, until {@code condition} holds (looked at every 50 ms); fails the test otherwise. */
    protected static void waitUntil(BooleanSupplier condition) {
        Flux.interval(Duration.ZERO, Duration.ofMillis(50)).filter(tick -> condition.getAsBoolean()).next()
                .block(WAIT);
    }
}
