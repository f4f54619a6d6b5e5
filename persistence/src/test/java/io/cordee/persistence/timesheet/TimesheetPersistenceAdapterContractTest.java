package io.cordee.persistence.timesheet;

import io.cordee.core.timesheet.TimesheetRepository;
import io.cordee.core.timesheet.TimesheetRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link TimesheetRepository} contract on the real PostgreSQL. */
class TimesheetPersistenceAdapterContractTest extends TimesheetRepositoryContract {

    TimesheetPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected TimesheetRepository timesheets() {
        return new TimesheetPersistenceAdapter(TestDatabase.client());
    }
}
