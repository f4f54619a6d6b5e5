package io.cordee.persistence.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefStatus;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Priority;
import io.cordee.core.brief.Requirement;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.R2dbcTransactionRunner;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;

class BriefPersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final BriefPersistenceAdapter adapter = new BriefPersistenceAdapter(db, new BriefRowMapperImpl());
    private final R2dbcTransactionRunner tx = new R2dbcTransactionRunner(
            new R2dbcTransactionManager(db.getConnectionFactory()), db);
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    private AgencyId agency;
    private AgencyId otherAgency;
    private Brief brief;

    @BeforeEach
    void aBriefOfAProject() {
        agency = TestDatabase.newAgency();
        otherAgency = TestDatabase.newAgency();
        brief = adapter.insert(new Brief(new BriefId(ids.newId()), agency, insertProject(agency), "Refonte", 0))
                .block();
    }

    @Test
    void roundTripsAVersionWithItsListsAndExactEstimates() {
        BriefVersion v1 = version(1);
        List<Requirement> reqs = List.of(new Requirement("k1", "Catalogue", "As a shopper", Priority.MUST,
                new BigDecimal("12.50")), new Requirement("k2", "Search", null, Priority.COULD, new BigDecimal("0.25")));
        assertThat(adapter.insertVersion(v1, reqs).block()).isEqualTo(v1);

        assertThat(adapter.findVersion(agency, v1.id()).block()).isEqualTo(v1);
        assertThat(adapter.findRequirements(agency, List.of(v1.id())).block().get(v1.id())).isEqualTo(reqs);
        // another agency sees nothing of it
        assertThat(adapter.findVersion(otherAgency, v1.id()).block()).isNull();
        assertThat(adapter.findRequirements(otherAgency, List.of(v1.id())).block()).isEmpty();
        assertThat(adapter.findVersions(otherAgency, List.of(brief.id())).collectList().block()).isEmpty();
    }

    @Test
    void aVersionNumberIsTakenOnceAndAStaleUpdateWritesNothing() {
        BriefVersion v1 = adapter.insertVersion(version(1), List.of()).block();
        assertThat(adapter.insertVersion(version(1), List.of()).block()).isNull();

        BriefVersion edited = adapter.updateVersion(withObjectives(v1, "Sell", 0)).block();
        assertThat(edited.version()).isEqualTo(1);
        assertThat(adapter.updateVersion(withObjectives(v1, "Stale", 0)).block()).isNull();
        assertThat(adapter.findVersion(agency, v1.id()).block().objectives()).containsExactly("Sell");
    }

    @Test
    void aVersionIsWrittenWithAllItsRequirementsOrNotAtAll() {
        BriefVersion v2 = version(2);
        List<Requirement> reqs = List.of(new Requirement("k1", "Fine", null, Priority.MUST, BigDecimal.ONE),
                new Requirement("k".repeat(65), "Key too long for the table", null, Priority.MUST, BigDecimal.ONE));
        assertThatThrownBy(() -> tx.inTransaction(adapter.insertVersion(v2, reqs)).block())
                .hasMessageContaining("brief_requirement");
        assertThat(adapter.findVersion(agency, v2.id()).block()).isNull();
        assertThat(adapter.findLatestVersion(agency, brief.id()).block()).isNull();
    }

    private BriefVersion version(int number) {
        return new BriefVersion(new BriefVersionId(ids.newId()), agency, brief.id(), number, BriefStatus.DRAFT,
                List.of("Sell online", "Earn trust"), List.of("Shoppers"), List.of("iOS"), List.of(), List.of("Web"),
                LocalDate.of(2027, 3, 1), null, 0);
    }

    private static BriefVersion withObjectives(BriefVersion v, String objective, long version) {
        return new BriefVersion(v.id(), v.agencyId(), v.briefId(), v.number(), v.status(), List.of(objective),
                v.targetUsers(), v.constraints(), v.assumptions(), v.outOfScope(), v.launchDate(),
                v.communicationPlanDate(), version);
    }

    private ProjectId insertProject(AgencyId agencyId) {
        UUID client = TestDatabase.newClient(agencyId).value();
        UUID project = ids.newId();
        db.sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, currency, fee_budget_minor,"
                        + " payment_terms_days) VALUES (:a, :id, :c, 'P', 'ACTIVE', '2026-01-05', 'EUR', 0, 30)")
                .bind("a", agencyId.value()).bind("id", project).bind("c", client).then().block();
        return new ProjectId(project);
    }
}
