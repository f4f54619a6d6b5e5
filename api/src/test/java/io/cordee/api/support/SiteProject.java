package io.cordee.api.support;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.core.identity.Role;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The proposal tests' project, made through the API: "Site" for the tenant's own client, a fee of 30,000.00 from
 * 1 June to 31 August 2026, billed 30 % as a deposit, 30 % for "Design" on 1 July and 40 % for "Launch" on
 * 31 August; Anna (10,000.00 a month) on it full time for those three months; a bank balance of 50,000.00 on
 * 31 May.
 */
public final class SiteProject {

    private SiteProject() {
    }

    /** Makes it in {@code tenant}; the project's global id. */
    public static String create(Tenants tenants, Tenants.Tenant tenant) {
        HttpGraphQlTester finance = tenants.as(tenant, Role.FINANCE);
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        String project = finance.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Site", startDate: "2026-06-01",
                          launchDate: "2026-08-31", feeBudget: {amountMinor: 3000000}}) { project { id } } }""")
                .variable("c", client).execute()
                .path("createProject.project.id").entity(String.class).get();
        finance.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 30, milestones: [
                          {label: "Design", date: "2026-07-01", sharePercent: 30},
                          {label: "Launch", date: "2026-08-31", sharePercent: 40}]}) { userErrors { code } } }""")
                .variable("p", project).execute()
                .path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String anna = owner.document("""
                        mutation { createTeamMember(input: {name: "Anna", monthlyLoadedCost: {amountMinor: 1000000},
                          dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }""")
                .execute().path("createTeamMember.teamMember.id").entity(String.class).get();
        owner.document("""
                        mutation($m: ID!, $p: ID!) { createAllocation(input: {teamMemberId: $m, projectId: $p,
                          sharePercent: 100, startDate: "2026-06-01", endDate: "2026-08-31"}) { userErrors { code } } }""")
                .variable("m", anna).variable("p", project).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);
        finance.document("mutation { recordBankBalance(input: {date: \"2026-05-31\", amount: {amountMinor: 5000000}}) { userErrors { code } } }")
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        return project;
    }
}
