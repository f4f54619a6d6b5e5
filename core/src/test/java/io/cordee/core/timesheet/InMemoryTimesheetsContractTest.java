package io.cordee.core.timesheet;

import io.cordee.core.support.InMemoryWorld;

/** The in-memory twin {@code TimesheetServiceTest} uses keeps the {@link TimesheetRepository} contract. */
class InMemoryTimesheetsContractTest extends TimesheetRepositoryContract {

    InMemoryTimesheetsContractTest() {
        super(new InMemoryWorld());
    }

    /** The world's: its users and invoices are recorded there, as the adapter reads those tables. */
    @Override
    protected TimesheetRepository timesheets() {
        return world(InMemoryWorld.class).timesheets();
    }
}
