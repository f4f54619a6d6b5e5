package io.cordee.persistence.billing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingRepositoryContract;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.project.ProjectRepository;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.project.ProjectPersistenceAdapter;
import io.cordee.persistence.project.ProjectRowMapperImpl;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link BillingRepository} contract on the real PostgreSQL. */
class BillingPersistenceAdapterContractTest extends BillingRepositoryContract {

    @Override
    protected BillingRepository billing() {
        return new BillingPersistenceAdapter(TestDatabase.client(), new BillingRowMapperImpl(), new MilestonesJson());
    }

    @Override
    protected ClientRepository clients() {
        return new ClientPersistenceAdapter(TestDatabase.client(), new ClientRowMapperImpl(new ContactsJson()));
    }

    @Override
    protected ProjectRepository projects() {
        return new ProjectPersistenceAdapter(TestDatabase.client(), new ProjectRowMapperImpl());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }
}
