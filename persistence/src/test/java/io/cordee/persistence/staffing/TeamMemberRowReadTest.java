package io.cordee.persistence.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The positional reader of a team member row (ADR 54) reads what Spring Data's reflective mapping reads, for a
 * member with an end date and skills and one with neither: a column added to {@code COLUMNS} without its
 * reader, or read at the wrong position, fails here.
 */
class TeamMemberRowReadTest {

    private final DatabaseClient db = TestDatabase.client();
    private final TeamMemberPersistenceAdapter members = new TeamMemberPersistenceAdapter(db,
            new TeamMemberRowMapperImpl(), new AbsencePersistenceAdapter(db));
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();

    @Test
    void readsByPositionWhatReflectionReads() {
        AgencyId agency = TestDatabase.newAgency();
        TeamMember ana = new TeamMember(new TeamMemberId(ids.newId()), agency, "Ana", "Designer", List.of("UX", "UI"),
                new BigDecimal("0.80"), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), LocalDate.of(2026, 1, 5),
                LocalDate.of(2027, 6, 30), true, 0, List.of());
        TeamMember bob = new TeamMember(new TeamMemberId(ids.newId()), agency, "Bob", null, List.of(),
                new BigDecimal("1.00"), Money.of(450_000, "EUR"), Money.of(55_000, "EUR"), LocalDate.of(2025, 9, 1),
                null, false, 0, List.of());
        members.insert(ana).block();
        members.insert(bob).block();
        String select = "SELECT agency_id, id, name, job_title, skills, fte, currency, monthly_loaded_cost_minor,"
                + " daily_bill_rate_minor, start_date, end_date, archived, version FROM team_member"
                + " WHERE agency_id = :agencyId ORDER BY name";
        List<TeamMemberRow> reflected = db.sql(select).bind("agencyId", agency.value())
                .mapProperties(TeamMemberRow.class).all().collectList().block();
        List<TeamMemberRow> positional = db.sql(select).bind("agencyId", agency.value())
                .map((row, meta) -> TeamMemberRow.read(row)).all().collectList().block();
        assertThat(reflected).hasSize(2);
        // arrays have no value equality in a record: compare field by field
        assertThat(positional).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(reflected);
        assertThat(members.findAll(agency).collectList().block()).containsExactly(ana, bob);
    }
}
