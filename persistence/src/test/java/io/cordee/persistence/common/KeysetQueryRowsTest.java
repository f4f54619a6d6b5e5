package io.cordee.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.persistence.project.ProjectRow;
import io.cordee.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The whole-row statements of {@link KeysetQuery} on the real PostgreSQL (the project table, as its adapter declares
 * it): the rows of many parents read in the pages' order; an insert reads the row back as stored; a version-guarded
 * update writes at the version given only, and only the row its match finds.
 */
class KeysetQueryRowsTest {

    private static final String COLUMNS = "agency_id, id, client_id, name, status, start_date, launch_date,"
            + " communication_plan_date, currency, fee_budget_minor, payment_terms_days, version";
    private static final KeysetQuery<ProjectRow> PROJECTS = new KeysetQuery<>("project", COLUMNS, "start_date",
            ProjectRow.class, ProjectRow::startDate, ProjectRow::id, LocalDate::parse);
    /** Every component of the row is a parameter of the statement, as bindProperties binds them all. */
    private static final String ASSIGNMENTS = "name = :name, status = :status, start_date = :startDate,"
            + " launch_date = :launchDate, communication_plan_date = :communicationPlanDate, currency = :currency,"
            + " fee_budget_minor = :feeBudgetMinor, payment_terms_days = :paymentTermsDays";
    private static final String MATCH = "id = :id AND client_id = :clientId";

    private final DatabaseClient db = TestDatabase.client();
    private final AgencyId agency = TestDatabase.newAgency();
    private final ClientId client = TestDatabase.newClient(agency);
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();

    private ProjectRow project(UUID id, UUID clientId, String name, long feeMinor, long version) {
        return project(agency, id, clientId, name, LocalDate.of(2026, 3, 2), feeMinor, version);
    }

    private static ProjectRow project(AgencyId agencyId, UUID id, UUID clientId, String name, LocalDate start,
                                      long feeMinor, long version) {
        return new ProjectRow(agencyId.value(), id, clientId, name, "PLANNED", start, null, start.plusDays(14), "EUR",
                feeMinor, 30, version);
    }

    /**
     * Alpha's "Site" starts 2 March and "App" 1 February, Bravo's "Shop" 15 February; Charlie's project and another
     * agency's project of the same client id are not asked for: Alpha's and Bravo's come by start date, App, Shop,
     * Site.
     */
    @Test
    void theRowsOfManyParentsComeInThePagesOrder() {
        ClientId bravo = TestDatabase.newClient(agency);
        ClientId charlie = TestDatabase.newClient(agency);
        ProjectRow site = project(agency, ids.newId(), client.value(), "Site", LocalDate.of(2026, 3, 2), 0, 0);
        ProjectRow app = project(agency, ids.newId(), client.value(), "App", LocalDate.of(2026, 2, 1), 0, 0);
        ProjectRow shop = project(agency, ids.newId(), bravo.value(), "Shop", LocalDate.of(2026, 2, 15), 0, 0);
        for (ProjectRow row : List.of(site, app, shop,
                project(agency, ids.newId(), charlie.value(), "Other", LocalDate.of(2026, 1, 5), 0, 0))) {
            PROJECTS.insert(db, row).block();
        }
        AgencyId otherAgency = TestDatabase.newAgency();
        ClientId stranger = TestDatabase.newClient(otherAgency);
        PROJECTS.insert(db, project(otherAgency, ids.newId(), stranger.value(), "Stranger", LocalDate.of(2026, 1, 5),
                0, 0)).block();

        assertThat(PROJECTS.findAllByAny(db, agency.value(), "client_id",
                List.of(client.value(), bravo.value(), stranger.value())).collectList().block())
                .containsExactly(app, shop, site);
    }

    /** "Site" with a 12,000.00 € budget and no launch date comes back as given, at version 0. */
    @Test
    void anInsertReadsTheRowBackAsStored() {
        ProjectRow site = project(ids.newId(), client.value(), "Site", 1_200_000, 0);

        assertThat(PROJECTS.insert(db, site).block()).isEqualTo(site);
        assertThat(PROJECTS.findById(db, agency.value(), site.id()).block()).isEqualTo(site);
    }

    /**
     * "Site" renamed "Site v2" with 15,000.00 € at version 0 gives version 1; the same write again at version 0 is
     * stale and gives nothing, and the row stays as the first write left it.
     */
    @Test
    void anUpdateWritesAtTheVersionGivenOnly() {
        UUID id = ids.newId();
        PROJECTS.insert(db, project(id, client.value(), "Site", 1_200_000, 0)).block();
        ProjectRow renamed = project(id, client.value(), "Site v2", 1_500_000, 0);

        ProjectRow saved = project(id, client.value(), "Site v2", 1_500_000, 1);
        assertThat(PROJECTS.updateAtVersion(db, ASSIGNMENTS, MATCH, renamed).block())
                .isEqualTo(saved);
        assertThat(PROJECTS.updateAtVersion(db, ASSIGNMENTS, MATCH, renamed).block())
                .isNull();
        assertThat(PROJECTS.findById(db, agency.value(), id).block()).isEqualTo(saved);
    }

    /** The match is part of the guard: a write naming another client finds no row, and nothing changes. */
    @Test
    void anUpdateWhoseMatchFindsNoRowWritesNothing() {
        UUID id = ids.newId();
        ProjectRow site = project(id, client.value(), "Site", 1_200_000, 0);
        PROJECTS.insert(db, site).block();
        ProjectRow ofAnotherClient = project(id, TestDatabase.newClient(agency).value(), "Site v2", 1_500_000, 0);

        assertThat(PROJECTS.updateAtVersion(db, ASSIGNMENTS, MATCH, ofAnotherClient).block()).isNull();
        assertThat(PROJECTS.findById(db, agency.value(), id).block()).isEqualTo(site);
    }
}
