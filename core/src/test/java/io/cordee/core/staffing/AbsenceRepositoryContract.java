package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AbsenceRepository} promises its callers (ADR 0080), with the {@link TeamMemberRepository} of the
 * same store: a member is read with its absences.
 */
public abstract class AbsenceRepositoryContract extends PortContract {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);

    protected abstract AbsenceRepository absences();

    /** The members the absences belong to, in the same store. */
    protected abstract TeamMemberRepository members();

    private AbsenceRepository absences;
    private TeamMemberRepository members;
    private AgencyId agency;
    private AgencyId otherAgency;
    private TeamMember ana;
    private TeamMember ben;

    protected AbsenceRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithTwoPeople() {
        absences = absences();
        members = members();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        ana = member("Ana");
        ben = member("Ben");
    }

    @Test
    void absencesComeByStartThenIdForTheMembersAskedAndWithTheirMember() {
        Absence training = absences.insert(absence(ana, Absence.Kind.TRAINING, MAY_3.plusDays(14), 1)).block();
        Absence leaveA = absences.insert(absence(ana, Absence.Kind.LEAVE, MAY_3, 4)).block();
        Absence benLeave = absences.insert(absence(ben, Absence.Kind.LEAVE, MAY_3, 2)).block();
        List<Absence> may3 = Stream.of(leaveA, benLeave)
                .sorted(Comparator.comparing((Absence a) -> a.id().value(), StoredOrder.IDS)).toList();

        assertThat(absences.findById(agency, training.id()).block()).isEqualTo(training);
        assertThat(absences.findByMembers(agency, List.of(ana.id(), ben.id())).collectList().block())
                .containsExactly(may3.get(0), may3.get(1), training);
        assertThat(absences.findByMembers(agency, List.of(ana.id())).collectList().block())
                .containsExactly(leaveA, training);
        assertThat(absences.findByMembers(agency, List.of()).collectList().block()).isEmpty();
        // a member is read with its absences, by start
        assertThat(members.findById(agency, ana.id()).block().absences()).containsExactly(leaveA, training);
    }

    @Test
    void aStaleVersionIsRefusedOnUpdateAndOnDelete() {
        Absence leave = absences.insert(absence(ana, Absence.Kind.LEAVE, MAY_3, 4)).block();
        Absence longer = absences.update(new Absence(leave.id(), agency, ana.id(), Absence.Kind.LEAVE, MAY_3,
                MAY_3.plusDays(11), "Two weeks", 0)).block();
        assertThat(longer.version()).isEqualTo(1);
        assertThat(longer.to()).isEqualTo(MAY_3.plusDays(11));
        assertThat(absences.update(new Absence(leave.id(), agency, ana.id(), Absence.Kind.OTHER, MAY_3, MAY_3, null,
                0)).block()).isNull();
        assertThat(absences.delete(agency, leave.id(), 0).block()).isFalse();
        assertThat(absences.findById(agency, leave.id()).block()).isEqualTo(longer);
        assertThat(absences.delete(agency, leave.id(), 1).block()).isTrue();
        assertThat(absences.findById(agency, leave.id()).block()).isNull();
        assertThat(absences.delete(agency, leave.id(), 1).block()).isFalse();
    }

    @Test
    void anotherAgencyNeverSeesChangesNorDeletesTheAbsence() {
        Absence leave = absences.insert(absence(ana, Absence.Kind.LEAVE, MAY_3, 4)).block();
        assertThat(absences.findById(otherAgency, leave.id()).block()).isNull();
        assertThat(absences.findByMembers(otherAgency, List.of(ana.id())).collectList().block()).isEmpty();
        assertThat(absences.update(new Absence(leave.id(), otherAgency, ana.id(), Absence.Kind.OTHER, MAY_3, MAY_3,
                "Hijack", 0)).block()).isNull();
        assertThat(absences.delete(otherAgency, leave.id(), 0).block()).isFalse();
        assertThat(absences.findById(agency, leave.id()).block()).isEqualTo(leave);
    }

    private TeamMember member(String name) {
        return members.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, name, "Designer",
                List.of(), new BigDecimal("1.00"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0))
                .block();
    }

    /** {@code days} days from {@code from}, both included. */
    private Absence absence(TeamMember member, Absence.Kind kind, LocalDate from, int days) {
        return new Absence(new AbsenceId(UUID.randomUUID()), agency, member.id(), kind, from, from.plusDays(days - 1),
                "Note", 0);
    }
}
