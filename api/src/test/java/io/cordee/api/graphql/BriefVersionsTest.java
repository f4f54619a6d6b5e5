package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The brief operations of issue 19 (ADR 0060) on the real database: starting the next version from the current
 * one, the live feasibility of unsaved requirements, and applying the feasibility's suggestion; bad input,
 * stale versions, roles and tenants.
 *
 * <p>The hand-worked agency: one person at 1.0 FTE, 100 % on the project from M (the Monday after next, so
 * that nothing depends on the weekday the test runs; the days before M give no capacity) for ten weeks; no
 * public holidays. The brief launches on M + 25, a Friday: four weeks of five working days = 20 person-days
 * of capacity. Requirements: Catalogue MUST 13, Paiement SHOULD 6, Recherche SHOULD 5, Avis COULD 3.
 * <ul>
 *   <li>scope = Must + Should = 13 + 6 + 5 = 24; ratio 24 ÷ 20 = 1.2 → UNREALISTIC;</li>
 *   <li>to drop: the target is 0.85 × 20 = 17; 24 − 6 (Paiement, the largest Should) = 18 > 17, − 5 (Recherche)
 *       = 13 ≤ 17 → drop Paiement and Recherche;</li>
 *   <li>earliest realistic launch: 24 ÷ 0.85 = 28.24 person-days, so the 29th working day from M: five weeks
 *       give 25 (to M + 32), then M + 35, 36, 37, 38 → M + 38, a Thursday.</li>
 * </ul>
 */
@ApiTest
class BriefVersionsTest {

    static final String START = """
            mutation($id: ID!, $v: Long!) { startBriefVersion(input: {id: $id, version: $v}) {
              briefVersion { id number status version launchDate objectives requirements { key title priority estimateDays }
                signatures { party } }
              userErrors { field message code } } }""";
    static final String APPLY = """
            mutation($id: ID!, $v: Long!, $s: FeasibilitySuggestion!) { applyFeasibilitySuggestion(input: {id: $id,
              version: $v, suggestion: $s}) {
              briefVersion { id number status version launchDate requirements { title priority estimateDays }
                feasibility { verdict ratio scopeDays capacityDays } }
              userErrors { field message code } } }""";
    static final String PREVIEW = """
            query($in: PreviewBriefFeasibilityInput!) { previewBriefFeasibility(input: $in) {
              feasibility { verdict ratio scopeDays capacityDays launchDate earliestRealisticLaunch
                drop { requirement { key title } } budget { scopeValue { amountMinor } } }
              userErrors { field message code } } }""";
    static final String CURRENT = """
            query($id: ID!) { brief(id: $id) { versions { id number status version }
              currentVersion { id number status version launchDate requirements { key title priority estimateDays }
                feasibility { verdict ratio scopeDays capacityDays earliestRealisticLaunch drop { requirement { title } } } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    ProjectService projects;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;
    @Autowired
    TestClock clock;

    Tenants.Tenant tenant;
    HttpGraphQlTester lead;
    HttpGraphQlTester owner;
    LocalDate m;
    String briefId;
    String v1;

    @BeforeEach
    void agencyWithAnUnrealisticBrief() {
        tenant = tenants.create("Atelier Versions");
        LocalDate today = clock.todayInParis();
        m = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        Project project = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                today.minusDays(10), null, null, Money.of(1_200_000, "EUR"), null)).block(Duration.ofSeconds(5));
        TeamMember a = team.create(tenant.owner(), new TeamMemberDraft("A", null, List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(Duration.ofSeconds(5));
        staffing.create(tenant.owner(), new AllocationDraft(a.id(), project.id(), 100, m, m.plusDays(69)))
                .block(Duration.ofSeconds(5));
        lead = tenants.as(tenant, Role.LEAD);
        owner = tenants.as(tenant, Role.OWNER);
        briefId = lead.document("""
                        mutation($in: CreateBriefInput!) { createBrief(input: $in) { brief { id currentVersion { id } }
                          userErrors { code } } }""")
                .variable("in", Map.of("projectId", GlobalId.of("Project", project.id().value()), "title", "Refonte",
                        "launchDate", m.plusDays(25).toString(), "objectives", List.of("Vendre en ligne"),
                        "requirements", List.of(req("catalogue", "Catalogue", "MUST", "13"),
                                req("paiement", "Paiement", "SHOULD", "6"), req("recherche", "Recherche", "SHOULD", "5"),
                                req("avis", "Avis", "COULD", "3"))))
                .execute().path("createBrief.userErrors").entityList(Object.class).hasSize(0)
                .path("createBrief.brief.id").entity(String.class).get();
        v1 = lead.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.feasibility.verdict").entity(String.class).isEqualTo("UNREALISTIC")
                .path("brief.currentVersion.feasibility.ratio").entity(Double.class).isEqualTo(1.2)
                .path("brief.currentVersion.id").entity(String.class).get();
    }

    @Test
    void aNewVersionFromADraftCopiesItAndTheOldOneCanNoLongerBeChanged() {
        lead.document(START).variable("id", v1).variable("v", 0).execute()
                .path("startBriefVersion.userErrors").entityList(Object.class).hasSize(0)
                .path("startBriefVersion.briefVersion.number").entity(Integer.class).isEqualTo(2)
                .path("startBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT")
                .path("startBriefVersion.briefVersion.version").entity(Long.class).isEqualTo(0L)
                .path("startBriefVersion.briefVersion.launchDate").entity(String.class).isEqualTo(m.plusDays(25).toString())
                .path("startBriefVersion.briefVersion.objectives").entityList(String.class).containsExactly("Vendre en ligne")
                .path("startBriefVersion.briefVersion.requirements[*].key").entityList(String.class)
                .containsExactly("catalogue", "paiement", "recherche", "avis")
                .path("startBriefVersion.briefVersion.requirements[*].estimateDays").entityList(String.class)
                .containsExactly("13", "6", "5", "3");
        owner.document(CURRENT).variable("id", briefId).execute()
                .path("brief.versions[*].number").entityList(Integer.class).containsExactly(1, 2)
                .path("brief.versions[*].status").entityList(String.class).containsExactly("DRAFT", "DRAFT")
                // the version it came from moved: an edit read before is refused, not written to an old version
                .path("brief.versions[0].version").entity(Long.class).isEqualTo(1L);
        String v2 = owner.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.id").entity(String.class).get();
        // the diff of the two: nothing changed yet
        owner.document("""
                        query($a: ID!, $b: ID!) { compareBriefVersions(from: $a, to: $b) { added { key } removed { key }
                          changed { key } } }""").variable("a", v1).variable("b", v2).execute()
                .path("compareBriefVersions.added").entityList(Object.class).hasSize(0)
                .path("compareBriefVersions.removed").entityList(Object.class).hasSize(0)
                .path("compareBriefVersions.changed").entityList(Object.class).hasSize(0);

        // version 1 is no longer the current one: neither edited, signed nor started again
        lead.document("""
                        mutation($id: ID!) { updateBriefVersion(input: {id: $id, version: 1, objectives: ["Autre"]}) {
                          userErrors { field code } } }""").variable("id", v1).execute()
                .path("updateBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("STALE_VERSION");
        lead.document(START).variable("id", v1).variable("v", 1).execute()
                .path("startBriefVersion.briefVersion").valueIsNull()
                .path("startBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("STALE_VERSION");
        // a stale read of the current one is a conflict
        lead.document(START).variable("id", v2).variable("v", 3).execute()
                .path("startBriefVersion.briefVersion").valueIsNull()
                .path("startBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertVersions(2);
    }

    @Test
    void aNewVersionFromAnAgreedOneLeavesItAgreed() {
        sign(lead, v1);
        sign(tenants.as(tenant, Role.CLIENT), v1);
        owner.document(START).variable("id", v1).variable("v", 1).execute()
                .path("startBriefVersion.userErrors").entityList(Object.class).hasSize(0)
                .path("startBriefVersion.briefVersion.number").entity(Integer.class).isEqualTo(2)
                .path("startBriefVersion.briefVersion.signatures").entityList(Object.class).hasSize(0);
        owner.document(CURRENT).variable("id", briefId).execute()
                .path("brief.versions[*].status").entityList(String.class).containsExactly("AGREED", "DRAFT");
    }

    @Test
    void onlyWhoWritesBriefsStartsVersionsPreviewsAndAppliesAndNeverAcrossAgencies() {
        for (Role role : List.of(Role.FINANCE, Role.CLIENT)) {
            HttpGraphQlTester as = tenants.as(tenant, role);
            as.document(START).variable("id", v1).variable("v", 0).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
            as.document(APPLY).variable("id", v1).variable("v", 0).variable("s", "MOVE_LAUNCH").execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
            as.document(PREVIEW).variable("in", Map.of("briefId", briefId)).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
        // another agency's owner, with this agency's ids: not found, nothing written
        HttpGraphQlTester stranger = tenants.as(tenants.create("Atelier Voisin"), Role.OWNER);
        stranger.document(START).variable("id", v1).variable("v", 0).execute()
                .path("startBriefVersion.briefVersion").valueIsNull()
                .path("startBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        stranger.document(APPLY).variable("id", v1).variable("v", 0).variable("s", "DROP_REQUIREMENTS").execute()
                .path("applyFeasibilitySuggestion.briefVersion").valueIsNull()
                .path("applyFeasibilitySuggestion.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        stranger.document(PREVIEW).variable("in", Map.of("briefId", briefId)).execute()
                .path("previewBriefFeasibility.feasibility").valueIsNull()
                .path("previewBriefFeasibility.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertVersions(1);
        lead.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.version").entity(Long.class).isEqualTo(0L)
                .path("brief.currentVersion.requirements[*].priority").entityList(String.class)
                .containsExactly("MUST", "SHOULD", "SHOULD", "COULD");
    }

    @Test
    void thePreviewComputesUnsavedRequirementsAndWritesNothing() {
        // Paiement at 2 instead of 6: scope 13 + 2 + 5 = 20, ratio 20 ÷ 20 = 1.0 → TIGHT; target 17: dropping
        // Recherche (5, now the largest Should) gives 15 ≤ 17; 20 ÷ 0.85 = 23.53 → the 24th working day from
        // M: four weeks give 20 (to M + 25), then M + 28, 29, 30, 31 → M + 31
        List<Map<String, Object>> pending = List.of(req("catalogue", "Catalogue", "MUST", "13"),
                req("paiement", "Paiement", "SHOULD", "2"), req("recherche", "Recherche", "SHOULD", "5"),
                req("avis", "Avis", "COULD", "3"));
        lead.document(PREVIEW).variable("in", Map.of("briefId", briefId, "requirements", pending)).execute()
                .path("previewBriefFeasibility.userErrors").entityList(Object.class).hasSize(0)
                .path("previewBriefFeasibility.feasibility.scopeDays").entity(Double.class).isEqualTo(20.0)
                .path("previewBriefFeasibility.feasibility.capacityDays").entity(Double.class).isEqualTo(20.0)
                .path("previewBriefFeasibility.feasibility.ratio").entity(Double.class).isEqualTo(1.0)
                .path("previewBriefFeasibility.feasibility.verdict").entity(String.class).isEqualTo("TIGHT")
                .path("previewBriefFeasibility.feasibility.drop[*].requirement.key").entityList(String.class)
                .containsExactly("recherche")
                .path("previewBriefFeasibility.feasibility.earliestRealisticLaunch").entity(String.class)
                .isEqualTo(m.plusDays(31).toString())
                // a lead sees days, never money
                .path("previewBriefFeasibility.feasibility.budget").valueIsNull();
        // the saved requirements with a launch on M + 38: 29 working days; 24 ÷ 29 = 0.8276 → REALISTIC
        lead.document(PREVIEW).variable("in", Map.of("briefId", briefId, "launchDate", m.plusDays(38).toString()))
                .execute()
                .path("previewBriefFeasibility.feasibility.capacityDays").entity(Double.class).isEqualTo(29.0)
                .path("previewBriefFeasibility.feasibility.ratio").entity(Double.class).isEqualTo(0.8276)
                .path("previewBriefFeasibility.feasibility.verdict").entity(String.class).isEqualTo("REALISTIC");
        // the owner sees the scope priced: 24 days at A's 600.00 a day = 14,400.00
        owner.document(PREVIEW).variable("in", Map.of("briefId", briefId)).execute()
                .path("previewBriefFeasibility.feasibility.budget.scopeValue.amountMinor").entity(Long.class)
                .isEqualTo(1_440_000L);

        // bad input is a typed error next to its field
        lead.document(PREVIEW).variable("in", Map.of("briefId", briefId, "requirements",
                        List.of(req("catalogue", "Catalogue", "MUST", "beaucoup")))).execute()
                .path("previewBriefFeasibility.feasibility").valueIsNull()
                .path("previewBriefFeasibility.userErrors[0].field").entityList(String.class)
                .containsExactly("requirements", "0", "estimateDays")
                .path("previewBriefFeasibility.userErrors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT");
        lead.document(PREVIEW).variable("in", Map.of("briefId", briefId, "launchDate",
                        clock.todayInParis().minusMonths(1).toString())).execute()
                .path("previewBriefFeasibility.feasibility").valueIsNull()
                .path("previewBriefFeasibility.userErrors[0].field").entityList(String.class).containsExactly("launchDate");
        // nothing of it was written
        lead.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.version").entity(Long.class).isEqualTo(0L)
                .path("brief.currentVersion.requirements[*].estimateDays").entityList(String.class)
                .containsExactly("13", "6", "5", "3")
                .path("brief.currentVersion.feasibility.ratio").entity(Double.class).isEqualTo(1.2);
    }

    @Test
    void droppingTheSuggestedShouldsMakesThemWontAndTheBriefRealistic() {
        // Paiement and Recherche become WONT: scope 13, 13 ÷ 20 = 0.65 → REALISTIC
        lead.document(APPLY).variable("id", v1).variable("v", 0).variable("s", "DROP_REQUIREMENTS").execute()
                .path("applyFeasibilitySuggestion.userErrors").entityList(Object.class).hasSize(0)
                .path("applyFeasibilitySuggestion.briefVersion.number").entity(Integer.class).isEqualTo(1)
                .path("applyFeasibilitySuggestion.briefVersion.version").entity(Long.class).isEqualTo(1L)
                .path("applyFeasibilitySuggestion.briefVersion.requirements[*].priority").entityList(String.class)
                .containsExactly("MUST", "WONT", "WONT", "COULD")
                .path("applyFeasibilitySuggestion.briefVersion.requirements[*].estimateDays").entityList(String.class)
                .containsExactly("13", "6", "5", "3")
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.scopeDays").entity(Double.class).isEqualTo(13.0)
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.ratio").entity(Double.class).isEqualTo(0.65)
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.verdict").entity(String.class)
                .isEqualTo("REALISTIC");
        // realistic now: there is nothing left to apply, and a stale version is a conflict
        lead.document(APPLY).variable("id", v1).variable("v", 1).variable("s", "MOVE_LAUNCH").execute()
                .path("applyFeasibilitySuggestion.briefVersion").valueIsNull()
                .path("applyFeasibilitySuggestion.userErrors[0].field").entityList(String.class).containsExactly("suggestion")
                .path("applyFeasibilitySuggestion.userErrors[0].code").entity(String.class)
                .isEqualTo("NO_FEASIBILITY_SUGGESTION");
        lead.document(APPLY).variable("id", v1).variable("v", 0).variable("s", "MOVE_LAUNCH").execute()
                .path("applyFeasibilitySuggestion.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
    }

    @Test
    void movingTheLaunchToTheEarliestRealisticDate() {
        // M + 38: 29 working days; 24 ÷ 29 = 0.8276 → REALISTIC, requirements untouched
        owner.document(APPLY).variable("id", v1).variable("v", 0).variable("s", "MOVE_LAUNCH").execute()
                .path("applyFeasibilitySuggestion.userErrors").entityList(Object.class).hasSize(0)
                .path("applyFeasibilitySuggestion.briefVersion.launchDate").entity(String.class)
                .isEqualTo(m.plusDays(38).toString())
                .path("applyFeasibilitySuggestion.briefVersion.requirements[*].priority").entityList(String.class)
                .containsExactly("MUST", "SHOULD", "SHOULD", "COULD")
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.capacityDays").entity(Double.class).isEqualTo(29.0)
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.ratio").entity(Double.class).isEqualTo(0.8276)
                .path("applyFeasibilitySuggestion.briefVersion.feasibility.verdict").entity(String.class)
                .isEqualTo("REALISTIC");
    }

    @Test
    void whenTheMustsAloneDoNotFitDroppingShouldsIsNoSuggestion() {
        // Catalogue at 30: 30 > 17 even without Shoulds: no requirement to drop; the launch can still move
        lead.document("""
                        mutation($id: ID!) { updateBriefVersion(input: {id: $id, version: 0, requirements: [
                          {key: "catalogue", title: "Catalogue", priority: MUST, estimateDays: "30"}]}) { userErrors { code } } }""")
                .variable("id", v1).execute().path("updateBriefVersion.userErrors").entityList(Object.class).hasSize(0);
        lead.document(APPLY).variable("id", v1).variable("v", 1).variable("s", "DROP_REQUIREMENTS").execute()
                .path("applyFeasibilitySuggestion.briefVersion").valueIsNull()
                .path("applyFeasibilitySuggestion.userErrors[0].code").entity(String.class)
                .isEqualTo("NO_FEASIBILITY_SUGGESTION");
        lead.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.version").entity(Long.class).isEqualTo(1L);
    }

    // ---- helpers

    private void sign(HttpGraphQlTester as, String versionId) {
        long version = owner.document(CURRENT).variable("id", briefId).execute()
                .path("brief.currentVersion.version").entity(Long.class).get();
        as.document("""
                        mutation($id: ID!, $v: Long!) { signBriefVersion(input: {id: $id, version: $v}) { userErrors { code } } }""")
                .variable("id", versionId).variable("v", version).execute()
                .path("signBriefVersion.userErrors").entityList(Object.class).hasSize(0);
    }

    private void assertVersions(int count) {
        owner.document(CURRENT).variable("id", briefId).execute()
                .path("brief.versions").entityList(Object.class).hasSize(count);
    }

    private static Map<String, Object> req(String key, String title, String priority, String estimate) {
        return Map.of("key", key, "title", title, "priority", priority, "estimateDays", estimate);
    }
}
