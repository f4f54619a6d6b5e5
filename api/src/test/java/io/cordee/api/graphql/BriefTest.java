package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.UserRepository;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Briefs over GraphQL on the real database: versions, sign-off, feasibility, and who may see and do what. */
@ApiTest
class BriefTest {

    static final String CREATE = """
            mutation($in: CreateBriefInput!) { createBrief(input: $in) {
              brief { id title currentVersion { id number status version } }
              userErrors { field message code } } }""";
    static final String UPDATE = """
            mutation($in: UpdateBriefVersionInput!) { updateBriefVersion(input: $in) {
              briefVersion { id number status version objectives launchDate
                requirements { key title priority estimateDays } signatures { party } }
              userErrors { field message code } } }""";
    static final String SIGN = """
            mutation($id: ID!, $v: Long!) { signBriefVersion(input: {id: $id, version: $v}) {
              briefVersion { id number status version signatures { party signedBy signedAt versionNumber } }
              userErrors { field message code } } }""";
    static final String VERSIONS = """
            query($id: ID!) { brief(id: $id) { title versions { id number status version
              requirements { key title priority estimateDays } signatures { party versionNumber } } } }""";

    @Autowired
    Tenants tenants;
    /** The application's clock: "today" is the server's, in Paris, whatever the machine's clock says. */
    @Autowired
    TestClock clock;
    @Autowired
    ProjectService projects;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    WebTestClient web;
    @Autowired
    BriefService briefs;
    @Autowired
    UserRepository users;

    Tenants.Tenant tenant;
    HttpGraphQlTester lead;
    HttpGraphQlTester client;
    Project project;
    String projectId;

    @BeforeEach
    void agencyWithAProject() {
        tenant = tenants.create("Brief Agency");
        project = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                today().minusDays(10), null, null, Money.of(1_200_000, "EUR"), null)).block(Duration.ofSeconds(5));
        projectId = GlobalId.of("Project", project.id().value());
        lead = tenants.as(tenant, Role.LEAD);
        client = tenants.as(tenant, Role.CLIENT);
    }

    @Test
    void signOffAgreesAVersionAndAnyLaterEditIsANewVersion() {
        String briefId = createBrief(lead, projectId, "Refonte", List.of(
                requirement("Catalogue", "MUST", "10"), requirement("Recherche", "SHOULD", "8")));
        Map<String, Object> v1 = current(briefId);
        String v1Id = (String) v1.get("id");
        assertThat(v1).containsEntry("number", 1).containsEntry("status", "DRAFT");

        // the agency signs the draft; the client has not: still a draft
        sign(lead, v1Id, 0).path("signBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT")
                .path("signBriefVersion.briefVersion.signatures[*].party").entityList(String.class)
                .containsExactly("AGENCY")
                .path("signBriefVersion.briefVersion.signatures[0].signedBy").entity(String.class)
                .isEqualTo("LEAD user")
                .path("signBriefVersion.briefVersion.signatures[0].versionNumber").entity(Integer.class).isEqualTo(1);

        // an edit of the signed draft changes it in place and clears the agency's signature
        // (a signature does not change the version: the text is the same)
        lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 0, "objectives", List.of("Vendre en ligne")))
                .execute()
                .path("updateBriefVersion.briefVersion.number").entity(Integer.class).isEqualTo(1)
                .path("updateBriefVersion.briefVersion.version").entity(Long.class).isEqualTo(1L)
                .path("updateBriefVersion.briefVersion.signatures").entityList(Object.class).hasSize(0)
                .path("updateBriefVersion.briefVersion.requirements[*].title").entityList(String.class)
                .containsExactly("Catalogue", "Recherche");

        // a client signing the text they read before the edit is refused: they must sign what is written now
        sign(client, v1Id, 0).path("signBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");

        sign(lead, v1Id, 1).path("signBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT");
        sign(client, v1Id, 1)
                .path("signBriefVersion.userErrors").entityList(Object.class).hasSize(0)
                .path("signBriefVersion.briefVersion.status").entity(String.class).isEqualTo("AGREED")
                .path("signBriefVersion.briefVersion.signatures[*].party").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("AGENCY", "CLIENT"))
                .path("signBriefVersion.briefVersion.version").entity(Long.class).isEqualTo(2L);
        // the agreement changed the version (1 → 2); signing an agreed version again is refused
        sign(lead, v1Id, 2).path("signBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");

        // editing the agreed version 1 creates version 2, a draft copied from it with the change
        String key = lead.document(VERSIONS).variable("id", briefId).execute()
                .path("brief.versions[0].requirements[0].key").entity(String.class).get();
        String v2Id = lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 2, "requirements", List.of(
                        Map.of("key", key, "title", "Catalogue", "priority", "MUST", "estimateDays", "12.5"),
                        requirement("Paiement", "MUST", "5"))))
                .execute()
                .path("updateBriefVersion.briefVersion.number").entity(Integer.class).isEqualTo(2)
                .path("updateBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT")
                .path("updateBriefVersion.briefVersion.objectives").entityList(String.class)
                .containsExactly("Vendre en ligne")
                .path("updateBriefVersion.briefVersion.id").entity(String.class).get();
        lead.document(VERSIONS).variable("id", briefId).execute()
                .path("brief.versions[*].status").entityList(String.class).containsExactly("AGREED", "DRAFT")
                .path("brief.versions[0].requirements[*].estimateDays").entityList(String.class)
                .containsExactly("10", "8");

        lead.document("""
                        query($a: ID!, $b: ID!) { compareBriefVersions(from: $a, to: $b) {
                          from { number } to { number } added { title } removed { title }
                          changed { key changes { field before after } } } }""")
                .variable("a", v1Id).variable("b", v2Id).execute()
                .path("compareBriefVersions.to.number").entity(Integer.class).isEqualTo(2)
                .path("compareBriefVersions.added[*].title").entityList(String.class).containsExactly("Paiement")
                .path("compareBriefVersions.removed[*].title").entityList(String.class).containsExactly("Recherche")
                .path("compareBriefVersions.changed[0].key").entity(String.class).isEqualTo(key)
                .path("compareBriefVersions.changed[0].changes[0].field").entity(String.class).isEqualTo("estimateDays")
                .path("compareBriefVersions.changed[0].changes[0].before").entity(String.class).isEqualTo("10")
                .path("compareBriefVersions.changed[0].changes[0].after").entity(String.class).isEqualTo("12.5");

        // version 1 is no longer the current one: neither signed nor edited
        sign(client, v1Id, 2).path("signBriefVersion.userErrors[0].code").entity(String.class)
                .isEqualTo("STALE_VERSION");
        lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 2, "objectives", List.of("x"))).execute()
                .path("updateBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("STALE_VERSION");

        // both sign version 2: it is agreed and version 1 superseded
        sign(client, v2Id, 0).path("signBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT");
        sign(lead, v2Id, 0).path("signBriefVersion.briefVersion.status").entity(String.class).isEqualTo("AGREED");
        lead.document(VERSIONS).variable("id", briefId).execute()
                .path("brief.versions[*].status").entityList(String.class).containsExactly("SUPERSEDED", "AGREED");

        // an edit after agreement (version 2 is now at 1): version 3, a draft; signing version 2 now is stale
        lead.document(UPDATE).variable("in", Map.of("id", v2Id, "version", 1, "outOfScope", List.of("Application")))
                .execute()
                .path("updateBriefVersion.briefVersion.number").entity(Integer.class).isEqualTo(3)
                .path("updateBriefVersion.briefVersion.status").entity(String.class).isEqualTo("DRAFT")
                .path("updateBriefVersion.briefVersion.requirements[*].title").entityList(String.class)
                .containsExactly("Catalogue", "Paiement");
        sign(client, v2Id, 1).path("signBriefVersion.userErrors[0].code").entity(String.class)
                .isEqualTo("STALE_VERSION");
        lead.document(VERSIONS).variable("id", briefId).execute()
                .path("brief.versions[*].status").entityList(String.class)
                .containsExactly("SUPERSEDED", "AGREED", "DRAFT")
                .path("brief.versions[2].signatures").entityList(Object.class).hasSize(0);
    }

    @Test
    void twoPartiesSigningAtOnceAgreeTheVersion() {
        String briefId = createBrief(lead, projectId, "Refonte", List.of(requirement("Catalogue", "MUST", "10")));
        BriefVersionId id = new BriefVersionId(GlobalId.decode((String) current(briefId).get("id"), "BriefVersion",
                "id"));
        Caller clientCaller = users.findByEmail(tenant.email(Role.CLIENT)).block(Duration.ofSeconds(5)).asCaller();
        // both read version 0 and sign together: the draft's row lock takes them one after the other
        Mono.zip(briefs.sign(tenant.owner(), id, 0), briefs.sign(clientCaller, id, 0)).block(Duration.ofSeconds(10));
        assertThat(current(briefId)).containsEntry("status", "AGREED");
    }

    @Test
    void aStaleEditIsAConflictAndWritesNothing() {
        String briefId = createBrief(lead, projectId, "Refonte", List.of(requirement("Catalogue", "MUST", "10")));
        String v1Id = (String) current(briefId).get("id");
        lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 0, "objectives", List.of("A"))).execute()
                .path("updateBriefVersion.briefVersion.version").entity(Long.class).isEqualTo(1L);
        lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 0, "objectives", List.of("B"),
                        "requirements", List.of())).execute()
                .path("updateBriefVersion.briefVersion").valueIsNull()
                .path("updateBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        lead.document("query($id: ID!) { brief(id: $id) { currentVersion { objectives version requirements { title } } } }")
                .variable("id", briefId).execute()
                .path("brief.currentVersion.objectives").entityList(String.class).containsExactly("A")
                .path("brief.currentVersion.version").entity(Long.class).isEqualTo(1L)
                .path("brief.currentVersion.requirements[*].title").entityList(String.class).containsExactly("Catalogue");
    }

    @Test
    void badInputGetsUserErrorsAndWritesNothing() {
        assertCreateRefused(Map.of("projectId", projectId, "title", "B",
                "requirements", List.of(requirement("Catalogue", "MUST", "-3"))),
                List.of("requirements", "0", "estimateDays"), "OUT_OF_RANGE");
        assertCreateRefused(Map.of("projectId", projectId, "title", "B",
                "requirements", List.of(requirement("", "MUST", "3"))),
                List.of("requirements", "0", "title"), "REQUIRED");
        assertCreateRefused(Map.of("projectId", projectId, "title", "B",
                "requirements", List.of(requirement("Catalogue", "MUST", "3.125"))),
                List.of("requirements", "0", "estimateDays"), "INVALID_FORMAT");
        assertCreateRefused(Map.of("projectId", projectId, "title", "B",
                "launchDate", project.startDate().minusDays(1).toString()),
                List.of("launchDate"), "INVALID_DATE_ORDER");
        assertCreateRefused(Map.of("projectId", projectId, "title", "B", "objectives", List.of("x".repeat(100_000))),
                List.of("objectives", "0"), "TOO_LONG");
        // an unknown priority never reaches a resolver: GraphQL refuses the document
        lead.document("""
                        mutation($p: ID!) { createBrief(input: {projectId: $p, title: "B",
                          requirements: [{title: "Catalogue", priority: VITAL, estimateDays: "3"}]}) { brief { id } } }""")
                .variable("p", projectId).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString())
                        .isEqualTo("ValidationError"));
        assertCreateRefused(Map.of("projectId", projectId, "title", "B", "assumptions", List.of("x".repeat(1_000_000))),
                List.of("assumptions", "0"), "TOO_LONG");
        // a 3 MB text field: the request is larger than the server reads (2 MB), refused before anything runs
        web.post().uri("/graphql").cookie("CORDEE_SESSION", tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CREATE, "variables", Map.of("in", Map.of("projectId", projectId,
                        "title", "B", "assumptions", List.of("x".repeat(3_000_000))))))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_LONG")
                .jsonPath("$.errors[0].message").isEqualTo("The request is too large (at most 2 MB)");

        // the same rules on an update of an existing draft, which keeps its content
        String briefId = createBrief(lead, projectId, "Refonte", List.of(requirement("Catalogue", "MUST", "10")));
        String v1Id = (String) current(briefId).get("id");
        lead.document(UPDATE).variable("in", Map.of("id", v1Id, "version", 0,
                        "launchDate", project.startDate().minusDays(1).toString(),
                        "requirements", List.of(requirement("Catalogue", "MUST", "-3"), requirement(" ", "COULD", "1"))))
                .execute()
                .path("updateBriefVersion.briefVersion").valueIsNull()
                .path("updateBriefVersion.userErrors[*].code").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("INVALID_DATE_ORDER", "OUT_OF_RANGE", "REQUIRED"));
        lead.document("{ briefs { totalCount nodes { versions { version launchDate requirements { title estimateDays } } } } }")
                .execute()
                .path("briefs.totalCount").entity(Long.class).isEqualTo(1L)
                .path("briefs.nodes[0].versions[0].version").entity(Long.class).isEqualTo(0L)
                .path("briefs.nodes[0].versions[0].launchDate").valueIsNull()
                .path("briefs.nodes[0].versions[0].requirements[*].estimateDays").entityList(String.class)
                .containsExactly("10");
    }

    @Test
    void aClientSeesAndSignsOnlyTheirOwnClientsBriefsAndEditsNothing() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String ownBrief = createBrief(lead, projectId, "Own brief", List.of(requirement("A", "MUST", "1")));
        String otherClient = owner.document("mutation { createClient(input: {name: \"Other Client\", segment: SME}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        String otherProject = owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Other Project",
                          startDate: "2026-01-05", feeBudget: {amountMinor: 1000000}}) { project { id } } }""")
                .variable("c", otherClient).execute().path("createProject.project.id").entity(String.class).get();
        String otherBrief = createBrief(lead, otherProject, "Other brief", List.of(requirement("B", "MUST", "1")));
        String otherVersion = (String) current(otherBrief).get("id");

        client.document("{ briefs { totalCount nodes { title } } projects { nodes { name briefs { title } } } }").execute()
                .path("briefs.totalCount").entity(Long.class).isEqualTo(1L)
                .path("briefs.nodes[*].title").entityList(String.class).containsExactly("Own brief")
                .path("projects.nodes[*].briefs[*].title").entityList(String.class).containsExactly("Own brief");
        for (String id : List.of(otherBrief, otherVersion)) {
            client.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                            .containsExactly("NOT_FOUND"))
                    .path("node").valueIsNull();
        }
        client.document("query($id: ID!) { brief(id: $id) { title } }").variable("id", otherBrief).execute()
                .path("brief").valueIsNull();
        client.document("query($id: ID!) { briefs(projectId: $id) { totalCount } }").variable("id", otherProject)
                .execute().path("briefs.totalCount").entity(Long.class).isEqualTo(0L);
        client.document("query($a: ID!) { compareBriefVersions(from: $a, to: $a) { added { title } } }")
                .variable("a", otherVersion).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"));
        sign(client, otherVersion, 0).path("signBriefVersion.briefVersion").valueIsNull()
                .path("signBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        // the client reads their brief, all versions, the feasibility verdict and days but no money
        String ownVersion = (String) current(ownBrief).get("id");
        client.document("query($id: ID!) { node(id: $id) { ... on BriefVersion { number brief { title } } } }")
                .variable("id", ownVersion).execute()
                .path("node.brief.title").entity(String.class).isEqualTo("Own brief");
        // the client may only sign: no edit, no new brief
        client.document(UPDATE).variable("in", Map.of("id", ownVersion, "version", 0, "objectives", List.of("x")))
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));
        client.document(CREATE).variable("in", Map.of("projectId", projectId, "title", "Mine")).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));
        // finance reads but does not sign for the agency
        sign(tenants.as(tenant, Role.FINANCE), ownVersion, 0).errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN"));
        sign(client, ownVersion, 0).path("signBriefVersion.briefVersion.signatures[*].party")
                .entityList(String.class).containsExactly("CLIENT");
        lead.document(VERSIONS).variable("id", ownBrief).execute()
                .path("brief.versions[0].signatures[*].party").entityList(String.class).containsExactly("CLIENT");
        lead.document(VERSIONS).variable("id", otherBrief).execute()
                .path("brief.versions[0].version").entity(Long.class).isEqualTo(0L)
                .path("brief.versions[0].signatures").entityList(Object.class).hasSize(0);
    }

    @Test
    void anotherAgencysBriefsAreNotFound() {
        String briefId = createBrief(lead, projectId, "Secret", List.of(requirement("A", "MUST", "1")));
        String versionId = (String) current(briefId).get("id");
        Tenants.Tenant other = tenants.create("Brief Agency B");
        HttpGraphQlTester otherOwner = tenants.as(other, Role.OWNER);
        for (String id : List.of(briefId, versionId)) {
            otherOwner.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                            .containsExactly("NOT_FOUND"));
        }
        otherOwner.document("{ briefs { totalCount } }").execute()
                .path("briefs.totalCount").entity(Long.class).isEqualTo(0L);
        otherOwner.document(CREATE).variable("in", Map.of("projectId", projectId, "title", "Intrusion")).execute()
                .path("createBrief.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        sign(otherOwner, versionId, 0).path("signBriefVersion.userErrors[0].code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        otherOwner.document(UPDATE).variable("in", Map.of("id", versionId, "version", 0, "objectives", List.of("x")))
                .execute().path("updateBriefVersion.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        lead.document(VERSIONS).variable("id", briefId).execute()
                .path("brief.versions[0].version").entity(Long.class).isEqualTo(0L);
    }

    /**
     * A hand-worked example. M is a Monday at least a week ahead; the agency's only public holiday is
     * M + 2 (a Wednesday). A (1.0 FTE, 600 €/day) and B (0.5 FTE, 800 €/day) are on the project from M
     * to M + 39 (six weeks, 30 weekdays, 29 working days), A at 100 %, B at 50 % (0.25 person-day a day):
     * 1.25 person-days per working day.
     * <ul>
     *   <li>launch M + 25, the Friday of week 4: 20 weekdays − 1 holiday = 19 working days → capacity
     *       19 × 1.25 = 23.75;</li>
     *   <li>scope: Must 10 + Should 8 + Should 4.5 = 22.5 (the Could 6 is not counted);
     *       ratio 22.5 ÷ 23.75 = 0.9474 → TIGHT;</li>
     *   <li>drop: realistic is scope ≤ 0.85 × 23.75 = 20.1875; dropping the largest Should (8) leaves
     *       14.5 → drop "Recherche" only;</li>
     *   <li>earliest realistic launch: 22.5 ÷ 0.85 = 26.4706 person-days; 21 working days give 26.25, 22
     *       give 27.5: the 22nd working day is M + 30 (Wednesday of week 5), after the communication
     *       plan on M + 28 → launchAfterCommunicationPlan;</li>
     *   <li>budget: average rate weighted by allocated days to the end of the allocations: A 29 days ×
     *       600 € + B 7.25 days × 800 € = 23,200 € over 36.25 days = 640 €/day; 22.5 × 640 = 14,400 €
     *       against a 12,000 € fee: over budget.</li>
     * </ul>
     */
    @Test
    void feasibilityAgainstAHandWorkedExample() {
        LocalDate m = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        agencies.addHolidays(tenant.agencyId(), Set.of(m.plusDays(2)), "Jour férié").block(Duration.ofSeconds(5));
        TeamMember a = team.create(tenant.owner(), member("A", "1.0", 60_000)).block(Duration.ofSeconds(5));
        TeamMember b = team.create(tenant.owner(), member("B", "0.5", 80_000)).block(Duration.ofSeconds(5));
        staffing.create(tenant.owner(), new AllocationDraft(a.id(), project.id(), 100, m, m.plusDays(39)))
                .block(Duration.ofSeconds(5));
        staffing.create(tenant.owner(), new AllocationDraft(b.id(), project.id(), 50, m, m.plusDays(39)))
                .block(Duration.ofSeconds(5));
        String briefId = lead.document(CREATE).variable("in", Map.of("projectId", projectId, "title", "Refonte",
                        "launchDate", m.plusDays(25).toString(), "communicationPlanDate", m.plusDays(28).toString(),
                        "requirements", List.of(requirement("Catalogue", "MUST", "10"),
                                requirement("Recherche", "SHOULD", "8"), requirement("Favoris", "SHOULD", "4.5"),
                                requirement("Avis", "COULD", "6"))))
                .execute().path("createBrief.brief.id").entity(String.class).get();
        String query = """
                query($id: ID!) { brief(id: $id) { currentVersion { feasibility { asOf launchDate ratio verdict
                  capacityDays scopeDays drop { requirement { title } } earliestRealisticLaunch
                  launchAfterCommunicationPlan budget { scopeValue { amountMinor } feeBudget { amountMinor } overBudget } } } } }""";
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document(query).variable("id", briefId).execute()
                .path("brief.currentVersion.feasibility.asOf").entity(String.class).isEqualTo(today().toString())
                .path("brief.currentVersion.feasibility.capacityDays").entity(Double.class).isEqualTo(23.75)
                .path("brief.currentVersion.feasibility.scopeDays").entity(Double.class).isEqualTo(22.5)
                .path("brief.currentVersion.feasibility.ratio").entity(Double.class).isEqualTo(0.9474)
                .path("brief.currentVersion.feasibility.verdict").entity(String.class).isEqualTo("TIGHT")
                .path("brief.currentVersion.feasibility.drop[*].requirement.title").entityList(String.class)
                .containsExactly("Recherche")
                .path("brief.currentVersion.feasibility.earliestRealisticLaunch").entity(String.class)
                .isEqualTo(m.plusDays(30).toString())
                .path("brief.currentVersion.feasibility.launchAfterCommunicationPlan").entity(Boolean.class)
                .isEqualTo(true)
                .path("brief.currentVersion.feasibility.budget.scopeValue.amountMinor").entity(Long.class)
                .isEqualTo(1_440_000L)
                .path("brief.currentVersion.feasibility.budget.feeBudget.amountMinor").entity(Long.class)
                .isEqualTo(1_200_000L)
                .path("brief.currentVersion.feasibility.budget.overBudget").entity(Boolean.class).isEqualTo(true);
        // a lead and the client see the verdict and the days, never money
        for (HttpGraphQlTester noMoney : List.of(lead, client)) {
            noMoney.document(query).variable("id", briefId).execute()
                    .path("brief.currentVersion.feasibility.verdict").entity(String.class).isEqualTo("TIGHT")
                    .path("brief.currentVersion.feasibility.capacityDays").entity(Double.class).isEqualTo(23.75)
                    .path("brief.currentVersion.feasibility.budget").valueIsNull();
        }
    }

    // ---- helpers

    private String createBrief(HttpGraphQlTester as, String project, String title, List<Map<String, Object>> reqs) {
        return as.document(CREATE).variable("in", Map.of("projectId", project, "title", title, "requirements", reqs))
                .execute()
                .path("createBrief.userErrors").entityList(Object.class).hasSize(0)
                .path("createBrief.brief.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> current(String briefId) {
        return lead.document("query($id: ID!) { brief(id: $id) { currentVersion { id number status version } } }")
                .variable("id", briefId).execute().path("brief.currentVersion").entity(Map.class).get();
    }

    private static HttpGraphQlTester.Response sign(HttpGraphQlTester as, String versionId, long version) {
        return as.document(SIGN).variable("id", versionId).variable("v", version).execute();
    }

    private void assertCreateRefused(Map<String, Object> input, List<String> field, String code) {
        lead.document(CREATE).variable("in", input).execute()
                .path("createBrief.brief").valueIsNull()
                .path("createBrief.userErrors[0].field").entityList(String.class).containsExactly(field.toArray(String[]::new))
                .path("createBrief.userErrors[0].code").entity(String.class).isEqualTo(code);
        lead.document("{ briefs { totalCount } }").execute()
                .path("briefs.totalCount").entity(Long.class).isEqualTo(0L);
    }

    static Map<String, Object> requirement(String title, String priority, String estimate) {
        return Map.of("title", title, "priority", priority, "estimateDays", estimate);
    }

    private static TeamMemberDraft member(String name, String fte, long dayRateMinor) {
        return new TeamMemberDraft(name, null, List.of(), new BigDecimal(fte), Money.of(500_000, "EUR"),
                Money.of(dayRateMinor, "EUR"));
    }

    private LocalDate today() {
        return clock.todayInParis();
    }
}
