package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Computations;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryAllocations;
import io.cordee.core.support.InMemoryProjects;
import io.cordee.core.support.InMemoryTeam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Who works on what, and the capacity it leaves, on the in-memory allocations, team, projects and agencies. */
class StaffingServiceTest {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);

    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryAllocations allocations = new InMemoryAllocations(projects);
    private final InMemoryTeam team = new InMemoryTeam();
    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final StaffingService service = new StaffingService(allocations, team, projects, agencies,
            UUID::randomUUID, Computations.immediate());
    private AgencyId agency;
    private ClientId alpha;
    private ProjectId site;
    private TeamMember ana;

    @BeforeEach
    void anAgencyWithAProjectAndAPerson() {
        agency = newAgency();
        alpha = new ClientId(UUID.randomUUID());
        site = project(agency, alpha);
        ana = member(agency, "Ana");
    }

    @Test
    void aLeadStaffsAProjectAndAClientUserSeesNoStaffing() {
        Allocation half = service.create(caller(Role.LEAD), new AllocationDraft(ana.id(), site, 50, MAY_3,
                MAY_3.plusDays(27))).block();
        assertThat(half.sharePercent()).isEqualTo(50);
        assertThat(service.list(caller(Role.FINANCE), site, null, null, new PageRequest(10, null)).block().items())
                .containsExactly(half);
        assertThat(service.list(caller(Role.LEAD), null, null, alpha, new PageRequest(10, null)).block().items())
                .containsExactly(half);

        Caller client = caller(Role.CLIENT);
        assertThat(service.find(client, half.id()).block()).isNull();
        StepVerifier.create(service.create(client, new AllocationDraft(ana.id(), site, 10, MAY_3, MAY_3)))
                .expectError(Forbidden.class).verify();
        StepVerifier.create(service.list(client, null, null, null, new PageRequest(10, null)))
                .expectError(Forbidden.class).verify();
    }

    @Test
    void everyBrokenRuleIsToldAtOnceAndNothingIsWritten() {
        // no share at 0 %, no end before the start
        StepVerifier.create(service.create(caller(Role.OWNER), new AllocationDraft(ana.id(), site, 0, MAY_3,
                        MAY_3.minusDays(1))))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                Tuple.tuple("endDate", ErrorCode.INVALID_DATE_ORDER),
                                Tuple.tuple("sharePercent", ErrorCode.OUT_OF_RANGE)))
                .verify();
        assertThat(allocations.findOverlapping(agency, MAY_3.minusYears(1), MAY_3.plusYears(1)).collectList().block())
                .isEmpty();
    }

    @Test
    void anotherAgencysPersonAndProjectAreNotFoundAndNothingIsWritten() {
        AgencyId other = newAgency();
        TeamMember stranger = member(other, "Stranger");
        ProjectId theirs = project(other, new ClientId(UUID.randomUUID()));
        StepVerifier.create(service.create(caller(Role.OWNER), new AllocationDraft(stranger.id(), theirs, 50, MAY_3,
                        MAY_3)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                Tuple.tuple("teamMemberId", ErrorCode.NOT_FOUND),
                                Tuple.tuple("projectId", ErrorCode.NOT_FOUND)))
                .verify();
        Allocation mine = service.create(caller(Role.OWNER), new AllocationDraft(ana.id(), site, 50, MAY_3, MAY_3))
                .block();
        Caller theirOwner = new Caller(new UserId(UUID.randomUUID()), other, Role.OWNER, null);
        assertThat(service.find(theirOwner, mine.id()).block()).isNull();
        StepVerifier.create(service.delete(theirOwner, mine.id(), 0)).expectError().verify();
        assertThat(allocations.findById(agency, mine.id()).block()).isEqualTo(mine);
    }

    @Test
    void changesAndRemovalsAreMadeFromTheVersionReadOnly() {
        Allocation half = service.create(caller(Role.LEAD), new AllocationDraft(ana.id(), site, 50, MAY_3,
                MAY_3.plusDays(27))).block();
        Allocation more = service.update(caller(Role.LEAD), half.id(), 0, new AllocationDraft(null, null, 80, null,
                null)).block();
        assertThat(more.version()).isEqualTo(1);
        assertThat(more.sharePercent()).isEqualTo(80);
        assertThat(more.from()).isEqualTo(MAY_3);
        StepVerifier.create(service.update(caller(Role.LEAD), half.id(), 0, new AllocationDraft(null, null, 20, null,
                null))).expectError(Conflict.class).verify();
        StepVerifier.create(service.delete(caller(Role.LEAD), half.id(), 0)).expectError(Conflict.class).verify();
        assertThat(service.delete(caller(Role.LEAD), half.id(), 1).block()).isEqualTo(more);
        assertThat(service.find(caller(Role.LEAD), half.id()).block()).isNull();
    }

    @Test
    void capacityCountsHolidaysAndEachClientsShare() {
        // May 2027: 21 weekdays less Ascension (Thursday 6 May) = 20 working days; Ana full time: 20 person-days
        agencies.addHolidays(agency, java.util.Set.of(LocalDate.of(2027, 5, 6)), "Ascension").block();
        // half of Ana on alpha's site for the whole month: 0.50 × 1.00 × 20 = 10 person-days
        service.create(caller(Role.OWNER), new AllocationDraft(ana.id(), site, 50, LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 5, 31))).block();
        MonthCapacity may = service.capacity(caller(Role.LEAD), YearMonth.of(2027, 5), 1).block().get(0);
        assertThat(may.workingDays()).isEqualTo(20);
        assertThat(may.capacityDays()).isEqualByComparingTo("20");
        assertThat(may.clients()).extracting(MonthCapacity.ClientLoad::clientId).containsExactly(alpha);
        assertThat(may.clients().get(0).allocatedDays()).isEqualByComparingTo("10");
        StepVerifier.create(service.capacity(caller(Role.LEAD), YearMonth.of(2027, 5), 25))
                .expectError(InvalidInput.class).verify();
    }

    @Test
    void aWeekOverAHundredPercentIsReported() {
        // 60 % + 50 % in the week of Monday 10 May: 110 %
        ProjectId shop = project(agency, alpha);
        service.create(caller(Role.OWNER), new AllocationDraft(ana.id(), site, 60, LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 5, 14))).block();
        service.create(caller(Role.OWNER), new AllocationDraft(ana.id(), shop, 50, LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 5, 14))).block();
        assertThat(service.overAllocated(caller(Role.LEAD), MAY_3, MAY_3.plusDays(20)).block())
                .containsExactly(new OverAllocation.MemberWeek(ana.id(), LocalDate.of(2027, 5, 10), 110));
    }

    @Test
    void onlyTheOwnerChangesTheCalendar() {
        assertThat(service.addHolidays(caller(Role.OWNER), List.of(LocalDate.of(2027, 7, 14), LocalDate.of(2027, 5, 1)),
                " National holidays ").block()).containsExactly(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 7, 14));
        StepVerifier.create(service.addHolidays(caller(Role.FINANCE), List.of(MAY_3), "No"))
                .expectError(Forbidden.class).verify();
        assertThat(service.removeHoliday(caller(Role.OWNER), LocalDate.of(2027, 5, 1)).block())
                .isEqualTo(LocalDate.of(2027, 5, 1));
        StepVerifier.create(service.removeHoliday(caller(Role.OWNER), LocalDate.of(2027, 5, 1)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(FieldError::code)
                        .containsExactly(ErrorCode.NOT_FOUND))
                .verify();
        assertThat(service.holidays(caller(Role.LEAD), MAY_3.minusMonths(1), MAY_3.plusMonths(3)).block())
                .containsExactly(LocalDate.of(2027, 7, 14));
    }

    private AgencyId newAgency() {
        return agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
    }

    private ProjectId project(AgencyId agencyId, ClientId client) {
        return projects.insert(new Project(new ProjectId(UUID.randomUUID()), agencyId, client, "Site",
                ProjectStatus.ACTIVE, LocalDate.of(2027, 4, 1), null, null, Money.of(0, "EUR"), 30, 0)).block().id();
    }

    private TeamMember member(AgencyId agencyId, String name) {
        return team.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agencyId, name, "Designer", List.of(),
                new BigDecimal("1.00"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0)).block();
    }

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role,
                role == Role.CLIENT ? new ClientId(UUID.randomUUID()) : null);
    }
}
