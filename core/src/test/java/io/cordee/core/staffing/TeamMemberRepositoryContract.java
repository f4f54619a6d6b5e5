package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.support.Pages;
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

/** What every {@link TeamMemberRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class TeamMemberRepositoryContract extends PortContract {

    protected abstract TeamMemberRepository members();

    private TeamMemberRepository members;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected TeamMemberRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        members = members();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void aSavedMemberIsFoundAsSavedCostsToTheCentIncluded() {
        // 4,321.09 EUR a month loaded, 612.34 EUR a day billed, four days a week (0.80)
        TeamMember ana = members.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, "Ana", "Designer",
                List.of("UX", "Figma"), new BigDecimal("0.80"), Money.of(432_109, "EUR"), Money.of(61_234, "EUR"),
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 12, 31), false, 0, List.of())).block();
        TeamMember found = members.findById(agency, ana.id()).block();
        assertThat(found).isEqualTo(ana);
        assertThat(found.monthlyLoadedCost()).isEqualTo(Money.of(432_109, "EUR"));
        assertThat(found.fte()).isEqualByComparingTo("0.8");
        assertThat(members.findAllById(agency, List.of(ana.id(), new TeamMemberId(UUID.randomUUID())))
                .collectList().block()).containsExactly(ana);
        assertThat(members.findById(agency, new TeamMemberId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void pagesByNameThenIdArchivedOnesOnlyWhenAsked() {
        // Bravo twice: the page break of pages of 2 falls between them; Golf is archived
        TeamMember delta = members.insert(member(agency, "Delta", false)).block();
        TeamMember bravoA = members.insert(member(agency, "Bravo", false)).block();
        TeamMember alpha = members.insert(member(agency, "Alpha", false)).block();
        TeamMember bravoB = members.insert(member(agency, "Bravo", false)).block();
        TeamMember golf = members.insert(member(agency, "Golf", true)).block();
        members.insert(member(otherAgency, "Alpha", false)).block();
        List<TeamMember> bravos = Stream.of(bravoA, bravoB)
                .sorted(Comparator.comparing((TeamMember m) -> m.id().value(), StoredOrder.IDS)).toList();

        Pages.Walk<TeamMember> current = Pages.walk(after -> members.findPage(agency, false, new PageRequest(2, after))
                .block());
        assertThat(current.sizes()).containsExactly(2, 2);
        assertThat(current.totals()).containsOnly(4L);
        assertThat(current.items()).containsExactly(alpha, bravos.get(0), bravos.get(1), delta);

        Pages.Walk<TeamMember> everyone = Pages.walk(after -> members.findPage(agency, true,
                new PageRequest(2, after)).block());
        assertThat(everyone.totals()).containsOnly(5L);
        assertThat(everyone.items()).containsExactly(alpha, bravos.get(0), bravos.get(1), delta, golf);
        // the whole team for computations: archived included, same order
        assertThat(members.findAll(agency).collectList().block()).containsExactlyElementsOf(everyone.items());
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        TeamMember ana = members.insert(member(agency, "Ana", false)).block();
        TeamMember archived = members.update(archived(ana, 0)).block();
        assertThat(archived.version()).isEqualTo(1);
        assertThat(archived.archived()).isTrue();
        assertThat(members.update(archived(ana, 0)).block()).isNull();
        assertThat(members.findById(agency, ana.id()).block()).isEqualTo(archived);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheMember() {
        TeamMember ana = members.insert(member(agency, "Ana", false)).block();
        assertThat(members.findById(otherAgency, ana.id()).block()).isNull();
        assertThat(members.findAllById(otherAgency, List.of(ana.id())).collectList().block()).isEmpty();
        assertThat(members.findAll(otherAgency).collectList().block()).isEmpty();
        assertThat(members.findPage(otherAgency, true, new PageRequest(10, null)).block().totalCount()).isZero();
        TeamMember hijack = new TeamMember(ana.id(), otherAgency, "Hijack", null, List.of(), new BigDecimal("1.00"),
                Money.of(0, "EUR"), Money.of(0, "EUR"), true, 0);
        assertThat(members.update(hijack).block()).isNull();
        assertThat(members.findById(agency, ana.id()).block()).isEqualTo(ana);
    }

    private static TeamMember member(AgencyId agency, String name, boolean archived) {
        return new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, name, "Developer", List.of("Java"),
                new BigDecimal("1.00"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), archived, 0);
    }

    private static TeamMember archived(TeamMember m, long version) {
        return new TeamMember(m.id(), m.agencyId(), m.name(), m.jobTitle(), m.skills(), m.fte(),
                m.monthlyLoadedCost(), m.dailyBillRate(), m.startDate(), m.endDate(), true, version, m.absences());
    }
}
