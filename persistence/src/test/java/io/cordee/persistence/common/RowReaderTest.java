package io.cordee.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.persistence.support.TestDatabase;
import io.r2dbc.postgresql.codec.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The positional readers (ADR 62) read what Spring Data's reflective mapping reads, field by field, on real
 * rows: for every paged list ({@link KeysetQuery}, whose reader also serves the adapter's other reads of the
 * same columns, among them the cash picture's projects, allocations and balances), two rows of an agency,
 * one with every optional column set and one with none. A reader that reads a column at the wrong position
 * or with the wrong width (the allocation's {@code smallint} share, the {@code char(3)} currencies, the
 * {@code jsonb} documents, the {@code text[]} arrays) fails here; a column added to a list without its record
 * component, or the reverse, fails when the adapter's class loads.
 */
class RowReaderTest {

    /** Every adapter holding a paged list, by the table each list reads. */
    private static final Map<String, String> PAGED = new TreeMap<>(Map.of(
            "client", "io.cordee.persistence.client.ClientPersistenceAdapter",
            "project", "io.cordee.persistence.project.ProjectPersistenceAdapter",
            "team_member", "io.cordee.persistence.staffing.TeamMemberPersistenceAdapter",
            "allocation", "io.cordee.persistence.staffing.AllocationPersistenceAdapter",
            "invoice", "io.cordee.persistence.billing.BillingPersistenceAdapter",
            "bank_balance", "io.cordee.persistence.cash.CashPersistenceAdapter",
            "brief", "io.cordee.persistence.brief.BriefPersistenceAdapter",
            "deal", "io.cordee.persistence.deal.DealPersistenceAdapter",
            "renegotiation_proposal", "io.cordee.persistence.proposal.ProposalPersistenceAdapter",
            "api_token", "io.cordee.persistence.identity.ApiTokenPersistenceAdapter"));

    private final DatabaseClient db = TestDatabase.client();
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();

    @Test
    void everyPagedListReadsByPositionWhatReflectionReads() throws Exception {
        AgencyId agency = TestDatabase.newAgency();
        seed(agency);
        List<String> tables = new ArrayList<>();
        for (String adapter : new TreeSet<>(PAGED.values())) {
            for (Field field : Class.forName(adapter).getDeclaredFields()) {
                if (field.getType() == KeysetQuery.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    KeysetQuery<?> query = (KeysetQuery<?>) field.get(null);
                    compare(query, agency);
                    tables.add(query.table());
                }
            }
        }
        // a paged list on a table this test does not seed fails here rather than going unchecked
        assertThat(tables).containsExactlyInAnyOrderElementsOf(PAGED.keySet());
    }

    private <R> void compare(KeysetQuery<R> query, AgencyId agency) {
        String select = "SELECT " + query.columns() + " FROM " + query.table() + " WHERE agency_id = :agencyId"
                + " ORDER BY id";
        List<R> reflected = db.sql(select).bind("agencyId", agency.value()).mapProperties(query.reader().type())
                .all().collectList().block();
        List<R> positional = db.sql(select).bind("agencyId", agency.value()).map(query.reader()).all()
                .collectList().block();
        assertThat(reflected).as(query.table()).hasSize(2);
        assertThat(positional.stream().map(RowReaderTest::values).toList()).as(query.table())
                .isEqualTo(reflected.stream().map(RowReaderTest::values).toList());
        // every component carries a value in one of the two rows, so each column's reading was exercised
        for (RecordComponent component : query.reader().type().getRecordComponents()) {
            assertThat(reflected.stream().map(r -> value(component, r)).anyMatch(v -> v != null))
                    .as(query.table() + "." + component.getName() + " set in one seeded row").isTrue();
        }
    }

    /** A row's fields in order, comparable by value (Json and arrays have no value equality of their own). */
    private static List<Object> values(Object row) {
        return Arrays.stream(row.getClass().getRecordComponents()).map(c -> value(c, row)).toList();
    }

    private static Object value(RecordComponent component, Object row) {
        try {
            Object value = component.getAccessor().invoke(row);
            if (value instanceof Json json) {
                return "json " + json.asString();
            }
            if (value instanceof Object[] array) {
                return Arrays.asList(array);
            }
            return value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two rows a table: the first of each with every optional column set, the second with none. */
    private void seed(AgencyId agency) {
        UUID c1 = ids.newId(), c2 = ids.newId(), p1 = ids.newId(), p2 = ids.newId(), m1 = ids.newId(),
                m2 = ids.newId(), account = ids.newId(), user = ids.newId();
        run(agency, "INSERT INTO client (agency_id, id, name, segment, payment_terms_days, contacts, funding_stage,"
                + " runway_end, next_round_expected, next_round_status, archived, version) VALUES"
                + " (:agencyId, :c1, 'Nuvola', 'STARTUP', 45, '[{\"name\": \"Théo\"}]', 'SEED', '2027-03-31',"
                + " '2027-02-01', 'IN_DOUBT', true, 3),"
                + " (:agencyId, :c2, 'Lumen', 'SME', 30, '[]', NULL, NULL, NULL, NULL, false, 0)", Map.of("c1", c1,
                "c2", c2));
        run(agency, "INSERT INTO project (agency_id, id, client_id, name, status, start_date, launch_date,"
                + " communication_plan_date, currency, fee_budget_minor, payment_terms_days, version) VALUES"
                + " (:agencyId, :p1, :c1, 'Site', 'ACTIVE', '2026-01-05', '2026-06-01', '2026-05-01', 'EUR',"
                + " 1200000, 30, 2),"
                + " (:agencyId, :p2, :c2, 'App', 'PLANNED', '2026-02-02', NULL, NULL, 'EUR', 0, 60, 0)",
                Map.of("p1", p1, "p2", p2, "c1", c1, "c2", c2));
        run(agency, "INSERT INTO team_member (agency_id, id, name, job_title, skills, fte, currency,"
                + " monthly_loaded_cost_minor, daily_bill_rate_minor, start_date, end_date, archived, version) VALUES"
                + " (:agencyId, :m1, 'Alice', 'Designer', '{ux,ui}', 0.80, 'EUR', 500000, 60000, '2025-01-01',"
                + " '2027-01-01', true, 1),"
                + " (:agencyId, :m2, 'Bob', NULL, '{}', 1.00, 'EUR', 400000, 50000, NULL, NULL, false, 0)",
                Map.of("m1", m1, "m2", m2));
        run(agency, "INSERT INTO allocation (agency_id, id, team_member_id, project_id, share_percent, start_date,"
                + " end_date, version) VALUES (:agencyId, :x1, :m1, :p1, 40, '2026-01-05', '2026-03-31', 1),"
                + " (:agencyId, :x2, :m2, :p2, 100, '2026-02-02', '2026-12-31', 0)",
                Map.of("x1", ids.newId(), "x2", ids.newId(), "m1", m1, "m2", m2, "p1", p1, "p2", p2));
        run(agency, "INSERT INTO invoice (agency_id, id, client_id, project_id, plan_key, number, label, status,"
                + " issue_date, due_date, currency, amount_minor, paid_minor, paid_date, version) VALUES"
                + " (:agencyId, :i1, :c1, :p1, 'deposit', 'F-1', 'Acompte', 'PAID', '2026-01-10', '2026-02-10',"
                + " 'EUR', 300000, 300000, '2026-02-12', 2),"
                + " (:agencyId, :i2, :c2, :p2, NULL, NULL, 'Solde', 'PLANNED', NULL, '2026-09-01', 'EUR', 100, 0,"
                + " NULL, 0)", Map.of("i1", ids.newId(), "i2", ids.newId(), "c1", c1, "c2", c2, "p1", p1, "p2", p2));
        run(agency, "INSERT INTO bank_account (agency_id, id, name, currency) VALUES (:agencyId, :account, 'Main',"
                + " 'EUR')", Map.of("account", account));
        run(agency, "INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor) VALUES"
                + " (:agencyId, :b1, :account, '2026-01-31', 'EUR', 1500000),"
                + " (:agencyId, :b2, :account, '2026-02-28', 'EUR', -250000)",
                Map.of("b1", ids.newId(), "b2", ids.newId(), "account", account));
        run(agency, "INSERT INTO brief (agency_id, id, project_id, title, version) VALUES"
                + " (:agencyId, :r1, :p1, 'Refonte', 1), (:agencyId, :r2, :p2, 'Appli', 0)",
                Map.of("r1", ids.newId(), "r2", ids.newId(), "p1", p1, "p2", p2));
        run(agency, "INSERT INTO deal (agency_id, id, name, client_id, prospect_name, prospect_segment, currency,"
                + " expected_fee_minor, probability_percent, expected_start, duration, duration_unit, deposit_percent,"
                + " monthly_in_arrears, milestones, staffing_need, stage, project_id, version) VALUES"
                + " (:agencyId, :d1, 'Suite', :c2, 'Lumen', 'SME', 'EUR', 900000, 100, '2026-02-02', 6, 'MONTHS',"
                + " 30, true, '[{\"percent\": 50}]', '[{\"memberId\": null, \"sharePercent\": 50}]', 'WON', :p2, 2),"
                + " (:agencyId, :d2, 'Extension', :c1, NULL, NULL, 'EUR', 0, 20, '2026-07-01', 8, 'WEEKS', 0,"
                + " false, '[]', '[]', 'LEAD', NULL, 0)",
                Map.of("d1", ids.newId(), "d2", ids.newId(), "c1", c1, "c2", c2, "p2", p2));
        run(agency, "INSERT INTO renegotiation_proposal (agency_id, id, client_id, language, sent_on, facts, options,"
                + " letter_markdown, letter_html, answer, accepted_option, answer_note, answered_on, version, channel) VALUES"
                + " (:agencyId, :n1, :c1, 'FR', '2026-03-01', '{\"asOf\": \"2026-03-01\"}',"
                + " '[{\"depositPercent\": 30}]', '# Lettre', '<h1>Lettre</h1>', 'ACCEPTED', 1, 'OK', '2026-03-05', 1,"
                + " 'POST'),"
                + " (:agencyId, :n2, :c2, 'EN', '2026-03-02', '{}', '[{}]', 'Letter', '<p>Letter</p>', NULL, NULL,"
                + " NULL, NULL, 0, NULL)", Map.of("n1", ids.newId(), "n2", ids.newId(), "c1", c1, "c2", c2));
        run(agency, "INSERT INTO app_user (agency_id, id, email, display_name, role, password_hash) VALUES"
                + " (:agencyId, :user, :email, 'Owner', 'OWNER', 'x')",
                Map.of("user", user, "email", "owner-" + user + "@example.test"));
        run(agency, "INSERT INTO api_token (agency_id, id, created_by, name, access, areas, token_hash, hint,"
                + " created_at, expires_at, last_used_at, revoked_at) VALUES"
                + " (:agencyId, :t1, :user, 'Partner', 'READ_WRITE', '{CLIENTS,PROJECTS}', :h1, 'abcd',"
                + " '2026-01-01T10:00:00Z', '2027-01-01T10:00:00Z', '2026-02-01T08:30:00Z', '2026-03-01T09:00:00Z'),"
                + " (:agencyId, :t2, :user, 'Reader', 'READ_ONLY', '{}', :h2, 'efgh', '2026-01-02T10:00:00Z', NULL,"
                + " NULL, NULL)",
                Map.of("t1", ids.newId(), "t2", ids.newId(), "user", user, "h1", ("h1" + user).getBytes(),
                        "h2", ("h2" + user).getBytes()));
    }

    private void run(AgencyId agency, String sql, Map<String, Object> params) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agency.value());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            spec = spec.bind(param.getKey(), param.getValue());
        }
        spec.then().block();
    }

    record Sample(UUID id, int share, long amountMinor, boolean archived, LocalDate endDate, Integer option) {
    }

    @Test
    void aColumnWithoutItsComponentOrAComponentWithoutItsColumnFailsTheReadersBuild() {
        assertThatThrownBy(() -> RowReader.of(Sample.class, "id, share, amount_minor, archived, end_date"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[option]");
        assertThatThrownBy(() -> RowReader.of(Sample.class,
                "id, share, amount_minor, archived, end_date, option, created_at"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[createdAt]");
        assertThatThrownBy(() -> RowReader.of(Sample.class, "id, share, amount_minor, archived, end_date, coalesce(x, 1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give it an alias");
    }

    @Test
    void readsQualifiedAndAliasedColumnsInAnyOrderAndNullsAsPrimitiveDefaults() {
        RowReader<Sample> reader = RowReader.of(Sample.class,
                "s.option, s.id, coalesce(s.share, 0) AS share, amount_minor, archived, end_date");
        assertThat(reader.columns()).containsExactly("option", "id", "share", "amount_minor", "archived", "end_date");
        UUID id = ids.newId();
        // NULL share, amount and archived: a primitive reads its default (0, 0, false), as Spring Data's mapping does
        Sample sample = db.sql("SELECT NULL::int AS option, :id AS id, 7::smallint AS share, NULL::bigint AS amount_minor,"
                        + " NULL::boolean AS archived, DATE '2026-12-31' AS end_date").bind("id", id)
                .map(reader).one().block();
        assertThat(sample).isEqualTo(new Sample(id, 7, 0, false, LocalDate.of(2026, 12, 31), null));
    }
}
