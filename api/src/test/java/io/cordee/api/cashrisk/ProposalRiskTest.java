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
    TwoPointClientAgency agency;

    @BeforeEach
    void anAgencyWithATwoPointClient() {
        agency = TwoPointClientAgency.create(tenants, db);
        tenant = agency.tenant();
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
}
