package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AllocationRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class AllocationRepositoryContract extends PortContract {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract AllocationRepository allocations();

    private AllocationRepository allocations;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId alpha;
    private ProjectId site;
    private ProjectId shop;
    private ProjectId bravoApp;
    private TeamMemberId lea;
    private TeamMemberId marc;

    protected AllocationRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithProjectsAndPeople() {
        allocations = allocations();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        alpha = world().newClient(agency, "Alpha");
        site = world().newProject(agency, alpha, "Site");
        shop = world().newProject(agency, alpha, "Shop");
        bravoApp = world().newProject(agency, world().newClient(agency, "Bravo"), "App");
        lea = world().newTeamMember(agency);
        marc = world().newTeamMember(agency);
    }

    @Test
    void aSavedAllocationIsFoundAsItWasSaved() {
        Allocation half = allocations.insert(allocation(lea, site, 50, MARCH_1, MARCH_1.plusDays(30))).block();
        assertThat(allocations.findById(agency, half.id()).block()).isEqualTo(half);
        assertThat(half.sharePercent()).isEqualTo(50);
        assertThat(allocations.findById(agency, new AllocationId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void pagesByStartThenIdEachOnceNarrowedByProjectMemberOrClient() {
        // starts 1, 8 (two) and 15 March; pages of 2 break between the two of 8 March
        Allocation first = allocations.insert(allocation(lea, site, 50, MARCH_1, MARCH_1.plusDays(9))).block();
        Allocation eighthA = allocations.insert(allocation(marc, shop, 20, MARCH_1.plusDays(7), MARCH_1.plusDays(20)))
                .block();
        Allocation fifteenth = allocations.insert(allocation(lea, bravoApp, 100, MARCH_1.plusDays(14),
                MARCH_1.plusDays(40))).block();
        Allocation eighthB = allocations.insert(allocation(lea, shop, 30, MARCH_1.plusDays(7), MARCH_1.plusDays(9)))
                .block();
        List<Allocation> eighth = Stream.of(eighthA, eighthB)
                .sorted(Comparator.comparing((Allocation a) -> a.id().value(), StoredOrder.IDS)).toList();

        Pages.Walk<Allocation> walk = Pages.walk(after -> allocations.findPage(agency, null, null, null,
                new PageRequest(2, after)).block());
        assertThat(walk.sizes()).containsExactly(2, 2);
        assertThat(walk.totals()).containsOnly(4L);
        assertThat(walk.items()).containsExactly(first, eighth.get(0), eighth.get(1), fifteenth);

        assertThat(allocations.findPage(agency, shop, null, null, new PageRequest(10, null)).block().items())
                .containsExactlyElementsOf(eighth);
        assertThat(allocations.findPage(agency, null, lea, null, new PageRequest(10, null)).block().items())
                .containsExactly(first, eighthB, fifteenth);
        // alpha's projects are the site and the shop, not bravo's app
        assertThat(allocations.findPage(agency, null, null, alpha, new PageRequest(10, null)).block().totalCount())
                .isEqualTo(3);
        assertThat(allocations.findPage(agency, shop, lea, alpha, new PageRequest(10, null)).block().items())
                .containsExactly(eighthB);
    }

    @Test
    void overlapsCountBothEndDaysAndProjectsAreReadTogether() {
        // April's written first, so that a read in the order of writing would put it first
        Allocation april = allocations.insert(allocation(marc, shop, 50, MARCH_1.plusDays(31), MARCH_1.plusDays(40)))
                .block();
        // 1 to 10 March
        Allocation march = allocations.insert(allocation(lea, site, 50, MARCH_1, MARCH_1.plusDays(9))).block();
        assertThat(allocations.findOverlapping(agency, MARCH_1.plusDays(9), MARCH_1.plusDays(20)).collectList().block())
                .containsExactly(march);
        assertThat(allocations.findOverlapping(agency, MARCH_1.minusDays(9), MARCH_1).collectList().block())
                .containsExactly(march);
        assertThat(allocations.findOverlapping(agency, MARCH_1.plusDays(10), MARCH_1.plusDays(30)).collectList()
                .block()).isEmpty();
        // by start date, whatever the order of the projects asked for
        assertThat(allocations.findByProjects(agency, List.of(shop, site)).collectList().block())
                .containsExactly(march, april);
        assertThat(allocations.findByProjects(agency, List.of(bravoApp)).collectList().block()).isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedOnUpdateAndOnDelete() {
        Allocation half = allocations.insert(allocation(lea, site, 50, MARCH_1, MARCH_1.plusDays(30))).block();
        Allocation more = allocations.update(withShare(half, 80, 0)).block();
        assertThat(more.version()).isEqualTo(1);
        assertThat(more.sharePercent()).isEqualTo(80);
        assertThat(allocations.update(withShare(half, 10, 0)).block()).isNull();
        assertThat(allocations.delete(agency, half.id(), 0).block()).isFalse();
        assertThat(allocations.findById(agency, half.id()).block()).isEqualTo(more);
        assertThat(allocations.delete(agency, half.id(), 1).block()).isTrue();
        assertThat(allocations.findById(agency, half.id()).block()).isNull();
        // gone: a second delete finds nothing
        assertThat(allocations.delete(agency, half.id(), 1).block()).isFalse();
    }

    @Test
    void anotherAgencyNeverSeesChangesNorDeletesTheAllocation() {
        Allocation half = allocations.insert(allocation(lea, site, 50, MARCH_1, MARCH_1.plusDays(30))).block();
        assertThat(allocations.findById(otherAgency, half.id()).block()).isNull();
        assertThat(allocations.findPage(otherAgency, null, null, null, new PageRequest(10, null)).block().totalCount())
                .isZero();
        assertThat(allocations.findPage(otherAgency, site, lea, alpha, new PageRequest(10, null)).block().items())
                .isEmpty();
        assertThat(allocations.findOverlapping(otherAgency, MARCH_1, MARCH_1.plusDays(30)).collectList().block())
                .isEmpty();
        assertThat(allocations.findByProjects(otherAgency, List.of(site)).collectList().block()).isEmpty();
        // the right id and version, claimed by the other agency: nothing written, nothing deleted
        assertThat(allocations.update(new Allocation(half.id(), otherAgency, lea, site, 1, MARCH_1, MARCH_1, 0))
                .block()).isNull();
        assertThat(allocations.delete(otherAgency, half.id(), 0).block()).isFalse();
        assertThat(allocations.findById(agency, half.id()).block()).isEqualTo(half);
    }

    private Allocation allocation(TeamMemberId member, ProjectId project, int share, LocalDate from, LocalDate to) {
        return new Allocation(new AllocationId(UUID.randomUUID()), agency, member, project, share, from, to, 0);
    }

    private static Allocation withShare(Allocation a, int share, long version) {
        return new Allocation(a.id(), a.agencyId(), a.memberId(), a.projectId(), share, a.from(), a.to(), version);
    }
}
