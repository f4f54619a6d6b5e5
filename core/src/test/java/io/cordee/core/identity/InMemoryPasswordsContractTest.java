package io.cordee.core.identity;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryUsers;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** The in-memory users {@code PasswordServiceTest} uses keep the {@link PasswordRepository} contract. */
class InMemoryPasswordsContractTest extends PasswordRepositoryContract {

    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final InMemoryUsers users = new InMemoryUsers(agencies);

    @Override
    protected PasswordRepository passwords() {
        return users;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected SessionRepository sessions() {
        return users;
    }

    /** An agency the twin can name, as the adapter reads the agency table. */
    @Override
    protected AgencyId newAgency() {
        return agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
    }
}
