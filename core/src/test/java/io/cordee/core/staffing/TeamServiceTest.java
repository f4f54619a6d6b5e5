package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryTeam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The team and its absences as the owner, finance and leads handle them, on the in-memory team and agencies. */
class TeamServiceTest {

    private final InMemoryTeam team = new InMemoryTeam();
    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final TeamService service = new TeamService(team, team, agencies, UUID::randomUUID);
    private AgencyId agency;

    @BeforeEach
    void anAgency() {
        agency = agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
    }

    @Test
    void theOwnerAddsAMemberTrimmedAndFullTimeUnlessSaid() {
        TeamMember ana = service.create(caller(Role.OWNER), new TeamMemberDraft("  Ana  ", " Designer ",
                List.of("UX"), null, Money.of(432_109, "EUR"), Money.of(61_234, "EUR"))).block();
        assertThat(ana.name()).isEqualTo("Ana");
        assertThat(ana.jobTitle()).isEqualTo("Designer");
        assertThat(ana.fte()).isEqualByComparingTo("1");
        assertThat(ana.version()).isZero();
        assertThat(service.find(caller(Role.LEAD), ana.id()).block()).isEqualTo(ana);
    }

    @Test
    void aLeadSeesTheTeamButChangesNothingAndAClientUserSeesNoOne() {
        TeamMember ana = create("Ana");
        StepVerifier.create(service.create(caller(Role.LEAD), draft("Ben"))).expectError(Forbidden.class).verify();
        StepVerifier.create(service.archive(caller(Role.LEAD), ana.id(), 0)).expectError(Forbidden.class).verify();
        StepVerifier.create(service.addAbsence(caller(Role.LEAD), ana.id(), new AbsenceDraft(Absence.Kind.LEAVE,
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 3), null))).expectError(Forbidden.class).verify();
        assertThat(service.list(caller(Role.LEAD), true, new PageRequest(10, null)).block().items())
                .containsExactly(ana);

        Caller client = caller(Role.CLIENT);
        assertThat(service.find(client, ana.id()).block()).isNull();
        assertThat(service.findAll(client, List.of(ana.id())).block()).isEmpty();
        StepVerifier.create(service.list(client, true, new PageRequest(10, null))).expectError(Forbidden.class)
                .verify();
    }

    @Test
    void everyBrokenRuleOfAMemberIsToldAtOnceAndNothingIsWritten() {
        // 1.6 FTE is over 1.5; a negative cost; the end before the start
        StepVerifier.create(service.create(caller(Role.FINANCE), new TeamMemberDraft("Ana", null, List.of(),
                        new BigDecimal("1.6"), Money.of(-1, "EUR"), Money.of(60_000, "EUR"), LocalDate.of(2027, 6, 1),
                        LocalDate.of(2027, 5, 31), false, false)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                Tuple.tuple("endDate", ErrorCode.INVALID_DATE_ORDER),
                                Tuple.tuple("fte", ErrorCode.OUT_OF_RANGE),
                                Tuple.tuple("monthlyLoadedCost", ErrorCode.OUT_OF_RANGE)))
                .verify();
        assertThat(team.findAll(agency).collectList().block()).isEmpty();
    }

    @Test
    void anUpdateChangesWhatIsGivenFromTheVersionReadOnly() {
        TeamMember ana = create("Ana");
        TeamMember raised = service.update(caller(Role.FINANCE), ana.id(), 0, new TeamMemberDraft(null, null, null,
                new BigDecimal("0.80"), Money.of(450_000, "EUR"), null)).block();
        assertThat(raised.version()).isEqualTo(1);
        assertThat(raised.name()).isEqualTo("Ana");
        assertThat(raised.fte()).isEqualByComparingTo("0.8");
        assertThat(raised.monthlyLoadedCost()).isEqualTo(Money.of(450_000, "EUR"));
        assertThat(raised.dailyBillRate()).isEqualTo(ana.dailyBillRate());
        StepVerifier.create(service.update(caller(Role.OWNER), ana.id(), 0, new TeamMemberDraft("Stale", null, null,
                null, null, null))).expectError(Conflict.class).verify();
        assertThat(team.findById(agency, ana.id()).block().name()).isEqualTo("Ana");
    }

    @Test
    void anArchivedMemberLeavesTheListAndTheCapacity() {
        TeamMember ana = create("Ana");
        TeamMember ben = create("Ben");
        service.archive(caller(Role.OWNER), ben.id(), 0).block();
        assertThat(service.list(caller(Role.LEAD), false, new PageRequest(10, null)).block().items())
                .extracting(TeamMember::name).containsExactly("Ana");
        assertThat(service.list(caller(Role.LEAD), true, new PageRequest(10, null)).block().items())
                .extracting(TeamMember::name).containsExactly("Ana", "Ben");
        assertThat(service.capacity(caller(Role.LEAD), YearMonth.of(2027, 5)).block())
                .extracting(c -> c.member().id()).containsExactly(ana.id());
    }

    @Test
    void capacityTakesHolidaysAndAbsencesOutOfTheMonth() {
        TeamMember ana = service.create(caller(Role.OWNER), new TeamMemberDraft("Ana", null, List.of(),
                new BigDecimal("0.80"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block();
        // May 2027: 21 weekdays (Saturday 1 to Monday 31); Ascension, Thursday 6 May, leaves 20 working days
        agencies.addHolidays(agency, Set.of(LocalDate.of(2027, 5, 6)), "Ascension").block();
        // a week off, Monday 10 to Friday 14: 15 days left; at 0.80 FTE 15 × 0.8 = 12 person-days
        service.addAbsence(caller(Role.OWNER), ana.id(), new AbsenceDraft(Absence.Kind.LEAVE, LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 5, 14), "Holidays")).block();
        MemberCapacity may = service.capacity(caller(Role.LEAD), YearMonth.of(2027, 5)).block().get(0);
        assertThat(may.workingDays()).isEqualTo(20);
        assertThat(may.availableDays()).isEqualTo(15);
        assertThat(may.capacityDays()).isEqualByComparingTo("12");
    }

    @Test
    void absencesAreChangedAndRemovedFromTheVersionReadOnly() {
        TeamMember ana = create("Ana");
        Absence leave = service.addAbsence(caller(Role.OWNER), ana.id(), new AbsenceDraft(Absence.Kind.LEAVE,
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 7), "  Week off  ")).block();
        assertThat(leave.note()).isEqualTo("Week off");
        Absence longer = service.updateAbsence(caller(Role.FINANCE), leave.id(), 0, new AbsenceDraft(null, null,
                LocalDate.of(2027, 5, 14), null)).block();
        assertThat(longer.to()).isEqualTo(LocalDate.of(2027, 5, 14));
        assertThat(longer.from()).isEqualTo(LocalDate.of(2027, 5, 3));
        StepVerifier.create(service.updateAbsence(caller(Role.OWNER), leave.id(), 0, new AbsenceDraft(null, null,
                LocalDate.of(2027, 5, 21), null))).expectError(Conflict.class).verify();
        StepVerifier.create(service.removeAbsence(caller(Role.OWNER), leave.id(), 0)).expectError(Conflict.class)
                .verify();
        assertThat(service.removeAbsence(caller(Role.OWNER), leave.id(), 1).block()).isEqualTo(longer);
        assertThat(service.absencesOf(caller(Role.LEAD), List.of(ana.id())).block()).isEmpty();
        // an absence of more than 366 days is a departure, not an absence
        StepVerifier.create(service.addAbsence(caller(Role.OWNER), ana.id(), new AbsenceDraft(Absence.Kind.OTHER,
                        LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 2), null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(FieldError::field)
                        .containsExactly("to"))
                .verify();
    }

    @Test
    void anotherAgencysMemberIsNotFoundForAnyChange() {
        TeamMember ana = create("Ana");
        Caller stranger = new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), Role.OWNER, null);
        assertThat(service.find(stranger, ana.id()).block()).isNull();
        StepVerifier.create(service.update(stranger, ana.id(), 0, draft("Hijack"))).expectError(NotFound.class)
                .verify();
        StepVerifier.create(service.archive(stranger, ana.id(), 0)).expectError(NotFound.class).verify();
        StepVerifier.create(service.addAbsence(stranger, ana.id(), new AbsenceDraft(Absence.Kind.LEAVE,
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 3), null))).expectError(NotFound.class).verify();
        assertThat(team.findById(agency, ana.id()).block()).isEqualTo(ana);
    }

    private TeamMember create(String name) {
        return service.create(caller(Role.OWNER), draft(name)).block();
    }

    private static TeamMemberDraft draft(String name) {
        return new TeamMemberDraft(name, "Developer", List.of(), new BigDecimal("1.00"), Money.of(500_000, "EUR"),
                Money.of(60_000, "EUR"));
    }

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role,
                role == Role.CLIENT ? new ClientId(UUID.randomUUID()) : null);
    }
}
