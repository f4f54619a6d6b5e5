package io.cordee.persistence.proposal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.proposal.ProposalRepository;
import io.cordee.core.proposal.ProposalRepositoryContract;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link ProposalRepository} contract on the real PostgreSQL. */
class ProposalPersistenceAdapterContractTest extends ProposalRepositoryContract {

    @Override
    protected ProposalRepository proposals() {
        return new ProposalPersistenceAdapter(TestDatabase.client(), new ProposalRowMapperImpl(new ProposalJson()));
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return TestRows.client(agency);
    }
}
