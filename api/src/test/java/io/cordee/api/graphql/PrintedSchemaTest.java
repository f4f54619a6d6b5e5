package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The printed schema (issue 21 point 7, ADR 0076): served at {@code GET /graphql/schema} to the callers who may
 * introspect (a session or an API token, never anonymous), written to {@code api/target/schema.graphqls} as the
 * build's artifact, described throughout, and shaped so that Relay's compiler takes it: every {@code …Connection}
 * follows the Relay connection spec.
 */
@ApiTest
class PrintedSchemaTest {

    /** Where the build leaves the printed schema for client compilers (bench/relay-compile.sh reads it). */
    static final Path ARTIFACT = Path.of("target", "schema.graphqls");

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    GraphQlSource graphQlSource;

    static Tenants.Tenant agency;

    @BeforeAll
    static void createAgency(@Autowired Tenants tenants) {
        agency = tenants.create("Printed Schema Agency");
    }

    @Test
    void theSchemaIsPrintedForSignedInCallersAndWrittenAsAnArtifact() throws IOException {
        web.get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();

        String session = tenants.signIn(agency.email(Role.LEAD), Tenants.PASSWORD);
        String printed = web.get().uri("/graphql/schema").cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // one merged document: Project is defined once, its extensions folded in (edges.graphqls adds invoices)
        assertThat(printed).contains("type Query {", "type BankBalanceConnection {", "type BankBalanceEdge {");
        assertThat(printed).doesNotContain("extend type");
        assertThat(printed.split("\ntype Project implements Node \\{", -1)).hasSize(2);
        // the manual is complete: every type, field, argument, enum value, input field and directive described
        assertThat(SchemaDescriptionsTest.undescribed(Parser.parse(printed))).isEmpty();
        Files.createDirectories(ARTIFACT.getParent());
        Files.writeString(ARTIFACT, printed, StandardCharsets.UTF_8);

        // a partner's API token reads it too (any area: the schema is the manual, not the data)
        String token = tenants.as(agency, Role.OWNER).document("""
                        mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token userErrors { message } } }""")
                .variable("in", Map.of("name", "Schema reader", "access", "READ_ONLY", "areas", List.of()))
                .execute().path("createApiToken.token").entity(String.class).get();
        web.get().uri("/graphql/schema").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).isEqualTo(printed));
        web.get().uri("/graphql/schema").header(HttpHeaders.AUTHORIZATION, "Bearer cordee_pat_unknown").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void everyConnectionHasEdgesNodesAndPageInfo() {
        List<GraphQLObjectType> connections = graphQlSource.schema().getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && t.getName().endsWith("Connection"))
                .map(GraphQLObjectType.class::cast).toList();
        // 13 in the schema today: Alert, ApiToken, AuditEntry, BankBalance, Client, Deal, Brief, Interaction,
        // Invoice, Project, RenegotiationProposal, Allocation, TeamMember
        assertThat(connections).hasSizeGreaterThanOrEqualTo(13);
        List<String> wrong = new ArrayList<>();
        for (GraphQLObjectType connection : connections) {
            String name = connection.getName();
            GraphQLNamedType node = listOfNonNull(connection.getFieldDefinition("nodes"));
            GraphQLNamedType edge = listOfNonNull(connection.getFieldDefinition("edges"));
            GraphQLFieldDefinition pageInfo = connection.getFieldDefinition("pageInfo");
            if (node == null) {
                wrong.add(name + ".nodes is not [X!]!");
            }
            if (!(edge instanceof GraphQLObjectType edgeType)) {
                wrong.add(name + ".edges is not [XEdge!]!");
            } else {
                if (edgeType.getFieldDefinition("node") == null
                        || !GraphQLTypeUtil.unwrapAll(edgeType.getFieldDefinition("node").getType()).equals(node)) {
                    wrong.add(edgeType.getName() + ".node is not the connection's node type");
                }
                if (edgeType.getFieldDefinition("cursor") == null
                        || !GraphQLTypeUtil.simplePrint(edgeType.getFieldDefinition("cursor").getType()).equals("String!")) {
                    wrong.add(edgeType.getName() + ".cursor is not String!");
                }
            }
            if (pageInfo == null || !GraphQLTypeUtil.simplePrint(pageInfo.getType()).equals("PageInfo!")) {
                wrong.add(name + ".pageInfo is not PageInfo!");
            }
        }
        assertThat(wrong).isEmpty();
        GraphQLObjectType pageInfo = graphQlSource.schema().getObjectType("PageInfo");
        assertThat(pageInfo.getFieldDefinitions()).extracting(GraphQLFieldDefinition::getName)
                .contains("hasNextPage", "hasPreviousPage", "startCursor", "endCursor");
    }

    @Test
    void bankBalancesArePagedThroughEdgesAsWellAsNodes() {
        var owner = tenants.as(agency, Role.OWNER);
        owner.document("mutation { recordBankBalance(input: {date: \"2026-11-02\", amount: {amountMinor: 1250000}}) {"
                + " userErrors { message } } }").execute().path("recordBankBalance.userErrors").entityList(Object.class)
                .hasSize(0);
        var page = owner.document("{ bankBalances(first: 5) { edges { cursor node { date amount { amountMinor } } }"
                + " nodes { date } pageInfo { hasNextPage endCursor } } }").execute();
        page.path("bankBalances.edges[0].node.date").entity(String.class).isEqualTo("2026-11-02");
        page.path("bankBalances.edges[0].node.amount.amountMinor").entity(Long.class).isEqualTo(1_250_000L);
        String cursor = page.path("bankBalances.edges[0].cursor").entity(String.class).get();
        page.path("bankBalances.pageInfo.endCursor").entity(String.class).isEqualTo(cursor);
        page.path("bankBalances.nodes[0].date").entity(String.class).isEqualTo("2026-11-02");
    }

    /** The named type of a field typed {@code [X!]!}, or null when it is shaped otherwise. */
    private static GraphQLNamedType listOfNonNull(GraphQLFieldDefinition field) {
        if (field == null) {
            return null;
        }
        GraphQLOutputType type = field.getType();
        if (type instanceof GraphQLNonNull outer && outer.getWrappedType() instanceof GraphQLList list
                && list.getWrappedType() instanceof GraphQLNonNull inner) {
            GraphQLType named = inner.getWrappedType();
            return named instanceof GraphQLNamedType n ? n : null;
        }
        return null;
    }
}
