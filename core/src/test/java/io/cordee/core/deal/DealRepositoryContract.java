package io.cordee.core.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Milestone;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DealRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class DealRepositoryContract extends PortContract {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);

    protected abstract DealRepository deals();

    private DealRepository deals;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected DealRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        deals = deals();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void aSavedDealIsFoundAsItWasSavedMoneyPlanAndPeopleIncluded() {
        // 12,345.67 EUR to the cent: 1,234,567 minor units; 30 % deposit + 35 % + 35 % = 100 %
        TeamMemberId lea = new TeamMemberId(UUID.randomUUID());
        TeamMemberId marc = new TeamMemberId(UUID.randomUUID());
        Deal prospect = new Deal(new DealId(UUID.randomUUID()), agency, "Site for Atelier Nord", null, "Atelier Nord",
                Segment.STARTUP, Money.of(1_234_567, "EUR"), 60, MAY_3, 10, DurationUnit.WEEKS,
                new BillingPlan(30, List.of(new Milestone("Design", MAY_3.plusWeeks(4), 35),
                        new Milestone("Launch", MAY_3.plusWeeks(10), 35)), false),
                List.of(new StaffingNeed(lea, 50), new StaffingNeed(marc, 100)), DealStage.PROPOSAL, null, 0);
        assertThat(deals.insert(prospect).block()).isEqualTo(prospect);
        Deal found = deals.findById(agency, prospect.id()).block();
        assertThat(found).isEqualTo(prospect);
        assertThat(found.expectedFee()).isEqualTo(Money.of(1_234_567, "EUR"));

        // for an existing client, billed monthly in arrears after a 20 % deposit
        ClientId existing = world().newClient(agency, "Existing");
        Deal forClient = new Deal(new DealId(UUID.randomUUID()), agency, "Retainer", existing, null, null,
                Money.of(600_000, "EUR"), 80, MAY_3, 6, DurationUnit.MONTHS, new BillingPlan(20, List.of(), true),
                List.of(), DealStage.LEAD, null, 0);
        deals.insert(forClient).block();
        assertThat(deals.findById(agency, forClient.id()).block()).isEqualTo(forClient);
    }

    @Test
    void anUnknownDealIsEmptyNotAnError() {
        assertThat(deals.findById(agency, new DealId(UUID.randomUUID())).block()).isNull();
        assertThat(deals.findOpen(agency).collectList().block()).isEmpty();
        assertThat(deals.findAll(agency).collectList().block()).isEmpty();
        assertThat(deals.findPage(agency, null, new PageRequest(10, null)).block().totalCount()).isZero();
    }

    @Test
    void pagesByExpectedStartThenIdEachDealOnceWithTheWholeCount() {
        // starts 3, 10 (two), 17 and 24 May; pages of 2 give 2, 2, 1, the page break between the two of 10 May
        Deal may3 = deals.insert(deal("May 3", MAY_3, DealStage.LEAD)).block();
        Deal may24 = deals.insert(deal("May 24", MAY_3.plusDays(21), DealStage.PROPOSAL)).block();
        Deal may10a = deals.insert(deal("May 10 a", MAY_3.plusDays(7), DealStage.LOST)).block();
        Deal may17 = deals.insert(deal("May 17", MAY_3.plusDays(14), DealStage.LEAD)).block();
        Deal may10b = deals.insert(deal("May 10 b", MAY_3.plusDays(7), DealStage.PROPOSAL)).block();
        deals.insert(new Deal(new DealId(UUID.randomUUID()), otherAgency, "Other", null, "Other", Segment.SME,
                Money.of(1, "EUR"), 10, MAY_3, 1, DurationUnit.WEEKS, plan(), List.of(), DealStage.LEAD, null, 0))
                .block();
        List<Deal> may10 = byId(may10a, may10b);

        Pages.Walk<Deal> walk = Pages.walk(after -> deals.findPage(agency, Set.of(), new PageRequest(2, after)).block());
        assertThat(walk.sizes()).containsExactly(2, 2, 1);
        assertThat(walk.totals()).containsOnly(5L);
        assertThat(walk.items()).containsExactly(may3, may10.get(0), may10.get(1), may17, may24);

        // only the stages asked for, and the total counts only them: 2 in PROPOSAL
        Page<Deal> proposals = deals.findPage(agency, Set.of(DealStage.PROPOSAL), new PageRequest(10, null)).block();
        assertThat(proposals.items()).containsExactly(may10b, may24);
        assertThat(proposals.totalCount()).isEqualTo(2);
    }

    @Test
    void theOpenDealsAreThoseInLeadOrProposalByExpectedStartAndTheExportHasThemAllById() {
        Deal lost = deals.insert(deal("Lost", MAY_3, DealStage.LOST)).block();
        Deal proposal = deals.insert(deal("Proposal", MAY_3.plusDays(14), DealStage.PROPOSAL)).block();
        Deal lead = deals.insert(deal("Lead", MAY_3.plusDays(7), DealStage.LEAD)).block();
        assertThat(deals.findOpen(agency).collectList().block()).containsExactly(lead, proposal);
        assertThat(deals.findAll(agency).collectList().block()).containsExactlyElementsOf(byId(lost, proposal, lead));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Deal deal = deals.insert(deal("Site", MAY_3, DealStage.LEAD)).block();
        Deal moved = deals.update(with(deal, "Site and shop", DealStage.PROPOSAL, 0)).block();
        // version 0 -> 1 on the first write
        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.stage()).isEqualTo(DealStage.PROPOSAL);
        assertThat(deals.update(with(deal, "Stale write", DealStage.LEAD, 0)).block()).isNull();
        assertThat(deals.findById(agency, deal.id()).block()).isEqualTo(moved);
    }

    @Test
    void aLostDealIsNeverWrittenAgainEvenWithItsVersion() {
        Deal deal = deals.insert(deal("Site", MAY_3, DealStage.PROPOSAL)).block();
        Deal lost = deals.update(with(deal, "Site", DealStage.LOST, 0)).block();
        assertThat(lost.version()).isEqualTo(1);
        // the right version, but the stored deal is closed: nothing written
        assertThat(deals.update(with(deal, "Revived", DealStage.LEAD, 1)).block()).isNull();
        assertThat(deals.findById(agency, deal.id()).block()).isEqualTo(lost);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheDeal() {
        Deal deal = deals.insert(deal("Site", MAY_3, DealStage.LEAD)).block();
        assertThat(deals.findById(otherAgency, deal.id()).block()).isNull();
        assertThat(deals.findPage(otherAgency, null, new PageRequest(10, null)).block().totalCount()).isZero();
        assertThat(deals.findOpen(otherAgency).collectList().block()).isEmpty();
        assertThat(deals.findAll(otherAgency).collectList().block()).isEmpty();
        // the same id and version, claimed by the other agency: not its row, nothing written
        Deal hijack = new Deal(deal.id(), otherAgency, "Hijack", null, "Hijack", Segment.SME, Money.of(0, "EUR"), 0,
                MAY_3, 1, DurationUnit.WEEKS, plan(), List.of(), DealStage.LOST, null, 0);
        assertThat(deals.update(hijack).block()).isNull();
        assertThat(deals.findById(agency, deal.id()).block()).isEqualTo(deal);
    }

    private Deal deal(String name, LocalDate start, DealStage stage) {
        return new Deal(new DealId(UUID.randomUUID()), agency, name, null, "Prospect " + name, Segment.SME,
                Money.of(1_000_000, "EUR"), 50, start, 8, DurationUnit.WEEKS, plan(), List.of(), stage, null, 0);
    }

    private static BillingPlan plan() {
        return new BillingPlan(100, List.of(), false);
    }

    private static Deal with(Deal d, String name, DealStage stage, long version) {
        return new Deal(d.id(), d.agencyId(), name, d.clientId(), d.prospectName(), d.prospectSegment(),
                d.expectedFee(), d.probabilityPercent(), d.expectedStart(), d.duration(), d.durationUnit(),
                d.billingPlan(), d.staffingNeed(), stage, d.projectId(), version);
    }

    private static List<Deal> byId(Deal... deals) {
        return Stream.of(deals).sorted(Comparator.comparing((Deal d) -> d.id().value(), StoredOrder.IDS)).toList();
    }
}
