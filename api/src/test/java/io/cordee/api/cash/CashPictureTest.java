package io.cordee.api.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.Segment;
import io.cordee.core.cash.AgencyCashPicture;
import io.cordee.core.cash.CashPictureRepository;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import io.cordee.core.cash.Scenario;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import io.cordee.core.cash.CashForecast;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The agency's cash picture (ADR 47): a fixed number of statements whatever the agency's size, remembered
 * per data version, and forgotten the moment anything writes — even through another connection.
 */
@ApiTest
class CashPictureTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 6);

    @Autowired
    Tenants tenants;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;
    @Autowired
    CashService cash;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    StatementCounter counter;
    @Autowired
    Environment env;

    @Test
    void aWriteThroughAnotherConnectionInvalidatesTheCachedPicture() throws Exception {
        Tenants.Tenant tenant = tenants.create("Picture Cache Agency");
        cash.recordBalance(tenant.owner(), LocalDate.of(2026, 7, 1), Money.of(5_000_000, "EUR"))
                .block(Duration.ofSeconds(5));
        Agency agency = agencies.findById(tenant.agencyId()).block(Duration.ofSeconds(5));

        AgencyCashPicture first = cash.picture(agency, AS_OF).block(Duration.ofSeconds(10));
        counter.reset();
        AgencyCashPicture again = cash.picture(agency, AS_OF).block(Duration.ofSeconds(10));
        // nothing changed: the same picture, for one small statement (the data version)
        assertThat(again).isSameAs(first);
        assertThat(counter.statements()).hasSize(1).allMatch(sql -> sql.contains("agency_data_version"));
        assertThat(first.forecast(8, Scenario.BASE).opening()).isEqualTo(Money.of(5_000_000, "EUR"));

        // another instance (here: a plain JDBC connection, as psql or a second Cordée would) raises the balance
        try (Connection other = DriverManager.getConnection(env.getProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"));
             PreparedStatement update = other.prepareStatement(
                     "UPDATE bank_balance SET amount_minor = amount_minor + 100000 WHERE agency_id = ?")) {
            update.setObject(1, tenant.agencyId().value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        AgencyCashPicture after = cash.picture(agency, AS_OF).block(Duration.ofSeconds(10));
        assertThat(after).isNotSameAs(first);
        // 50,000.00 + 1,000.00 written by the other connection
        assertThat(after.forecast(8, Scenario.BASE).opening()).isEqualTo(Money.of(5_100_000, "EUR"));
        // and the new picture is the one remembered now
        assertThat(cash.picture(agency, AS_OF).block(Duration.ofSeconds(10))).isSameAs(after);
    }

    @Test
    void aTransactionOfManyRowsIncrementsTheVersionOnce() throws Exception {
        Agency agency = agency(3);
        try (Connection other = DriverManager.getConnection(env.getProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"))) {
            long before = version(other, agency);
            other.setAutoCommit(false);
            try (PreparedStatement update = other.prepareStatement(
                    "UPDATE allocation SET share_percent = 50 WHERE agency_id = ?")) {
                update.setObject(1, agency.id().value());
                assertThat(update.executeUpdate()).isEqualTo(3);
            }
            try (PreparedStatement update = other.prepareStatement(
                    "UPDATE client SET payment_terms_days = 45 WHERE agency_id = ?")) {
                update.setObject(1, agency.id().value());
                assertThat(update.executeUpdate()).isEqualTo(4);
            }
            other.commit();
            // seven rows in two statements, one transaction: one increment
            assertThat(version(other, agency)).isEqualTo(before + 1);
        }
    }

    private static long version(Connection connection, Agency agency) throws Exception {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT version FROM agency_data_version WHERE agency_id = ?")) {
            read.setObject(1, agency.id().value());
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void loadsInTheSameStatementsForOneClientAsForTwenty() {
        Agency small = agency(1);
        Agency large = agency(20);

        List<String> few = statements(small, 1);
        List<String> many = statements(large, 20);

        // the data version, then the picture's own statements (a new agency's picture is never remembered yet)
        assertThat(many).hasSameSizeAs(few).hasSize(1 + CashPictureRepository.STATEMENTS);
    }

    private List<String> statements(Agency agency, int clientsWithWork) {
        counter.reset();
        AgencyCashPicture picture = cash.picture(agency, AS_OF).block(Duration.ofSeconds(10));
        List<String> statements = counter.statements();
        // the tenant's own client plus the ones with work; each of those has one person full time in July
        assertThat(picture.clients()).hasSize(clientsWithWork + 1);
        assertThat(picture.allocations()).hasSize(clientsWithWork);
        assertThat(picture.exposures(8)).hasSize(clientsWithWork);
        return statements;
    }

    @Test
    void aForecastReadsOnlyWhatItNeedsAndAgreesWithTheCompletePicture() {
        Tenants.Tenant tenant = tenants.create("Forecast Picture Agency");
        Agency agency = agency(tenant, 3);
        cash.recordBalance(tenant.owner(), LocalDate.of(2026, 7, 1), Money.of(5_000_000, "EUR"))
                .block(Duration.ofSeconds(5));

        counter.reset();
        CashForecast cold = cash.forecast(tenant.owner(), AS_OF, 8, Scenario.BASE).block(Duration.ofSeconds(10));
        // the agency with its data version, then the forecast picture: no projects, allocations or payment history
        assertThat(counter.statements()).hasSize(1 + CashPictureRepository.FORECAST_STATEMENTS)
                .noneMatch(sql -> sql.contains("FROM allocation") || sql.contains("FROM project"));
        assertThat(cold.opening()).isEqualTo(Money.of(5_000_000, "EUR"));

        // remembered: the same forecast for the agency with its data version only
        counter.reset();
        assertThat(cash.forecast(tenant.owner(), AS_OF, 8, Scenario.BASE).block(Duration.ofSeconds(10)))
                .isSameAs(cold);
        assertThat(counter.statements()).hasSize(1);

        // the complete picture (exposures, alerts, proposals) derives the very same forecast
        AgencyCashPicture complete = cash.picture(agency, AS_OF).block(Duration.ofSeconds(10));
        assertThat(complete.complete()).isTrue();
        assertThat(complete.forecast(8, Scenario.BASE)).isEqualTo(cold);
        assertThat(complete.exposures(8)).hasSize(3);
    }

    @Test
    void aForecastPictureRefusesWhatItDoesNotHold() {
        Tenants.Tenant tenant = tenants.create("Forecast Picture Refusal Agency");
        Agency agency = agency(tenant, 1);
        AgencyCashPicture forecastOnly = AgencyCashPicture.forForecast(agency, AS_OF, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        // an empty list would read as "no allocations, no exposure": refused instead
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forecastOnly.exposures(8))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(forecastOnly::allocations)
                .isInstanceOf(IllegalStateException.class);
    }

    /** {@code n} clients, each with one project staffed full time in July 2026 by a person of its own. */
    private Agency agency(int n) {
        return agency(tenants.create("Picture Agency " + n), n);
    }

    private Agency agency(Tenants.Tenant tenant, int n) {
        for (int i = 0; i < n; i++) {
            Client c = clients.create(tenant.owner(), new ClientDraft("Client " + i, Segment.SME, 30, List.of(), null))
                    .block(Duration.ofSeconds(5));
            Project p = projects.create(tenant.owner(), c.id(), new ProjectDraft("Project " + i, null,
                    LocalDate.of(2026, 7, 1), null, null, Money.of(100_000, "EUR"), null)).block(Duration.ofSeconds(5));
            TeamMember m = team.create(tenant.owner(), new TeamMemberDraft("P" + i, null, List.of(), BigDecimal.ONE,
                    Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(Duration.ofSeconds(5));
            staffing.create(tenant.owner(), new AllocationDraft(m.id(), p.id(), 100, LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 7, 31))).block(Duration.ofSeconds(5));
        }
        return agencies.findById(tenant.agencyId()).block(Duration.ofSeconds(5));
    }
}
