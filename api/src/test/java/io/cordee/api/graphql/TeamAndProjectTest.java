package io.cordee.api.graphql;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The rest of the slice's mutations: team members, projects, archiving. */
@ApiTest
class TeamAndProjectTest {

    @Autowired
    Tenants tenants;

    @Test
    void teamMembersAreCreatedUpdatedAndArchived() {
        HttpGraphQlTester finance = tenants.as(tenants.create("Team Agency"), Role.FINANCE);
        String id = finance.document("""
                        mutation { createTeamMember(input: {name: "Zoé", jobTitle: "Designer", skills: ["design"],
                          monthlyLoadedCost: {amountMinor: 520000}, dailyBillRate: {amountMinor: 65000}}) {
                          teamMember { id fte version } userErrors { code } } }""")
                .execute()
                // fte defaults to full time
                .path("createTeamMember.teamMember.fte").entity(Double.class).isEqualTo(1.0)
                .path("createTeamMember.teamMember.id").entity(String.class).get();

        finance.document("""
                        mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, fte: 0.8, skills: ["design", "research"]}) {
                          teamMember { fte skills version jobTitle } userErrors { code } } }""")
                .variable("id", id).execute()
                .path("updateTeamMember.teamMember.fte").entity(Double.class).isEqualTo(0.8)
                .path("updateTeamMember.teamMember.skills").entityList(String.class).containsExactly("design", "research")
                .path("updateTeamMember.teamMember.jobTitle").entity(String.class).isEqualTo("Designer")
                .path("updateTeamMember.teamMember.version").entity(Long.class).isEqualTo(1L);

        finance.document("mutation($id: ID!) { archiveTeamMember(input: {id: $id, version: 0}) { userErrors { code } } }")
                .variable("id", id).execute()
                .path("archiveTeamMember.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document("mutation($id: ID!) { archiveTeamMember(input: {id: $id, version: 1}) { teamMember { archived } } }")
                .variable("id", id).execute()
                .path("archiveTeamMember.teamMember.archived").entity(Boolean.class).isEqualTo(true);

        finance.document("{ all: teamMembers(includeArchived: true) { totalCount } current: teamMembers { totalCount } }")
                .execute()
                .path("all.totalCount").entity(Long.class).isEqualTo(1L)
                .path("current.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void projectsAreUpdatedWithTheirVersionAndClientsArchived() {
        Tenants.Tenant tenant = tenants.create("Project Agency");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        String clientId = lead.document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        // a project has a fee budget: the owner creates it (a lead changes no money, docs/roles.md)
        String projectId = owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Site", startDate: "2026-09-01",
                          launchDate: "2027-01-15", feeBudget: {amountMinor: 4200000}}) {
                          project { id status paymentTermsDays client { name } } userErrors { code } } }""")
                .variable("c", clientId).execute()
                // defaults: PLANNED, and the client's 30-day terms
                .path("createProject.project.status").entity(String.class).isEqualTo("PLANNED")
                .path("createProject.project.paymentTermsDays").entity(Integer.class).isEqualTo(30)
                .path("createProject.project.client.name").entity(String.class).isEqualTo("Own Client")
                .path("createProject.project.id").entity(String.class).get();

        owner.document("""
                        mutation($id: ID!) { updateProject(input: {id: $id, version: 0, status: ACTIVE,
                          launchDate: "2027-02-01", feeBudget: {amountMinor: 4500000}}) {
                          project { status launchDate feeBudget { amount } version } userErrors { code } } }""")
                .variable("id", projectId).execute()
                .path("updateProject.project.status").entity(String.class).isEqualTo("ACTIVE")
                .path("updateProject.project.launchDate").entity(String.class).isEqualTo("2027-02-01")
                .path("updateProject.project.feeBudget.amount").entity(String.class).isEqualTo("45000.00")
                .path("updateProject.project.version").entity(Long.class).isEqualTo(1L);
        lead.document("mutation($id: ID!) { updateProject(input: {id: $id, version: 0, name: \"Stale\"}) { project { id } userErrors { code } } }")
                .variable("id", projectId).execute()
                .path("updateProject.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");

        lead.document("mutation($id: ID!) { archiveClient(input: {id: $id, version: 0}) { client { archived } } }")
                .variable("id", clientId).execute()
                .path("archiveClient.client.archived").entity(Boolean.class).isEqualTo(true);
        lead.document("{ clients { totalCount } archived: clients(filter: {includeArchived: true}) { totalCount } }")
                .execute()
                .path("clients.totalCount").entity(Long.class).isEqualTo(0L)
                .path("archived.totalCount").entity(Long.class).isEqualTo(1L);
    }
}
