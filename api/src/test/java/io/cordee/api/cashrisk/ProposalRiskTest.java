package io.cordee.api.cashrisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A renegotiation proposal's options and the probability of going under within 13 weeks (ADR 55), on
 * {@code CashRiskTest}'s agency: 100,000 € in the bank, a 50,000 € threshold, a 70,000 € one-off on Mon 20 July
 * (week index 7 from Mon 1 June); "Own Client" pays on its due date or 60 days late, half and half, and owes
 * 60,000 € issued Mon 11 May, due Wed 10 June (30-day terms). Base: paid 10 June or 9 August, so ≈ half the
 * paths are under from week 7 (30,000 €).
 * <ul>
 *   <li>Option 1, 0-day terms: due 11 May → paid 11 May (before the as-of date: the first week) or 10 July
 *       (week 5): before the one-off either way, never under. P = 0.</li>
 *   <li>Option 2, 90-day terms: due Sun 9 August → paid 9 August (week 9) or 8 October (after the horizon):
 *       after the one-off either way, every path under from week 7. P = 1.</li>
 * </ul>
 */
@ApiTest
class ProposalRiskTest {

    private static final String PROPOSAL = """
            query($c: ID!) { renegotiationProposal(clientId: $c, asOf: "2026-06-01", horizonWeeks: 13,
                options: [{paymentTermsDays: 0}, {paymentTermsDays: 90}]) {
              options { number paymentTermsDays
                cashRiskAfter { probabilityUnder13Weeks baseProbabilityUnder13Weeks change paths seed } } } }""";
    private static final String RISK = """
            query { cashRisk(asOf: "2026-06-01", horizonWeeks: 13) { paths seed probabilityUnderWithin13Weeks } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    Tenants.Tenant tenant;
    UUID project;

    @BeforeEach
    void anAgencyWithATwoPointClient() {
        tenant = tenants.create("Risk Agency");
        project = UUID.randomUUID();
        sql("UPDATE agency SET safety_cash_threshold_minor = 5000000 WHERE agency_id = :a");
        sql("INSERT INTO bank_account (agency_id, id, name, currency) VALUES (:a, gen_random_uuid(), 'Main', 'EUR')");
        sql("INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor)"
                + " SELECT :a, gen_random_uuid(), id, DATE '2026-05-29', 'EUR', 10000000 FROM bank_account WHERE agency_id = :a");
        sql("INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor)"
                + " VALUES (:a, gen_random_uuid(), 'Servers', DATE '2026-07-20', 'EUR', 7000000)");
        sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, currency, fee_budget_minor,"
                + " payment_terms_days) VALUES (:a, '" + project + "', '" + tenant.ownClient().id().value()
                + "', 'Site', 'ACTIVE', DATE '2025-01-01', 'EUR', 100000000, 30)");
        // paid 0, 0, 0, 60, 60, 60 days after their due dates
        sql("INSERT INTO invoice (agency_id, id, client_id, project_id, label, status, issue_date, due_date, currency,"
                + " amount_minor, paid_minor, paid_date) SELECT :a, gen_random_uuid(), '" + tenant.ownClient().id().value()
                + "', '" + project + "', 'Paid ' || g, 'PAID', DATE '2025-01-01' + g * 7, DATE '2025-02-01' + g * 7,"
                + " 'EUR', 100000, 100000, DATE '2025-02-01' + g * 7 + CASE WHEN g <= 3 THEN 0 ELSE 60 END"
                + " FROM generate_series(1, 6) g");
        openInvoices(1, 6_000_000);
    }

    @Test
    void eachOptionShowsItsProbabilityAgainstTheBaseAtTheSameSeed() {
        HttpGraphQlTester finance = tenants.as(tenant, Role.FINANCE);
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        var answer = finance.document(PROPOSAL).variable("c", client).execute();
        double base = answer.path("renegotiationProposal.options[0].cashRiskAfter.baseProbabilityUnder13Weeks")
                .entity(Double.class).get();
        assertThat(base).as("half the paths, ±0.045 (ADR 48)").isBetween(0.455, 0.545);
        answer.path("renegotiationProposal.options[0].cashRiskAfter.probabilityUnder13Weeks").entity(Double.class)
                .isEqualTo(0.0)
                .path("renegotiationProposal.options[0].cashRiskAfter.change").entity(Double.class).isEqualTo(-base)
                .path("renegotiationProposal.options[0].cashRiskAfter.paths").entity(Integer.class).isEqualTo(2000)
                .path("renegotiationProposal.options[1].cashRiskAfter.probabilityUnder13Weeks").entity(Double.class)
                .isEqualTo(1.0)
                .path("renegotiationProposal.options[1].cashRiskAfter.baseProbabilityUnder13Weeks").entity(Double.class)
                .isEqualTo(base);
        double change = answer.path("renegotiationProposal.options[1].cashRiskAfter.change").entity(Double.class).get();
        assertThat(change).isEqualTo((2000 - Math.round(base * 2000)) / 2000.0);

        // the base is the cockpit's own run: same default seed and paths, same facts
        var cockpit = finance.document(RISK).execute();
        cockpit.path("cashRisk.probabilityUnderWithin13Weeks").entity(Double.class).isEqualTo(base);
        long seed = cockpit.path("cashRisk.seed").entity(Long.class).get();
        answer.path("renegotiationProposal.options[0].cashRiskAfter.seed").entity(Long.class).isEqualTo(seed);

        // the same facts and seed: the same figures
        finance.document(PROPOSAL).variable("c", client).execute()
                .path("renegotiationProposal.options[*].cashRiskAfter.probabilityUnder13Weeks")
                .entityList(Double.class).containsExactly(0.0, 1.0)
                .path("renegotiationProposal.options[*].cashRiskAfter.baseProbabilityUnder13Weeks")
                .entityList(Double.class).containsExactly(base, base);
    }

    @Test
    void aLeadGetsNoProposalAndNoProbability() {
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        tenants.as(tenant, Role.LEAD).document(PROPOSAL).variable("c", client).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType().toString()).contains("FORBIDDEN"));
    }

    private void openInvoices(int count, long amountMinor) {
        sql("INSERT INTO invoice (agency_id, id, client_id, project_id, label, status, issue_date, due_date, currency,"
                + " amount_minor) SELECT :a, gen_random_uuid(), '" + tenant.ownClient().id().value() + "', '" + project
                + "', 'Open ' || g, 'ISSUED', DATE '2026-05-11', DATE '2026-06-10', 'EUR', " + amountMinor
                + " FROM generate_series(1, " + count + ") g");
    }

    private void sql(String sql) {
        db.sql(sql).bind("a", tenant.agencyId().value()).then().block(Duration.ofSeconds(30));
    }
}
