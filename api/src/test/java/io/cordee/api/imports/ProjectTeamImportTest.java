package io.cordee.api.imports;

import static io.cordee.api.imports.ImportReports.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and team members in the spreadsheet import (ADR 56), through the same flow as the other kinds: upload,
 * columns matched from French headers, dry run with counts, issues at their row and column, apply, and the same
 * file again changing nothing; and the job followed by the {@code importJobChanged} subscription.
 */
@ApiTest
class ProjectTeamImportTest {

    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Three projects. Fee budgets in cents: 4 500 000 + 3 000 000 + 0 = 7 500 000. "Société Alpha" is new: created
     * with 30 days, which "Appli mobile" takes (no terms in its row); "Refonte du site" says 45. "own client" is the
     * agency's "Own Client" (30 days), matched whatever the case. Statuses: en cours → ACTIVE, planifié → PLANNED,
     * none → ACTIVE.
     */
    static final String PROJECTS = """
            Client;Projet;Statut;Date de début;Date de lancement;Budget honoraires;Délai de paiement
            Société Alpha;Refonte du site;En cours;01/02/2026;30/06/2026;45 000,00;45
            Société Alpha;Appli mobile;Planifié;2026-04-01;;30 000,00;
            own client;Audit;;15/01/2026;;;
            """;

    /** Two people. Monthly loaded costs in cents: 650 000 + 520 050 = 1 170 050; Bruno works 0,8 and has no rate. */
    static final String TEAM = """
            Nom;Poste;ETP;Coût mensuel chargé;TJM;Date d'arrivée
            Alice Martin;Développeuse;1;6 500,00;650,00;01/09/2024
            Bruno Petit;Designer;0,8;5 200,50;;
            """;

    static final String JOB_FIELDS = """
            status progress { done total }
            report { rows applied issueCount counts { record created updated skipped } issues { row column message code } }""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<WebSocketGraphQlClient> sockets = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @AfterEach
    void closeSockets() {
        sockets.forEach(s -> s.stop().block(Duration.ofSeconds(5)));
    }

    @Test
    void projectsAreCreatedThenSkippedThenUpdatedByClientAndName() {
        Tenants.Tenant tenant = tenants.create("Projects Import Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);

        String id = upload(session, "PROJECTS", PROJECTS.getBytes(CP1252));
        JsonNode dry = dryRun(finance, id);
        assertThat(dry.path("issueCount").asInt()).isZero();
        assertThat(counts(dry)).isEqualTo(Map.of("clients", List.of(1, 0, 0), "projects", List.of(3, 0, 0)));
        assertThat(count(tenant, "project")).as("a dry run writes nothing").isZero();

        assertThat(counts(apply(finance, id).path("report")))
                .isEqualTo(Map.of("clients", List.of(1, 0, 0), "projects", List.of(3, 0, 0)));
        assertThat(projects(tenant)).containsExactly(
                "Own Client/Audit/ACTIVE/2026-01-15/null/0/30",
                "Société Alpha/Appli mobile/PLANNED/2026-04-01/null/3000000/30",
                "Société Alpha/Refonte du site/ACTIVE/2026-02-01/2026-06-30/4500000/45");
        assertThat(db.sql("SELECT sum(fee_budget_minor) FROM project WHERE agency_id = :a")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(7_500_000L);

        // the same file again: nothing created, nothing changed
        String again = upload(session, "PROJECTS", PROJECTS.getBytes(CP1252));
        assertThat(counts(apply(finance, again).path("report"))).isEqualTo(Map.of("projects", List.of(0, 0, 3)));
        assertThat(count(tenant, "project")).isEqualTo(3);
        assertThat(count(tenant, "client")).isEqualTo(2);

        // a new budget for the redesign: 45 000,00 → 50 000,00, that project only is updated
        String changed = upload(session, "PROJECTS", PROJECTS.replace("45 000,00", "50 000,00").getBytes(CP1252));
        assertThat(counts(apply(finance, changed).path("report"))).isEqualTo(Map.of("projects", List.of(0, 1, 2)));
        assertThat(projects(tenant)).contains("Société Alpha/Refonte du site/ACTIVE/2026-02-01/2026-06-30/5000000/45");
    }

    @Test
    void badProjectRowsArePointedAtAndNothingIsWritten() {
        Tenants.Tenant tenant = tenants.create("Bad Projects Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);
        String id = upload(session, "PROJECTS", """
                Client;Projet;Date de début;Date de lancement;Statut
                Société Alpha;Refonte;31/02/2026;;
                Société Alpha;Site;01/05/2026;01/04/2026;
                Société Beta;Web;01/05/2026;;livré
                Société Beta;WEB;02/05/2026;;
                Société Beta;Blog;02/05/2026;;fini
                """.getBytes(CP1252));

        JsonNode job = apply(owner, id);

        assertThat(job.path("status").asString()).isEqualTo("READY");
        List<String> issues = new ArrayList<>();
        job.path("report").path("issues").forEach(i -> issues.add(i.path("row").asInt() + "|"
                + i.path("column").asString() + "|" + i.path("code").asString()));
        // 30 February does not exist; launch before start; "WEB" is "Web" of the same client; "fini" is no status
        assertThat(issues).containsExactly("2|Date de début|INVALID_FORMAT", "3|Date de lancement|OUT_OF_RANGE",
                "5|Projet|INVALID_FORMAT", "6|Statut|INVALID_FORMAT");
        assertThat(count(tenant, "project")).isZero();
        assertThat(count(tenant, "client")).as("only Own Client").isEqualTo(1);
    }

    @Test
    void teamMembersAreKnownByNameAndTheirCostsChangeOnlyWhenTheFileDoes() {
        Tenants.Tenant tenant = tenants.create("Team Import Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);

        String id = upload(session, "TEAM", TEAM.getBytes(CP1252));
        assertThat(counts(dryRun(owner, id))).isEqualTo(Map.of("teamMembers", List.of(2, 0, 0)));
        assertThat(counts(apply(owner, id).path("report"))).isEqualTo(Map.of("teamMembers", List.of(2, 0, 0)));
        assertThat(team(tenant)).containsExactly(
                "Alice Martin/Développeuse/1.00/650000/65000/2024-09-01",
                "Bruno Petit/Designer/0.80/520050/0/null");
        assertThat(db.sql("SELECT sum(monthly_loaded_cost_minor) FROM team_member WHERE agency_id = :a")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1_170_050L);

        String again = upload(session, "TEAM", TEAM.replace("Alice Martin", "ALICE MARTIN")
                .replace("Bruno Petit", "bruno petit").getBytes(CP1252));
        assertThat(counts(apply(owner, again).path("report"))).as("names match whatever the case")
                .isEqualTo(Map.of("teamMembers", List.of(0, 0, 2)));

        // Bruno goes to 0,6: one update; an FTE of 2 is refused at its row and column, and then nothing is written
        String lessTime = upload(session, "TEAM", TEAM.replace(";0,8;", ";0,6;").getBytes(CP1252));
        assertThat(counts(apply(owner, lessTime).path("report"))).isEqualTo(Map.of("teamMembers", List.of(0, 1, 1)));
        String tooMuch = upload(session, "TEAM", TEAM.replace(";1;", ";2;").replace(";0,8;", ";0,5;")
                .getBytes(CP1252));
        JsonNode refused = apply(owner, tooMuch);
        assertThat(refused.path("report").path("issues").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(refused.path("report").path("issues").get(0).path("column").asString()).isEqualTo("ETP");
        assertThat(team(tenant)).containsExactly(
                "Alice Martin/Développeuse/1.00/650000/65000/2024-09-01",
                "Bruno Petit/Designer/0.60/520050/0/null");
    }

    @Test
    void theSubscriptionFollowsTheJobToItsEndAndOnlyForMoneyRolesOfItsAgency() {
        Tenants.Tenant tenant = tenants.create("Progress Agency");
        Tenants.Tenant other = tenants.create("Other Progress Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        String id = upload(session, "PROJECTS", PROJECTS.getBytes(CP1252));
        String document = "subscription($id: ID!) { importJobChanged(id: $id) { " + JOB_FIELDS + " } }";

        reactor.core.publisher.ConnectableFlux<Map<String, Object>> events = socket(session).document(document)
                .variable("id", id).retrieveSubscription("importJobChanged")
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).replay();
        events.connect();
        // the job as it is, at once
        assertThat(events.blockFirst(WAIT)).containsEntry("status", "READY");
        tenants.withToken(session).document("mutation($id: ID!) { applyImport(input: {id: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("applyImport.userErrors").entityList(Object.class).hasSize(0);

        // the stream ends by itself after APPLIED: 1 client (Société Alpha) + 3 projects = 4 records written
        List<Map<String, Object>> seen = events.collectList().block(WAIT);
        Map<String, Object> last = seen.get(seen.size() - 1);
        assertThat(last).containsEntry("status", "APPLIED").containsEntry("progress", Map.of("done", 4, "total", 4));

        // a LEAD may not follow it; another agency's owner does not find it
        assertThat(subscriptionError(tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD), document, id))
                .contains("FORBIDDEN");
        assertThat(subscriptionError(tenants.signIn(other.email(Role.OWNER), Tenants.PASSWORD), document, id))
                .contains("NOT_FOUND");
    }

    private String subscriptionError(String session, String document, String id) {
        try {
            socket(session).document(document).variable("id", id).retrieveSubscription("importJobChanged")
                    .toEntity(Object.class).blockFirst(WAIT);
        } catch (RuntimeException e) {
            return e.getMessage() + " " + (e instanceof org.springframework.graphql.client.SubscriptionErrorException s
                    ? s.getErrors().stream().map(err -> err.getExtensions().get("code") + ": " + err.getMessage())
                    .toList() : "");
        }
        throw new AssertionError("the subscription was not refused");
    }

    private WebSocketGraphQlClient socket(String session) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                new ReactorNettyWebSocketClient()).headers(h -> h.add(HttpHeaders.COOKIE, "CORDEE_SESSION=" + session))
                .build();
        sockets.add(client);
        return client;
    }

    private String upload(String session, String kind, byte[] bytes) {
        String body = web.post().uri("/imports?kind=" + kind + "&fileName=" + kind.toLowerCase() + ".csv")
                .cookie("CORDEE_SESSION", session).contentType(MediaType.parseMediaType("text/csv")).bodyValue(bytes)
                .exchange().expectBody(String.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201))
                .returnResult().getResponseBody();
        return json.readTree(body).path("id").asString();
    }

    private JsonNode dryRun(HttpGraphQlTester tester, String id) {
        Object report = tester.document("mutation($id: ID!) { dryRunImport(input: {id: $id}) { job { " + JOB_FIELDS
                        + " } userErrors { code } } }").variable("id", id).execute()
                .path("dryRunImport.job.report").entity(Object.class).get();
        return json.valueToTree(report);
    }

    /** Applies and waits for the end; the job as it then is. */
    private JsonNode apply(HttpGraphQlTester tester, String id) {
        tester.document("mutation($id: ID!) { applyImport(input: {id: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("applyImport.userErrors").entityList(Object.class).hasSize(0);
        return ImportJobWait.awaitEnd(() -> json.valueToTree(tester.document("query($id: ID!) { importJob(id: $id) { "
                + JOB_FIELDS + " } }").variable("id", id).execute().path("importJob").entity(Object.class).get()));
    }

    private long count(Tenants.Tenant tenant, String table) {
        return AgencyRows.count(db, tenant.agencyId(), table);
    }

    private List<String> projects(Tenants.Tenant tenant) {
        return db.sql("SELECT c.name || '/' || p.name || '/' || p.status || '/' || p.start_date || '/'"
                        + " || coalesce(p.launch_date::text, 'null') || '/' || p.fee_budget_minor || '/'"
                        + " || p.payment_terms_days FROM project p JOIN client c ON c.agency_id = p.agency_id"
                        + " AND c.id = p.client_id WHERE p.agency_id = :a ORDER BY 1")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).all().collectList().block();
    }

    private List<String> team(Tenants.Tenant tenant) {
        return db.sql("SELECT name || '/' || coalesce(job_title, 'null') || '/' || fte || '/'"
                        + " || monthly_loaded_cost_minor || '/' || daily_bill_rate_minor || '/'"
                        + " || coalesce(start_date::text, 'null') FROM team_member WHERE agency_id = :a ORDER BY 1")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).all().collectList().block();
    }
}
