package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.agency.Segment;
import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link BriefService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04): the
 * rules of versions and signatures (ADR 6), every broken field at once with nothing written, who writes, signs
 * and reads, and a feasibility worked out by hand. The clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class BriefServiceTest extends TenantServiceTest {

    @Autowired
    BriefService briefs;
    @Autowired
    ProjectService projects;
    @Autowired
    ClientService clients;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;

    Caller lead;
    Caller client;
    Project project;

    @Override
    protected String tenantName() {
        return "Brief Studio";
    }

    @BeforeEach
    void aProjectLaunchingAtTheEndOfApril() {
        lead = as(Role.LEAD);
        client = as(Role.CLIENT);
        project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Site", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30), null, Money.of(1_000_000, "EUR"), 30)));
    }

    /** Home (Must, 3 days), Blog (Should, 2.5), Shop (Could, 4): 5.5 person-days in scope. */
    private static BriefVersionDraft homeBlogShop() {
        return new BriefVersionDraft(List.of("Sell online"), List.of("Buyers"), List.of(
                new RequirementDraft("home", "Home page", null, Priority.MUST, "3"),
                new RequirementDraft("blog", "Blog", null, Priority.SHOULD, "2.5"),
                new RequirementDraft("shop", "Shop", null, Priority.COULD, "4")), null, null, null, null, null);
    }

    private BriefVersion latest(Brief brief) {
        List<BriefVersion> versions = block(briefs.versions(owner, List.of(brief.id()))).get(brief.id());
        return versions.get(versions.size() - 1);
    }

    @Test
    void everyBrokenFieldIsNamedAtOnceAndNothingIsWritten() {
        BriefVersionDraft broken = new BriefVersionDraft(List.of("Sell online", " "), null, List.of(
                new RequirementDraft("home", "Home page", null, Priority.MUST, "three"),
                new RequirementDraft("home", "Home again", null, Priority.MUST, "1")), null, null, null,
                LocalDate.of(2027, 3, 31), null);

        assertThat(refusal(catchThrowable(() -> block(briefs.create(lead, project.id(), "  ", broken)))))
                .containsExactly("title REQUIRED", "objectives[1] REQUIRED", "launchDate INVALID_DATE_ORDER",
                        "requirements[0].estimateDays INVALID_FORMAT", "requirements[1].key DUPLICATE");
        assertThat(block(briefs.list(owner, project.id(), new PageRequest(10, null))).items()).isEmpty();
    }

    @Test
    void aVersionIsAgreedWhenBothPartiesSignedItAndAnEditAfterThatIsTheNextVersion() {
        Brief brief = block(briefs.create(lead, project.id(), " Website ", homeBlogShop()));
        assertThat(brief.title()).isEqualTo("Website");
        BriefVersion v1 = latest(brief);
        assertThat(v1).extracting(BriefVersion::number, BriefVersion::status, BriefVersion::version)
                .containsExactly(1, BriefStatus.DRAFT, 0L);

        // the agency signs; an edit of the draft clears the signature: what was signed is no longer written
        assertThat(block(briefs.sign(owner, v1.id(), 0)).status()).isEqualTo(BriefStatus.DRAFT);
        assertThat(block(briefs.signatures(owner, List.of(v1.id()))).get(v1.id())).extracting(Signature::party)
                .containsExactly(Party.AGENCY);
        BriefVersion edited = block(briefs.update(lead, v1.id(), 0, new BriefVersionDraft(List.of("Sell more"),
                null, null, null, null, null, null, null)));
        assertThat(edited).extracting(BriefVersion::id, BriefVersion::objectives, BriefVersion::version)
                .containsExactly(v1.id(), List.of("Sell more"), 1L);
        assertThat(block(briefs.signatures(owner, List.of(v1.id())))).doesNotContainKey(v1.id());

        // a stale edit is a conflict and writes nothing
        assertThat(catchThrowable(() -> block(briefs.update(lead, v1.id(), 0, new BriefVersionDraft(
                List.of("Sell less"), null, null, null, null, null, null, null))))).isInstanceOf(Conflict.class);
        assertThat(latest(brief).objectives()).containsExactly("Sell more");

        // both parties sign the text they read: agreed
        block(briefs.sign(lead, v1.id(), 1));
        BriefVersion agreed = block(briefs.sign(client, v1.id(), 1));
        assertThat(agreed.status()).isEqualTo(BriefStatus.AGREED);
        assertThat(catchThrowable(() -> block(briefs.sign(owner, v1.id(), agreed.version()))))
                .satisfies(e -> assertThat(refusal(e)).containsExactly("id DUPLICATE"));

        // an edit of the agreed version: version 2, a draft; Blog down to 1.5, Shop out, SEO in
        BriefVersion v2 = block(briefs.update(lead, v1.id(), agreed.version(), new BriefVersionDraft(null, null,
                List.of(new RequirementDraft("home", "Home page", null, Priority.MUST, "3"),
                        new RequirementDraft("blog", "Blog", null, Priority.SHOULD, "1.5"),
                        new RequirementDraft("seo", "SEO", null, Priority.COULD, "1")),
                null, null, null, null, null)));
        assertThat(v2).extracting(BriefVersion::number, BriefVersion::status, BriefVersion::objectives)
                .containsExactly(2, BriefStatus.DRAFT, List.of("Sell more"));
        BriefService.VersionComparison diff = block(briefs.compare(owner, v1.id(), v2.id()));
        assertThat(diff.diff().added()).extracting(Requirement::key).containsExactly("seo");
        assertThat(diff.diff().removed()).extracting(Requirement::key).containsExactly("shop");
        assertThat(diff.diff().changed()).extracting(BriefComparison.Changed::key).containsExactly("blog");

        // version 1 is no longer the one to sign; once version 2 is agreed, version 1 is superseded
        assertThat(refusal(catchThrowable(() -> block(briefs.sign(client, v1.id(), agreed.version())))))
                .containsExactly("id STALE_VERSION");
        block(briefs.sign(owner, v2.id(), v2.version()));
        block(briefs.sign(client, v2.id(), v2.version()));
        assertThat(block(briefs.versions(owner, List.of(brief.id()))).get(brief.id()))
                .extracting(BriefVersion::number, BriefVersion::status)
                .containsExactly(tuple(1, BriefStatus.SUPERSEDED), tuple(2, BriefStatus.AGREED));
    }

    @Test
    void financeReadsAClientUserSignsItsOwnAndNeitherWrites() {
        Caller finance = as(Role.FINANCE);
        assertThat(catchThrowable(() -> block(briefs.create(finance, project.id(), "Website", homeBlogShop()))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(briefs.create(client, project.id(), "Website", homeBlogShop()))))
                .isInstanceOf(Forbidden.class);
        Brief brief = block(briefs.create(owner, project.id(), "Website", homeBlogShop()));
        BriefVersion v1 = latest(brief);
        assertThat(catchThrowable(() -> block(briefs.update(client, v1.id(), 0, BriefVersionDraft.empty()))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(briefs.sign(finance, v1.id(), 0)))).isInstanceOf(Forbidden.class);
        assertThat(block(briefs.find(finance, brief.id()))).isEqualTo(brief);
        assertThat(block(briefs.signatures(owner, List.of(v1.id())))).isEmpty();

        // the brief of another client's project, in the same agency: the client user neither sees nor signs it
        Client other = block(clients.create(owner, new ClientDraft("Other Client", Segment.SME, 30, List.of(), null)));
        Project theirs = block(projects.create(owner, other.id(), new ProjectDraft("App", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 4, 1), null, null, Money.of(0, "EUR"), 30)));
        Brief hidden = block(briefs.create(owner, theirs.id(), "App brief", homeBlogShop()));
        assertThat(block(briefs.find(client, hidden.id()))).isNull();
        assertThat(block(briefs.list(client, null, new PageRequest(10, null))).items()).extracting(Brief::id)
                .containsExactly(brief.id());
        assertThat(catchThrowable(() -> block(briefs.sign(client, latest(hidden).id(), 0))))
                .isInstanceOf(NotFound.class);
        assertThat(block(briefs.signatures(owner, List.of(latest(hidden).id())))).isEmpty();
    }

    @Test
    void anotherAgencyNeitherSeesNorEditsTheBrief() {
        Brief brief = block(briefs.create(owner, project.id(), "Website", homeBlogShop()));
        BriefVersion v1 = latest(brief);
        Caller stranger = tenants.create("Brief Stranger").owner();

        assertThat(block(briefs.find(stranger, brief.id()))).isNull();
        assertThat(block(briefs.findVersion(stranger, v1.id()))).isNull();
        assertThat(refusal(catchThrowable(() -> block(briefs.create(stranger, project.id(), "Mine",
                homeBlogShop()))))).containsExactly("projectId NOT_FOUND");
        assertThat(catchThrowable(() -> block(briefs.update(stranger, v1.id(), 0, new BriefVersionDraft(
                List.of("Theirs"), null, null, null, null, null, null, null))))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(briefs.sign(stranger, v1.id(), 0)))).isInstanceOf(NotFound.class);
        assertThat(latest(brief)).extracting(BriefVersion::objectives, BriefVersion::version)
                .containsExactly(List.of("Sell online"), 0L);
    }

    @Test
    void feasibilityWeighsTheScopeAgainstTheDaysAllocatedFromTodayToTheLaunch() {
        TeamMember designer = block(team.create(owner, new TeamMemberDraft("Dana", "Designer", List.of(),
                BigDecimal.ONE, Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), null, null, false, false)));
        block(staffing.create(owner, new AllocationDraft(designer.id(), project.id(), 50, LocalDate.of(2027, 4, 1),
                LocalDate.of(2027, 4, 30))));
        Brief brief = block(briefs.create(lead, project.id(), "Website", homeBlogShop()));
        BriefVersion v1 = latest(brief);

        // from today (Thursday 15 April) to the project's launch (Friday 30 April): 2 + 5 + 5 = 12 working days, at
        // 50 % of one full-time designer = 6.00 person-days. Scope: Must 3 + Should 2.5 = 5.5 (Could is out):
        // 5.5 / 6 = 0.9167, TIGHT (above 0.85, not above 1). Realistic needs at most 6 × 0.85 = 5.1: dropping
        // Blog (2.5) leaves 3, which fits
        Map<BriefVersionId, BriefFeasibility> byOwner = block(briefs.feasibility(owner, List.of(v1)));
        BriefFeasibility f = byOwner.get(v1.id());
        assertThat(f.asOf()).isEqualTo(TODAY);
        assertThat(f.launchDate()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(f.feasibility().capacityDays()).isEqualByComparingTo("6");
        assertThat(f.feasibility().scopeDays()).isEqualByComparingTo("5.5");
        assertThat(f.feasibility().ratio()).isEqualByComparingTo("0.9167");
        assertThat(f.feasibility().verdict()).isEqualTo(Feasibility.Verdict.TIGHT);
        assertThat(f.toDrop()).extracting(Requirement::key).containsExactly("blog");
        // the budget is money: the owner sees it, the lead does not
        assertThat(f.budget()).isNotNull();
        assertThat(f.budget().feeBudget()).isEqualTo(Money.of(1_000_000, "EUR"));
        assertThat(block(briefs.feasibility(lead, List.of(v1))).get(v1.id()).budget()).isNull();
    }
}
