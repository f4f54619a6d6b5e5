package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionDraft;
import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.brief.Priority;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No N+1: briefs with their project, versions, requirements, signatures and feasibility cost the same
 * statements for 2 or 20 briefs (each with two versions of three requirements, the first agreed).
 */
@ApiTest
class BriefStatementCountTest {

    private static final String QUERY = """
            { briefs(first: 100) { totalCount nodes { title project { name briefs { title } }
                currentVersion { number }
                versions { number status requirements { title estimateDays } signatures { party signedBy }
                  feasibility { verdict capacityDays } } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;
    @Autowired
    ProjectService projects;
    @Autowired
    BriefService briefs;
    @Autowired
    UserRepository users;

    @Test
    void statementCountDoesNotGrowWithTheNumberOfBriefs() {
        List<String> withTwo = statementsForAgencyWith(2);
        List<String> withTwenty = statementsForAgencyWith(20);

        System.out.printf("statements for 2 briefs: %d, for 20 briefs: %d%n", withTwo.size(), withTwenty.size());
        assertThat(withTwenty).hasSameSizeAs(withTwo);
        // session; count + page; projects, their briefs; versions (twice: versions and currentVersion),
        // requirements, signatures; feasibility: briefs, projects, requirements, agency, allocations, team,
        // holidays
        assertThat(withTwo).hasSizeLessThanOrEqualTo(17);
    }

    private List<String> statementsForAgencyWith(int briefCount) {
        Tenants.Tenant tenant = tenants.create("Brief batching " + briefCount);
        Caller owner = tenant.owner();
        Caller client = users.findByEmail(tenant.email(Role.CLIENT)).block(Duration.ofSeconds(5)).asCaller();
        LocalDate start = LocalDate.of(2026, 1, 5);
        Flux.range(1, briefCount)
                .concatMap(i -> projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Project " + i, null,
                                start, start.plusYears(2), null, Money.of(100_000, "EUR"), null))
                        .flatMap((Project p) -> briefs.create(owner, p.id(), "Brief " + i, draft()))
                        .flatMap(b -> briefs.versions(owner, List.of(b.id())).map(m -> m.get(b.id()).get(0)))
                        .flatMap((BriefVersion v1) -> briefs.sign(owner, v1.id(), v1.version())
                                .flatMap(v -> briefs.sign(client, v.id(), v.version()))
                                .flatMap(agreed -> briefs.update(owner, agreed.id(), agreed.version(),
                                        new BriefVersionDraft(List.of("Objective"), null, null, null, null, null,
                                                null, null)))))
                .then(Mono.empty())
                .block(Duration.ofSeconds(120));
        HttpGraphQlTester as = tenants.as(tenant, Role.OWNER);

        return counter.fewest(() -> as.document(QUERY).execute()
                .path("briefs.totalCount").entity(Long.class).isEqualTo((long) briefCount)
                .path("briefs.nodes[*].versions[*].status").entityList(String.class).hasSize(2 * briefCount)
                .path("briefs.nodes[*].versions[*].requirements[*].title").entityList(String.class)
                .hasSize(6 * briefCount)
                .path("briefs.nodes[*].versions[*].signatures[*].party").entityList(String.class)
                .hasSize(2 * briefCount)
                .path("briefs.nodes[*].versions[*].feasibility.verdict").entityList(String.class)
                .hasSize(2 * briefCount));
    }

    private static BriefVersionDraft draft() {
        return new BriefVersionDraft(List.of("Sell online"), List.of("Shoppers"), List.of(
                new RequirementDraft(null, "Catalogue", "As a shopper I browse", Priority.MUST, "10"),
                new RequirementDraft(null, "Search", null, Priority.SHOULD, "4.5"),
                new RequirementDraft(null, "Reviews", null, Priority.COULD, "3")),
                List.of(), List.of(), List.of(), null, null);
    }
}
