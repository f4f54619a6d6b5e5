package io.cordee.persistence.proposal;

import io.cordee.core.proposal.ProposalRepository;
import io.cordee.core.proposal.ProposalRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ProposalRepository} contract on the real PostgreSQL. */
class ProposalPersistenceAdapterContractTest extends ProposalRepositoryContract {

    ProposalPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ProposalRepository proposals() {
        return new ProposalPersistenceAdapter(TestDatabase.client(), new ProposalRowMapperImpl(new ProposalJson()));
    }
}
