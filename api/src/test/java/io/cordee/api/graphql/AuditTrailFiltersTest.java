package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClientEdits;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The audit page's filters (issue 19 point 6, ADR 59): by person, by type of entity and by days of the agency's
 * time zone. The owner renames the agency's client and finance changes its terms from 30 to 45 days; each filter
 * keeps what a reader would expect and nothing else, and another agency's owner filtering on these people sees
 * nothing.
 */
@ApiTest
class AuditTrailFiltersTest {

    static final String TRAIL = """
            query($actor: ID, $type: String, $entity: ID, $from: Date, $to: Date) {
              auditTrail(first: 100, actorId: $actor, entityType: $type, entityId: $entity, from: $from, to: $to) {
                totalCount nodes { recordedAt entityType entityId actor { userId name } changes { field oldValue newValue } } } }""";

    @Autowired
    Tenants tenants;

    Tenants.Tenant tenant;
    HttpGraphQlTester owner;
    String client;
    String ownerId;
    String financeId;

    @BeforeEach
    void theClientRenamedByTheOwnerAndItsTermsChangedByFinance() {
        tenant = tenants.create("Audit Filtré");
        owner = tenants.as(tenant, Role.OWNER);
        client = GlobalId.of("Client", tenant.ownClient().id().value());
        ownerId = GlobalId.of("User", tenant.owner().userId().value());
        update(owner, Map.of("name", "Client Renommé"));
        update(tenants.as(tenant, Role.FINANCE), Map.of("paymentTermsDays", 45));
        financeId = tenants.as(tenant, Role.FINANCE).document("query { viewer { user { id } } }").execute()
                .path("viewer.user.id").entity(String.class).get();
    }

    @Test
    void byPersonOnlyThatPersonsChanges() {
        List<Map<String, Object>> finance = trail(owner, Map.of("actor", financeId));
        assertThat(finance).singleElement().satisfies(e -> {
            assertThat(((Map<?, ?>) e.get("actor")).get("name")).isEqualTo("FINANCE user");
            assertThat(changes(e)).containsExactly("payment_terms_days: 30 → 45");
        });
        List<Map<String, Object>> ownersClientChanges = trail(owner, Map.of("actor", ownerId, "type", "Client"));
        assertThat(ownersClientChanges).extracting(AuditTrailFiltersTest::changes)
                .anySatisfy(c -> assertThat(c).contains("name: Own Client → Client Renommé"))
                .noneSatisfy(c -> assertThat(c).anyMatch(s -> s.startsWith("payment_terms_days")));
    }

    @Test
    void byEntityTypeAndById() {
        assertThat(trail(owner, Map.of("type", "Client"))).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.get("entityType")).isEqualTo("Client"));
        assertThat(trail(owner, Map.of("type", "Invoice"))).isEmpty();
        assertThat(trail(owner, Map.of("type", "Client", "entity", client))).hasSizeGreaterThanOrEqualTo(2);
        // an id of one type with another type asked for is a mistake, not an empty page
        owner.document(TRAIL).variable("type", "Invoice").variable("entity", client).execute().errors()
                .satisfy(errors -> assertThat(errors).first()
                        .satisfies(e -> assertThat(e.getMessage()).contains("entityType")));
    }

    @Test
    void byDaysOfTheAgencysTimeZoneBothEndsIncluded() {
        List<Map<String, Object>> all = trail(owner, Map.of("actor", financeId));
        // recordedAt is the database's clock, not the test clock: the day is read back from the entry itself,
        // in Europe/Paris (the agency's zone), so the test holds at midnight too
        LocalDate day = OffsetDateTime.parse((String) all.get(0).get("recordedAt"))
                .atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate();
        assertThat(trail(owner, Map.of("actor", financeId, "from", day.toString(), "to", day.toString()))).hasSize(1);
        assertThat(trail(owner, Map.of("actor", financeId, "from", day.toString()))).hasSize(1);
        assertThat(trail(owner, Map.of("actor", financeId, "to", day.toString()))).hasSize(1);
        assertThat(trail(owner, Map.of("actor", financeId, "from", day.plusDays(1).toString()))).isEmpty();
        assertThat(trail(owner, Map.of("actor", financeId, "to", day.minusDays(1).toString()))).isEmpty();
        owner.document(TRAIL).variable("from", day.toString()).variable("to", day.minusDays(1).toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).first()
                        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("to: must be on or after from"))
                        .satisfies(e -> assertThat(e.getExtensions().get("userErrors").toString())
                                .contains("INVALID_DATE_ORDER")));
    }

    @Test
    void anotherAgencysOwnerFilteringOnThesePeopleSeesNothing() {
        HttpGraphQlTester stranger = tenants.as(tenants.create("Autre Agence"), Role.OWNER);
        assertThat(trail(stranger, Map.of("actor", financeId))).isEmpty();
        assertThat(trail(stranger, Map.of("entity", client))).isEmpty();
        assertThat(trail(stranger, Map.of("type", "Client")))
                .noneSatisfy(e -> assertThat(e.get("entityId")).isEqualTo(client));
    }

    @Test
    void financeAndLeadsAreStillRefused() {
        for (Role role : List.of(Role.FINANCE, Role.LEAD)) {
            tenants.as(tenant, role).document(TRAIL).variable("actor", ownerId).execute().errors()
                    .satisfy(errors -> assertThat(errors).first()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
    }

    private void update(HttpGraphQlTester as, Map<String, Object> fields) {
        ClientEdits.update(owner, client, fields, as);
    }

    private static List<Map<String, Object>> trail(HttpGraphQlTester as, Map<String, Object> variables) {
        HttpGraphQlTester.Request<?> request = as.document(TRAIL);
        variables.forEach(request::variable);
        return request.execute().path("auditTrail.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
        }).get();
    }

    private static List<String> changes(Map<String, Object> entry) {
        return ((List<?>) entry.get("changes")).stream().map(c -> (Map<?, ?>) c)
                .map(c -> c.get("field") + ": " + c.get("oldValue") + " → " + c.get("newValue")).toList();
    }
}
