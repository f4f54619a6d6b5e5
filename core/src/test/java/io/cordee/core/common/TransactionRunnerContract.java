package io.cordee.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What services rely on from {@link TransactionRunner} (ADR 0080): the writes of one unit of work all happen or
 * none does, a transaction opened inside another joins it, and an error reaches the caller unchanged. Written
 * against the client port, whose writes an implementation's store must see.
 */
public abstract class TransactionRunnerContract extends PortContract {

    private TransactionRunner tx;
    private ClientRepository clients;
    private AgencyId agency;

    protected TransactionRunnerContract(TenantWorld world) {
        super(world);
    }

    /** The client port of the same store as the world's transactions. */
    protected abstract ClientRepository clients();

    @BeforeEach
    void setUp() {
        tx = world().transactions();
        clients = clients();
        agency = world().newAgency();
    }

    @Test
    void theWritesOfASuccessfulUnitOfWorkAreAllKept() {
        Client first = client("First");
        Client second = client("Second");

        String answer = tx.inTransaction(clients.insert(first).then(clients.insert(second)).thenReturn("done")).block();

        assertThat(answer).isEqualTo("done");
        assertThat(clients.findById(agency, first.id()).block()).isNotNull();
        assertThat(clients.findById(agency, second.id()).block()).isNotNull();
    }

    @Test
    void aFailureAfterAWriteLeavesNothingWrittenAndReachesTheCallerUnchanged() {
        Client written = client("Written then undone");
        IllegalStateException boom = new IllegalStateException("the second step failed");

        assertThatThrownBy(() -> tx.inTransaction(clients.insert(written).then(Mono.error(boom))).block())
                .isSameAs(boom);

        assertThat(clients.findById(agency, written.id()).block()).as("rolled back").isNull();
    }

    @Test
    void aTransactionOpenedInsideAnotherJoinsItAndIsUndoneWithIt() {
        Client inner = client("Inner");

        assertThatThrownBy(() -> tx.inTransaction(tx.inTransaction(clients.insert(inner))
                .then(Mono.error(new IllegalArgumentException("the outer step failed")))).block())
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(clients.findById(agency, inner.id()).block()).as("the inner write, undone with the outer").isNull();
    }

    @Test
    void aReadOnlySnapshotSeesWhatWasCommittedBeforeIt() {
        Client kept = client("Kept");
        tx.inTransaction(clients.insert(kept)).block();

        Client read = tx.inReadOnlySnapshot(clients.findById(agency, kept.id())).block();

        assertThat(read).isNotNull();
        assertThat(read.name()).isEqualTo("Kept");
    }

    private Client client(String name) {
        return new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30, List.of(), null, false, 0);
    }
}
