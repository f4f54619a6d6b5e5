package io.cordee.core.client;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.InMemoryClients;
import java.util.UUID;

/** The in-memory twin core's service tests use keeps the {@link ClientRepository} contract. */
class InMemoryClientsContractTest extends ClientRepositoryContract {

    @Override
    protected ClientRepository clients() {
        return new InMemoryClients();
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }
}
