package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryUsers;
import java.util.UUID;

/** The in-memory users {@code PasswordServiceTest} uses keep the {@link UserRepository} and sessions contract. */
class InMemoryUsersContractTest extends UserAndSessionRepositoryContract {

    private final InMemoryUsers users = new InMemoryUsers(new InMemoryAgencies());

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected SessionRepository sessions() {
        return users;
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return new ClientId(UUID.randomUUID());
    }
}
