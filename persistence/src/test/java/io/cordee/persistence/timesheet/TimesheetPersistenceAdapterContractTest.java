package io.cordee.persistence.timesheet;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.identity.Role;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.timesheet.TimesheetRepository;
import io.cordee.core.timesheet.TimesheetRepositoryContract;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link TimesheetRepository} contract on the real PostgreSQL. */
class TimesheetPersistenceAdapterContractTest extends TimesheetRepositoryContract {

    @Override
    protected TimesheetRepository timesheets() {
        return new TimesheetPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected ProjectId newProject(AgencyId agency) {
        return TestRows.project(agency, TestRows.client(agency));
    }

    @Override
    protected TeamMemberId newTeamMember(AgencyId agency) {
        return TestRows.teamMember(agency);
    }

    @Override
    protected void invoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status) {
        TestRows.invoice(agency, project, amountMinor, status);
    }

    @Override
    protected void newUser(AgencyId agency, String email, String displayName, Role role) {
        TestRows.user(agency, email, displayName, role);
    }
}
