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
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Who sees which alert. Agency A has a capacity alert (one person at 40 % on its client next month) and
 * money alerts (a 100 € balance and a 5,000 € payroll: cash shortfall, exposure); agency B has its own.
 */
@ApiTest
class AlertSecurityTest {

    @Autowired
    Tenants tenants;
    @Autowired
    TeamService team;
    @Autowired
    ProjectService projects;
    /** The application's clock: "today" is the server's, in Paris, whatever the machine's clock says. */
    @Autowired
    TestClock clock;

    Tenants.Tenant a;
    Tenants.Tenant b;

    @BeforeEach
    void twoAgenciesWithAlerts() {
        a = tenants.create("Alert Agency A");
        b = tenants.create("Alert Agency B");
        raiseAlerts(a);
        raiseAlerts(b);
    }

    @Test
    void ownerAndFinanceSeeEveryKindTheLeadOnlyPeopleAndBriefsTheClientNone() {
        List<Object> ownerKinds = kinds(tenants.as(a, Role.OWNER));
        assertThat(ownerKinds).contains("CAPACITY_CONCENTRATION", "CASH_SHORTFALL", "EXPOSURE_LIMIT");
        assertThat(kinds(tenants.as(a, Role.FINANCE))).containsExactlyInAnyOrderElementsOf(ownerKinds);
        assertThat(kinds(tenants.as(a, Role.LEAD))).containsExactly("CAPACITY_CONCENTRATION");

        HttpGraphQlTester lead = tenants.as(a, Role.LEAD);
        // a money alert by id is "not found" for the lead, and cannot be acknowledged
        String cash = idOf(tenants.as(a, Role.OWNER), "CASH_SHORTFALL");
        notFound(lead, cash);
        lead.document(AlertTest.ACKNOWLEDGE).variable("id", cash).variable("v", 0).execute()
                .path("acknowledgeAlert.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // filtering on a money kind gives the lead nothing rather than the money alert
        assertThat(AlertTest.alerts(lead, Map.of("kind", List.of("CASH_SHORTFALL")))).isEmpty();

        HttpGraphQlTester client = tenants.as(a, Role.CLIENT);
        client.document("{ alerts { totalCount } }").execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getErrorType().toString()).contains("FORBIDDEN"));
        notFound(client, idOf(tenants.as(a, Role.OWNER), "CAPACITY_CONCENTRATION"));
        client.document(AlertTest.ACKNOWLEDGE).variable("id", cash).variable("v", 0).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString()).contains("FORBIDDEN"));
        client.document("{ alertThresholds { overdueDays } }").execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getErrorType().toString()).contains("FORBIDDEN"));
    }

    @Test
    void anAgencyNeverSeesAnotherAgencysAlerts() {
        HttpGraphQlTester ownerA = tenants.as(a, Role.OWNER);
        HttpGraphQlTester ownerB = tenants.as(b, Role.OWNER);
        String alertOfB = idOf(ownerB, "CAPACITY_CONCENTRATION");
        List<Object> idsOfA = AlertTest.alerts(ownerA, Map.of("includeSnoozed", true)).stream()
                .map(x -> x.get("id")).toList();
        assertThat(idsOfA).isNotEmpty().doesNotContain(alertOfB);
        notFound(ownerA, alertOfB);
        ownerA.document("query($id: ID!) { nodes(ids: [$id]) { id } }").variable("id", alertOfB)
                .execute().path("nodes[0]").valueIsNull();
        ownerA.document(AlertTest.ACKNOWLEDGE).variable("id", alertOfB).variable("v", 0).execute()
                .path("acknowledgeAlert.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        ownerA.document(AlertTest.SNOOZE).variable("id", alertOfB).variable("v", 0)
                .variable("until", clock.todayInParis().plusDays(5).toString()).execute()
                .path("snoozeAlert.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // B's alert is untouched, and B's list filtered on A's client finds nothing
        ownerB.document("query($id: ID!) { node(id: $id) { ... on Alert { status version } } }").variable("id", alertOfB)
                .execute().path("node.status").entity(String.class).isEqualTo("OPEN")
                .path("node.version").entity(Long.class).isEqualTo(0L);
        assertThat(AlertTest.alerts(ownerB, Map.of("clientId", GlobalId.of("Client", a.ownClient().id().value()))))
                .isEmpty();
    }

    private void raiseAlerts(Tenants.Tenant tenant) {
        LocalDate today = clock.todayInParis();
        LocalDate nextMonth = today.plusMonths(1).withDayOfMonth(1);
        TeamMember person = team.create(tenant.owner(), new TeamMemberDraft("A", null, List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(Duration.ofSeconds(5));
        Project p = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                today.minusMonths(1), null, null, Money.of(1_000_000, "EUR"), null)).block(Duration.ofSeconds(5));
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document("""
                        mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 10000}}) {
                          userErrors { code } } }""").variable("d", today.minusDays(1).toString()).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        owner.document(AlertTest.ALLOCATE).variable("m", GlobalId.of("TeamMember", person.id().value()))
                .variable("p", GlobalId.of("Project", p.id().value())).variable("s", 40)
                .variable("from", nextMonth.toString()).variable("to", nextMonth.plusMonths(1).minusDays(1).toString())
                .execute().path("createAllocation.userErrors").entityList(Object.class).hasSize(0);
    }

    /** {@code node(id:)} answers as for an id that does not exist. */
    private static void notFound(HttpGraphQlTester as, String id) {
        as.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("node").valueIsNull();
    }

    private static List<Object> kinds(HttpGraphQlTester as) {
        return AlertTest.alerts(as, null).stream().map(x -> x.get("kind")).toList();
    }

    private static String idOf(HttpGraphQlTester as, String kind) {
        return (String) AlertTest.alerts(as, Map.of("kind", List.of(kind))).get(0).get("id");
    }
}
