package io.cordee.core.timesheet;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.identity.Role;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.support.InMemoryTimesheets;
import java.util.UUID;

/** The in-memory twin {@code TimesheetServiceTest} uses keeps the {@link TimesheetRepository} contract. */
class InMemoryTimesheetsContractTest extends TimesheetRepositoryContract {

    private final InMemoryTimesheets timesheets = new InMemoryTimesheets();

    @Override
    protected TimesheetRepository timesheets() {
        return timesheets;
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }

    @Override
    protected ProjectId newProject(AgencyId agency) {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    protected TeamMemberId newTeamMember(AgencyId agency) {
        return new TeamMemberId(UUID.randomUUID());
    }

    @Override
    protected void invoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status) {
        timesheets.recordInvoice(agency, project, amountMinor, status);
    }

    @Override
    protected void newUser(AgencyId agency, String email, String displayName, Role role) {
        timesheets.recordUser(agency, email, displayName, role);
    }
}
