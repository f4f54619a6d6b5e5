package io.cordee.persistence.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** Team members' dates and absences on a real PostgreSQL (migration V23, ADR 0036). */
class TeamAbsencePersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final AbsencePersistenceAdapter absences = new AbsencePersistenceAdapter(db);
    private final TeamMemberPersistenceAdapter members = new TeamMemberPersistenceAdapter(db,
            new TeamMemberRowMapperImpl(), absences);
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** Two agencies of their own for each test (a new instance per test): one to use, one that must see none of it. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();

    private TeamMember member(LocalDate start, LocalDate end) {
        return new TeamMember(new TeamMemberId(ids.newId()), agency, "Ana", "Designer", List.of("UX"),
                new BigDecimal("0.80"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), start, end, false, 0,
                List.of());
    }

    private Absence absence(TeamMember m, LocalDate from, LocalDate to) {
        return new Absence(new AbsenceId(ids.newId()), m.agencyId(), m.id(), Absence.Kind.LEAVE, from, to, "Vacances", 0);
    }

    @Test
    void membersComeBackWithTheirDatesAndAbsencesInEveryRead() {
        TeamMember ana = members.insert(member(LocalDate.of(2026, 6, 16), LocalDate.of(2027, 6, 15))).block();
        assertThat(ana.startDate()).isEqualTo(LocalDate.of(2026, 6, 16));
        Absence week = absences.insert(absence(ana, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11))).block();
        Absence day = absences.insert(absence(ana, LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 3))).block();

        assertThat(members.findById(agency, ana.id()).block().absences()).containsExactly(day, week);
        assertThat(members.findAll(agency).collectList().block().get(0).absences()).containsExactly(day, week);
        assertThat(members.findAllById(agency, List.of(ana.id())).blockFirst().absences()).hasSize(2);
        assertThat(members.findAll(otherAgency).collectList().block()).isEmpty();
        assertThat(absences.findById(otherAgency, week.id()).block()).isNull();
    }

    @Test
    void absencesChangeAndGoOnlyFromTheCurrentVersionAndWithinTheirAgency() {
        TeamMember ana = members.insert(member(null, null)).block();
        Absence week = absences.insert(absence(ana, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11))).block();
        Absence moved = new Absence(week.id(), agency, ana.id(), Absence.Kind.TRAINING, week.from(),
                LocalDate.of(2026, 9, 9), null, 0);
        assertThat(absences.update(moved).block().version()).isEqualTo(1);
        assertThat(absences.update(moved).block()).as("stale").isNull();
        assertThat(absences.delete(otherAgency, week.id(), 1).block()).isFalse();
        assertThat(absences.delete(agency, week.id(), 0).block()).as("stale").isFalse();
        assertThat(absences.delete(agency, week.id(), 1).block()).isTrue();
        assertThat(members.findById(agency, ana.id()).block().absences()).isEmpty();
    }

    @Test
    void theDatabaseRefusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> members.insert(member(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 30))).block())
                .hasMessageContaining("team_member_dates_in_order");
        TeamMember ana = members.insert(member(null, null)).block();
        assertThatThrownBy(() -> absences.insert(absence(ana, LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 7)))
                .block()).hasMessageContaining("team_absence");
    }
}
