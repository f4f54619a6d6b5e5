package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.alert.AlertEvaluations;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.AlertThresholds;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The alerts list with its nested client, project and brief costs the same statements for 2 alerts as for 6. */
@ApiTest
class AlertStatementCountTest {

    private static final String QUERY = """
            { alerts(first: 50) { totalCount nodes { kind client { name } project { name } brief { title } } } }""";

    @Autowired
    Tenants tenants;
    /** The application's clock: "today" is the server's, in Paris, whatever the machine's clock says. */
    @Autowired
    TestClock clock;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;
    @Autowired
    AlertEvaluations evaluations;
    @Autowired
    StatementCounter counter;
    @Autowired
    AlertService alerts;

    @Test
    void nestedFieldsAreBatched() {
        List<String> few = statements(2);
        List<String> many = statements(6);
        assertThat(many).hasSameSizeAs(few);
        // session, count, page, clients batch
        assertThat(many).hasSizeLessThanOrEqualTo(5);
    }

    /**
     * {@code n} clients, each the only client of one of the agency's {@code n} people next month (1/n of the
     * capacity each), and a capacity warning lowered to 10 %: one alert per client.
     */
    private List<String> statements(int n) {
        Tenants.Tenant tenant = tenants.create("Alert Count Agency");
        LocalDate nextMonth = clock.todayInParis().plusMonths(1).withDayOfMonth(1);
        for (int i = 0; i < n; i++) {
            Client c = clients.create(tenant.owner(), new ClientDraft("Client " + i, Segment.SME, 30, List.of(), null))
                    .block(Duration.ofSeconds(5));
            Project p = projects.create(tenant.owner(), c.id(), new ProjectDraft("Project " + i, null, nextMonth, null,
                    null, Money.of(100_000, "EUR"), null)).block(Duration.ofSeconds(5));
            TeamMember m = team.create(tenant.owner(), new TeamMemberDraft("P" + i, null, List.of(), BigDecimal.ONE,
                    Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(Duration.ofSeconds(5));
            staffing.create(tenant.owner(), new AllocationDraft(m.id(), p.id(), 100,
                    nextMonth, nextMonth.plusMonths(1).minusDays(1))).block(Duration.ofSeconds(5));
        }
        alerts.updateThresholds(tenant.owner(), null, t -> new AlertThresholds(10, t.capacityCriticalPercent(),
                t.cashCriticalWeeks(), t.cashWarningWeeks(), t.timeToFirstCashDays(), t.exposurePercentOfOpening(),
                t.overdueDays(), t.overdueCriticalDays(), t.paymentDriftDays(), t.engagementDropPoints(),
                t.engagementWindowDays(), t.commitmentSlipDays())).block(Duration.ofSeconds(5));
        evaluations.request(tenant.agencyId()).block(Duration.ofSeconds(30));
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        return counter.fewest(() -> assertThat(owner.document(QUERY).execute()
                .path("alerts.nodes[*].client.name").entityList(String.class).get()).hasSize(n));
    }
}
