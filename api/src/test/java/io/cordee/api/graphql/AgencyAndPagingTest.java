package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;

@ApiTest
class AgencyAndPagingTest {

    @Autowired
    Tenants tenants;
    @Autowired
    ClientService clients;

    @Test
    void ownerAndFinanceChangeSettingsALeadCannotAndAStaleVersionIsAConflict() {
        Tenants.Tenant tenant = tenants.create("Settings Agency");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String update = """
                mutation($v: Long!) { updateAgencySettings(input: {version: $v, payday: 28,
                  safetyCashThreshold: {amountMinor: 5000000}, defaultPaymentDelays: [{segment: ENTERPRISE, days: 60}]}) {
                  agency { version settings { payday safetyCashThreshold { amount }
                    defaultPaymentDelays { segment days } } } userErrors { field code } } }""";

        tenants.as(tenant, Role.LEAD).document(update).variable("v", 0).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));

        owner.document(update).variable("v", 0).execute()
                .path("updateAgencySettings.agency.version").entity(Long.class).isEqualTo(1L)
                .path("updateAgencySettings.agency.settings.payday").entity(Integer.class).isEqualTo(28)
                // 5,000,000 cents = 50,000.00 EUR
                .path("updateAgencySettings.agency.settings.safetyCashThreshold.amount").entity(String.class)
                .isEqualTo("50000.00")
                .path("updateAgencySettings.agency.settings.defaultPaymentDelays[2].segment").entity(String.class)
                .isEqualTo("ENTERPRISE")
                .path("updateAgencySettings.agency.settings.defaultPaymentDelays[2].days").entity(Integer.class)
                .isEqualTo(60);

        owner.document(update).variable("v", 0).execute()
                .path("updateAgencySettings.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        owner.document("mutation { updateAgencySettings(input: {version: 1, payday: 31, timeZone: \"Mars/Olympus\"}) { userErrors { field code } } }")
                .execute()
                .path("updateAgencySettings.userErrors[*].field[0]").entityList(String.class)
                .containsExactly("timeZone");
        owner.document("mutation { updateAgencySettings(input: {version: 1, payday: 31}) { userErrors { field code } } }")
                .execute()
                .path("updateAgencySettings.userErrors[0].field[0]").entity(String.class).isEqualTo("payday");
        // finance keeps the settings too (DESIGN: settings and thresholds are OWNER/FINANCE): version 1 → 2
        tenants.as(tenant, Role.FINANCE)
                .document("mutation { updateAgencySettings(input: {version: 1, payday: 15}) { agency { version settings { payday } } } }")
                .execute()
                .path("updateAgencySettings.agency.version").entity(Long.class).isEqualTo(2L)
                .path("updateAgencySettings.agency.settings.payday").entity(Integer.class).isEqualTo(15);
    }

    @Test
    void connectionsPageForwardAndRefuseOversizedPages() {
        Tenants.Tenant tenant = tenants.create("Paging Agency");
        Flux.range(1, 24).concatMap(i -> clients.create(tenant.owner(),
                        new ClientDraft(String.format("Client %02d", i), i % 2 == 0 ? Segment.SME : Segment.STARTUP,
                                30, List.of(), null)))
                .blockLast(Duration.ofSeconds(30));
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);

        // 25 clients ("Own Client" and Client 01..24) in pages of 10: 10 + 10 + 5, each once
        List<String> names = new ArrayList<>();
        String after = null;
        boolean hasNext;
        do {
            GraphQlTester.Response page = owner.document("""
                            query($after: String) { clients(first: 10, after: $after) {
                              totalCount pageInfo { hasNextPage endCursor } nodes { name } } }""")
                    .variable("after", after).execute();
            page.path("clients.totalCount").entity(Long.class).isEqualTo(25L);
            names.addAll(page.path("clients.nodes[*].name").entityList(String.class).get());
            hasNext = page.path("clients.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("clients.pageInfo.endCursor").entity(String.class).get();
        } while (hasNext);
        assertThat(names).hasSize(25).doesNotHaveDuplicates().isSorted();

        owner.document("{ clients(filter: {segment: STARTUP, nameContains: \"client 0\"}) { totalCount } }").execute()
                // STARTUP are the odd ones; "client 0" matches 01..09: 01, 03, 05, 07, 09
                .path("clients.totalCount").entity(Long.class).isEqualTo(5L);

        owner.document("{ clients(first: 101) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).isNotEmpty();
                    assertThat(errors.get(0).getMessage()).contains("between 0 and 100");
                });
    }
}
