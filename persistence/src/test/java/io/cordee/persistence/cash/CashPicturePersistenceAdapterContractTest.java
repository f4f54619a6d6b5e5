package io.cordee.persistence.cash;

import io.cordee.core.cash.CashPictureRepository;
import io.cordee.core.cash.CashPictureRepositoryContract;
import io.cordee.persistence.agency.AgencyRowMapperImpl;
import io.cordee.persistence.billing.BillingPersistenceAdapter;
import io.cordee.persistence.billing.BillingRowMapperImpl;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.project.ProjectPersistenceAdapter;
import io.cordee.persistence.project.ProjectRowMapperImpl;
import io.cordee.persistence.staffing.AbsencePersistenceAdapter;
import io.cordee.persistence.staffing.AllocationPersistenceAdapter;
import io.cordee.persistence.staffing.AllocationRowMapperImpl;
import io.cordee.persistence.staffing.TeamMemberPersistenceAdapter;
import io.cordee.persistence.staffing.TeamMemberRowMapperImpl;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;
import org.springframework.r2dbc.core.DatabaseClient;

/** The R2DBC adapter, over the area adapters it reads through, keeps the {@link CashPictureRepository} contract. */
class CashPicturePersistenceAdapterContractTest extends CashPictureRepositoryContract {

    CashPicturePersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected CashPictureRepository pictures() {
        DatabaseClient db = TestDatabase.client();
        return new CashPicturePersistenceAdapter(db,
                new BillingPersistenceAdapter(db, new BillingRowMapperImpl(), new MilestonesJson()),
                new ClientPersistenceAdapter(db, new ClientRowMapperImpl(new ContactsJson())),
                new ProjectPersistenceAdapter(db, new ProjectRowMapperImpl()),
                new TeamMemberPersistenceAdapter(db, new TeamMemberRowMapperImpl(), new AbsencePersistenceAdapter(db)),
                new AllocationPersistenceAdapter(db, new AllocationRowMapperImpl()), new AgencyRowMapperImpl());
    }
}
