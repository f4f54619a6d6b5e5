package io.cordee.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProjectRepository} promises its callers (ADR 0080), run against the R2DBC adapter on the
 * real PostgreSQL and against the in-memory twin of {@code ProjectServiceTest}.
 */
public abstract class ProjectRepositoryContract extends PortContract {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract ProjectRepository projects();

    private ProjectRepository projects;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId alpha;
    private ClientId bravo;

    protected ProjectRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgenciesAndTheirClients() {
        projects = projects();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        alpha = world().newClient(agency, "Alpha");
        bravo = world().newClient(agency, "Bravo");
    }

    @Test
    void aSavedProjectIsFoundAsItWasSavedMoneyIncluded() {
        // 12,500.50 EUR kept to the cent: 1,250,050 minor units
        Project project = projects.insert(new Project(new ProjectId(UUID.randomUUID()), agency, alpha, "Site",
                ProjectStatus.ACTIVE, MARCH_1, MARCH_1.plusDays(90), MARCH_1.plusDays(100),
                Money.of(1_250_050, "EUR"), 45, 0)).block();
        assertThat(projects.findById(agency, project.id()).block()).isEqualTo(project);
        assertThat(projects.findById(agency, project.id()).block().feeBudget()).isEqualTo(Money.of(1_250_050, "EUR"));
        assertThat(projects.findAllById(agency, List.of(project.id(), new ProjectId(UUID.randomUUID())))
                .collectList().block()).containsExactly(project);
    }

    @Test
    void anUnknownProjectIsEmptyNotAnError() {
        assertThat(projects.findById(agency, new ProjectId(UUID.randomUUID())).block()).isNull();
        assertThat(projects.findByClients(agency, List.of(alpha)).collectList().block()).isEmpty();
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheProject() {
        Project project = projects.insert(project(alpha, "Site", MARCH_1)).block();
        assertThat(projects.findById(otherAgency, project.id()).block()).isNull();
        assertThat(projects.findAllById(otherAgency, List.of(project.id())).collectList().block()).isEmpty();
        assertThat(projects.findByClients(otherAgency, List.of(alpha)).collectList().block()).isEmpty();
        assertThat(projects.findPage(otherAgency, null, new PageRequest(10, null)).block().totalCount()).isZero();
        Project hijack = new Project(project.id(), otherAgency, alpha, "Hijack", ProjectStatus.CANCELLED, MARCH_1,
                null, null, Money.of(0, "EUR"), 30, 0);
        assertThat(projects.update(hijack).block()).isNull();
        assertThat(projects.findById(agency, project.id()).block().name()).isEqualTo("Site");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Project project = projects.insert(project(alpha, "Site", MARCH_1)).block();
        Project renamed = projects.update(renamed(project, "Site v2", 0)).block();
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(projects.update(renamed(project, "Stale write", 0)).block()).isNull();
        assertThat(projects.findById(agency, project.id()).block()).isEqualTo(renamed);
    }

    @Test
    void pagesByStartDateEachProjectOnceWithTheWholeCountAndNarrowsToOneClient() {
        // Alpha: starts on 1, 3 and 5 March; Bravo: 2 and 4 March. Pages of 2 over all: 2, 2, 1.
        projects.insert(project(alpha, "A5", MARCH_1.plusDays(4))).block();
        projects.insert(project(bravo, "B2", MARCH_1.plusDays(1))).block();
        projects.insert(project(alpha, "A1", MARCH_1)).block();
        projects.insert(project(bravo, "B4", MARCH_1.plusDays(3))).block();
        projects.insert(project(alpha, "A3", MARCH_1.plusDays(2))).block();

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        Page<Project> page;
        do {
            page = projects.findPage(agency, null, new PageRequest(2, after)).block();
            assertThat(page.totalCount()).isEqualTo(5);
            sizes.add(page.edges().size());
            page.items().forEach(p -> seen.add(p.name()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactly("A1", "B2", "A3", "B4", "A5");

        Page<Project> bravos = projects.findPage(agency, bravo, new PageRequest(10, null)).block();
        assertThat(bravos.items()).extracting(Project::name).containsExactly("B2", "B4");
        assertThat(bravos.totalCount()).isEqualTo(2);
        assertThat(bravos.hasNextPage()).isFalse();

        // the batched read for nested fields: both clients' projects, by start date
        assertThat(projects.findByClients(agency, List.of(alpha, bravo)).collectList().block())
                .extracting(Project::name).containsExactly("A1", "B2", "A3", "B4", "A5");
    }

    private Project project(ClientId clientId, String name, LocalDate start) {
        return new Project(new ProjectId(UUID.randomUUID()), agency, clientId, name, ProjectStatus.PLANNED, start,
                null, null, Money.of(10_000_00, "EUR"), 30, 0);
    }

    private static Project renamed(Project p, String name, long version) {
        return new Project(p.id(), p.agencyId(), p.clientId(), name, p.status(), p.startDate(), p.launchDate(),
                p.communicationPlanDate(), p.feeBudget(), p.paymentTermsDays(), version);
    }
}
