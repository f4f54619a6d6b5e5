package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The search box (issue 19 point 7, ADR 0068): names found case- and accent-insensitively, prefix first,
 * bounded, scoped by role and never across agencies. The agency, seeded through the API as its owner:
 * clients "Lumen Studio" and "Café Lumière" beside "Own Client"; projects "Illuminations" (Own Client) and
 * "Lumen Site" (Lumen Studio); the brief "Lumière brief" of Illuminations; a lead renamed "Ludmila Lumineau".
 * Another agency has a client "Lumen Rival".
 */
@ApiTest
class SearchTest {

    static final String SEARCH = """
            query($text: String!, $first: Int) { search(text: $text, first: $first) {
              text hits { kind id title subtitle path } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    StatementCounter counter;

    Tenants.Tenant tenant;
    HttpGraphQlTester owner;
    String lumenStudio;

    @BeforeEach
    void anAgencyWithNamesThatShareLum() {
        tenant = tenants.create("Recherche");
        owner = tenants.as(tenant, Role.OWNER);
        lumenStudio = createClient(owner, "Lumen Studio");
        createClient(owner, "Café Lumière");
        String ownClient = owner.document("{ clients { nodes { id name } } }").execute()
                .path("clients.nodes[?(@.name == 'Own Client')].id").entityList(String.class).get().get(0);
        String illuminations = createProject(ownClient, "Illuminations");
        createProject(lumenStudio, "Lumen Site");
        owner.document("""
                        mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Lumière brief",
                          requirements: [{title: "Catalogue", priority: MUST, estimateDays: "10"}]}) {
                          brief { id } userErrors { code } } }""")
                .variable("p", illuminations).execute().path("createBrief.userErrors").entityList(Object.class).hasSize(0);
        db.sql("UPDATE app_user SET display_name = 'Ludmila Lumineau' WHERE agency_id = :a AND role = 'LEAD'")
                .bind("a", tenant.agencyId().value()).fetch().rowsUpdated().block(Duration.ofSeconds(5));
        createClient(tenants.as(tenants.create("Concurrente"), Role.OWNER), "Lumen Rival");
    }

    @Test
    void theOwnerFindsEveryKindPrefixFirstThenWordStartsThenTheRest() {
        // rank 0 (the name starts with "lum"): lumen site < lumen studio < lumiere brief, by folded name;
        // rank 1 (a word starts with it): cafe lumiere < ludmila lumineau; rank 2 (inside a word): illuminations
        assertThat(titles(owner, "lum", null)).containsExactly("Lumen Site", "Lumen Studio", "Lumière brief",
                "Café Lumière", "Ludmila Lumineau", "Illuminations");
        List<Map<String, Object>> hits = hits(owner, "lum", null);
        assertThat(hits).extracting(h -> h.get("kind"))
                .containsExactly("PROJECT", "CLIENT", "BRIEF", "CLIENT", "PERSON", "PROJECT");
        assertThat(hits.get(0).get("subtitle")).isEqualTo("Lumen Studio");
        assertThat(hits.get(1).get("path")).isEqualTo("/clients/" + lumenStudio);
        assertThat(hits.get(2).get("subtitle")).isEqualTo("Illuminations · Own Client");
        assertThat((String) hits.get(2).get("path")).startsWith("/briefs/");
        assertThat(hits.get(4).get("path")).isEqualTo("/people");
        assertThat((String) hits.get(4).get("subtitle")).startsWith("lead-");
    }

    @Test
    void caseAndAccentsAreIgnoredBothWays() {
        assertThat(titles(owner, "  LUMIÈRE ", null)).containsExactly("Lumière brief", "Café Lumière");
        assertThat(titles(owner, "cafe", null)).containsExactly("Café Lumière");
        assertThat(titles(owner, "CAFÉ LUMIERE", null)).containsExactly("Café Lumière");
        // the LIKE wildcards are text like any other: no name holds them
        assertThat(titles(owner, "%", null)).isEmpty();
        assertThat(titles(owner, "_", null)).isEmpty();
        assertThat(owner.document(SEARCH).variable("text", " lum ").execute().path("search.text")
                .entity(String.class).get()).isEqualTo("lum");
    }

    @Test
    void atMostFirstHits() {
        assertThat(titles(owner, "lum", 2)).containsExactly("Lumen Site", "Lumen Studio");
        assertThat(titles(owner, "lum", 20)).hasSize(6);
    }

    @Test
    void staffBesideTheOwnerFindNoPeopleAndAClientContactOnlyItsOwnProjectsAndBriefs() {
        for (Role role : List.of(Role.FINANCE, Role.LEAD)) {
            assertThat(titles(tenants.as(tenant, role), "lum", null)).as(role.name())
                    .containsExactly("Lumen Site", "Lumen Studio", "Lumière brief", "Café Lumière", "Illuminations");
        }
        HttpGraphQlTester contact = tenants.as(tenant, Role.CLIENT);
        // not Lumen Site (another client's project), no client, no person
        assertThat(hits(contact, "lum", null)).extracting(h -> h.get("title") + " " + h.get("kind") + " " + h.get("path"))
                .containsExactly("Lumière brief BRIEF /portal", "Illuminations PROJECT /portal");
        assertThat(titles(contact, "own client", null)).isEmpty();
        assertThat(titles(contact, "user", null)).isEmpty();
    }

    @Test
    void anotherAgencysRecordsNeverShow() {
        assertThat(titles(owner, "rival", null)).isEmpty();
        HttpGraphQlTester stranger = tenants.as(tenants.create("Étrangère"), Role.OWNER);
        assertThat(titles(stranger, "lum", null)).isEmpty();
        assertThat(titles(stranger, "user", null)).containsExactly("CLIENT user", "FINANCE user", "LEAD user",
                "OWNER user");
    }

    @Test
    void badInputIsATypedErrorNamingTheField() {
        refused("   ", null, "text", "REQUIRED");
        refused("x".repeat(101), null, "text", "TOO_LONG");
        refused("lum", 21, "first", "OUT_OF_RANGE");
        refused("lum", 0, "first", "OUT_OF_RANGE");
        assertThat(titles(owner, "x".repeat(100), null)).isEmpty();
    }

    @Test
    void oneStatementWhateverTheNumberOfHits() {
        List<String> six = counter.fewest(() -> assertThat(titles(owner, "lum", null)).hasSize(6));
        List<String> none = counter.fewest(() -> assertThat(titles(owner, "zzz", null)).isEmpty());
        assertThat(six).hasSameSizeAs(none);
        assertThat(six).filteredOn(s -> s.contains("UNION ALL")).hasSize(1);
    }

    private void refused(String text, Integer first, String field, String code) {
        owner.document(SEARCH).variable("text", text).variable("first", first).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(field + ":");
                    assertThat(e.getExtensions().get("userErrors").toString()).contains(code);
                }));
    }

    private static List<Map<String, Object>> hits(HttpGraphQlTester as, String text, Integer first) {
        return as.document(SEARCH).variable("text", text).variable("first", first).execute()
                .path("search.hits").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    private static List<Object> titles(HttpGraphQlTester as, String text, Integer first) {
        return hits(as, text, first).stream().map(h -> h.get("title")).toList();
    }

    private static String createClient(HttpGraphQlTester as, String name) {
        return as.document("""
                        mutation($n: String!) { createClient(input: {name: $n, segment: SME, paymentTermsDays: 30}) {
                          client { id } userErrors { code } } }""")
                .variable("n", name).execute().path("createClient.client.id").entity(String.class).get();
    }

    private String createProject(String client, String name) {
        return owner.document("""
                        mutation($c: ID!, $n: String!) { createProject(input: {clientId: $c, name: $n, status: ACTIVE,
                          startDate: "2026-01-05", launchDate: "2026-12-14", feeBudget: {amountMinor: 1000000}}) {
                          project { id } userErrors { code } } }""")
                .variable("c", client).variable("n", name).execute().path("createProject.project.id")
                .entity(String.class).get();
    }
}
