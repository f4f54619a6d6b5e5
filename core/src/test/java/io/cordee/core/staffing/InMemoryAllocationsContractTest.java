package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.support.InMemoryAllocations;
import io.cordee.core.support.InMemoryProjects;
import java.time.LocalDate;
import java.util.UUID;

/** The in-memory twin {@code StaffingServiceTest} uses keeps the {@link AllocationRepository} contract. */
class InMemoryAllocationsContractTest extends AllocationRepositoryContract {

    private final InMemoryProjects projects = new InMemoryProjects();

    @Override
    protected AllocationRepository allocations() {
        return new InMemoryAllocations(projects);
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    protected TeamMemberId newTeamMember(AgencyId agency) {
        return new TeamMemberId(UUID.randomUUID());
    }

    /** A project the twin can tell the client of, as the adapter reads the project table. */
    @Override
    protected ProjectId newProject(AgencyId agency, ClientId client) {
        return projects.insert(new Project(new ProjectId(UUID.randomUUID()), agency, client, "Project",
                ProjectStatus.ACTIVE, LocalDate.of(2027, 3, 1), null, null, Money.of(0, "EUR"), 30, 0)).block().id();
    }
}
