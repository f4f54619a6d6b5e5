package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BriefRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class BriefRepositoryContract extends PortContract {

    private static final LocalDate LAUNCH = LocalDate.of(2027, 9, 1);
    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract BriefRepository briefs();

    private BriefRepository briefs;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId alpha;
    private ProjectId site;
    private Brief brief;

    protected BriefRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithABrief() {
        briefs = briefs();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        alpha = world().newClient(agency, "Alpha");
        site = world().newProject(agency, alpha, "Site");
        brief = briefs.insert(new Brief(new BriefId(UUID.randomUUID()), agency, site, "Refonte", 0)).block();
    }

    @Test
    void aBriefItsVersionsAndTheirRequirementsAreFoundAsSaved() {
        assertThat(briefs.findById(agency, brief.id()).block()).isEqualTo(brief);
        assertThat(briefs.findAllById(agency, List.of(brief.id(), new BriefId(UUID.randomUUID()))).collectList()
                .block()).containsExactly(brief);
        // estimates to the hundredth of a day: 12.50 and 0.25
        List<Requirement> needs = List.of(
                new Requirement("k1", "Catalogue", "As a shopper I browse", Priority.MUST, new BigDecimal("12.50")),
                new Requirement("k2", "Search", null, Priority.COULD, new BigDecimal("0.25")));
        BriefVersion first = briefs.insertVersion(version(1), needs).block();
        BriefVersion second = briefs.insertVersion(version(2), List.of()).block();
        assertThat(first).isEqualTo(version(first.id(), 1));
        // the same number again is refused quietly
        assertThat(briefs.insertVersion(version(1), List.of()).block()).isNull();

        assertThat(briefs.findVersion(agency, first.id()).block()).isEqualTo(first);
        assertThat(briefs.findVersions(agency, List.of(brief.id())).collectList().block()).containsExactly(first, second);
        assertThat(briefs.findLatestVersion(agency, brief.id()).block()).isEqualTo(second);
        // requirements in their order; a version without any is absent
        Map<BriefVersionId, List<Requirement>> requirements = briefs.findRequirements(agency,
                List.of(first.id(), second.id())).block();
        assertThat(requirements).containsOnlyKeys(first.id());
        assertThat(requirements.get(first.id())).containsExactlyElementsOf(needs);
        briefs.replaceRequirements(agency, first.id(), List.of(needs.get(1))).block();
        assertThat(briefs.findRequirements(agency, List.of(first.id())).block().get(first.id()))
                .containsExactly(needs.get(1));
    }

    @Test
    void onlyADraftChangesInPlaceAndOnlyFromItsVersion() {
        BriefVersion draft = briefs.insertVersion(version(1), List.of()).block();
        BriefVersion edited = briefs.updateVersion(withObjectives(draft, List.of("Sell online"), 0)).block();
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.objectives()).containsExactly("Sell online");
        assertThat(briefs.updateVersion(withObjectives(draft, List.of("Stale"), 0)).block()).isNull();
        assertThat(briefs.lockDraft(agency, draft.id(), 0).block()).isNull();
        assertThat(briefs.lockDraft(agency, draft.id(), 1).block()).isEqualTo(edited);

        BriefVersion agreed = briefs.setStatus(agency, draft.id(), 1, BriefStatus.AGREED).block();
        assertThat(agreed.version()).isEqualTo(2);
        assertThat(agreed.status()).isEqualTo(BriefStatus.AGREED);
        assertThat(briefs.setStatus(agency, draft.id(), 1, BriefStatus.SUPERSEDED).block()).isNull();
        // agreed: no longer a draft, even at its version
        assertThat(briefs.lockDraft(agency, draft.id(), 2).block()).isNull();
        assertThat(briefs.updateVersion(withObjectives(draft, List.of("Too late"), 2)).block()).isNull();
        assertThat(briefs.findVersion(agency, draft.id()).block()).isEqualTo(agreed);
    }

    @Test
    void aPartySignsOnceAVersionAndSignaturesAreClearedTogether() {
        BriefVersion draft = briefs.insertVersion(version(1), List.of()).block();
        briefs.sign(agency, new Signature(draft.id(), Party.AGENCY, signer(), "Léa", NOON, 1)).block();
        Signature client = briefs.sign(agency, new Signature(draft.id(), Party.CLIENT, signer(), "Anna",
                NOON.plusSeconds(60), 1)).block();
        // the agency signs again later, someone else: its earlier signature is replaced
        Signature again = briefs.sign(agency, new Signature(draft.id(), Party.AGENCY, signer(), "Marc",
                NOON.plusSeconds(120), 1)).block();
        assertThat(briefs.findSignatures(agency, List.of(draft.id())).collectList().block())
                .containsExactly(client, again);
        briefs.clearSignatures(agency, draft.id()).block();
        assertThat(briefs.findSignatures(agency, List.of(draft.id())).collectList().block()).isEmpty();
    }

    @Test
    void agreeingOneVersionSupersedesTheOtherAgreedOnesOnly() {
        BriefVersion first = agree(briefs.insertVersion(version(1), List.of()).block());
        BriefVersion second = agree(briefs.insertVersion(version(2), List.of()).block());
        BriefVersion third = briefs.insertVersion(version(3), List.of()).block();
        briefs.supersedeOthers(agency, brief.id(), second.id()).block();
        assertThat(briefs.findVersion(agency, first.id()).block().status()).isEqualTo(BriefStatus.SUPERSEDED);
        assertThat(briefs.findVersion(agency, second.id()).block()).isEqualTo(second);
        assertThat(briefs.findVersion(agency, third.id()).block()).isEqualTo(third);
    }

    @Test
    void briefsArePagedByTitleThenIdAndNarrowedToAProjectOrAClient() {
        ProjectId shop = world().newProject(agency, alpha, "Shop");
        ProjectId other = world().newProject(agency, world().newClient(agency, "Bravo"), "App");
        Brief atlas = briefs.insert(new Brief(new BriefId(UUID.randomUUID()), agency, shop, "Atlas", 0)).block();
        Brief zenith = briefs.insert(new Brief(new BriefId(UUID.randomUUID()), agency, other, "Zenith", 0)).block();

        Pages.Walk<Brief> walk = Pages.walk(after -> briefs.findPage(agency, null, null, new PageRequest(2, after))
                .block());
        assertThat(walk.sizes()).containsExactly(2, 1);
        assertThat(walk.totals()).containsOnly(3L);
        assertThat(walk.items()).containsExactly(atlas, brief, zenith);
        assertThat(briefs.findPage(agency, null, alpha, new PageRequest(10, null)).block().items())
                .containsExactly(atlas, brief);
        assertThat(briefs.findPage(agency, shop, null, new PageRequest(10, null)).block().items())
                .containsExactly(atlas);
        assertThat(briefs.findByProjects(agency, List.of(site, other)).collectList().block())
                .containsExactly(brief, zenith);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheBrief() {
        BriefVersion draft = briefs.insertVersion(version(1), List.of(new Requirement("k1", "Catalogue", null,
                Priority.MUST, new BigDecimal("3.00")))).block();
        Signature signed = briefs.sign(agency, new Signature(draft.id(), Party.AGENCY, signer(), "Léa", NOON,
                1)).block();

        assertThat(briefs.findById(otherAgency, brief.id()).block()).isNull();
        assertThat(briefs.findAllById(otherAgency, List.of(brief.id())).collectList().block()).isEmpty();
        assertThat(briefs.findPage(otherAgency, site, alpha, new PageRequest(10, null)).block().totalCount()).isZero();
        assertThat(briefs.findByProjects(otherAgency, List.of(site)).collectList().block()).isEmpty();
        assertThat(briefs.findVersion(otherAgency, draft.id()).block()).isNull();
        assertThat(briefs.findVersions(otherAgency, List.of(brief.id())).collectList().block()).isEmpty();
        assertThat(briefs.findLatestVersion(otherAgency, brief.id()).block()).isNull();
        assertThat(briefs.findRequirements(otherAgency, List.of(draft.id())).block()).isEmpty();
        assertThat(briefs.findSignatures(otherAgency, List.of(draft.id())).collectList().block()).isEmpty();

        // the right ids and versions, claimed by the other agency: nothing written
        BriefVersion claimed = new BriefVersion(draft.id(), otherAgency, brief.id(), 1, BriefStatus.DRAFT,
                List.of("Hijack"), List.of(), List.of(), List.of(), List.of(), null, null, 0);
        assertThat(briefs.updateVersion(claimed).block()).isNull();
        assertThat(briefs.lockDraft(otherAgency, draft.id(), 0).block()).isNull();
        assertThat(briefs.setStatus(otherAgency, draft.id(), 0, BriefStatus.AGREED).block()).isNull();
        briefs.clearSignatures(otherAgency, draft.id()).block();
        briefs.replaceRequirements(otherAgency, draft.id(), List.of()).block();
        briefs.supersedeOthers(otherAgency, brief.id(), new BriefVersionId(UUID.randomUUID())).block();

        assertThat(briefs.findVersion(agency, draft.id()).block()).isEqualTo(draft);
        assertThat(briefs.findSignatures(agency, List.of(draft.id())).collectList().block()).containsExactly(signed);
        assertThat(briefs.findRequirements(agency, List.of(draft.id())).block().get(draft.id())).hasSize(1);
    }

    private BriefVersion agree(BriefVersion draft) {
        return briefs.setStatus(agency, draft.id(), draft.version(), BriefStatus.AGREED).block();
    }

    private BriefVersion version(int number) {
        return version(new BriefVersionId(UUID.randomUUID()), number);
    }

    private BriefVersion version(BriefVersionId id, int number) {
        return new BriefVersion(id, agency, brief.id(), number, BriefStatus.DRAFT, List.of("Sell more"),
                List.of("Shoppers"), List.of("Budget"), List.of("Stock feed exists"), List.of("Mobile app"), LAUNCH,
                LAUNCH.minusDays(14), 0);
    }

    /** A user of the agency, who signs (a signature names its signer's account). */
    private UserId signer() {
        return world().newUser(agency, "Signer", Role.OWNER).id();
    }

    private static BriefVersion withObjectives(BriefVersion v, List<String> objectives, long version) {
        return new BriefVersion(v.id(), v.agencyId(), v.briefId(), v.number(), BriefStatus.DRAFT, objectives,
                v.targetUsers(), v.constraints(), v.assumptions(), v.outOfScope(), v.launchDate(),
                v.communicationPlanDate(), version);
    }
}
