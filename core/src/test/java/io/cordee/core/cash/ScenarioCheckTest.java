package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 3: a scenario says what it cannot do. Client X (no delay history: pays on the due
 * date) has one project, started 1 May 2026, without a launch date, with 9,000.00 still planned.
 */
class ScenarioCheckTest {

    private static final ClientId X = new ClientId(new UUID(0, 1));
    private static final ClientId STRANGER = new ClientId(new UUID(0, 9));
    private static final ProjectId P = new ProjectId(new UUID(0, 2));
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 3);
    private static final Project NO_LAUNCH = new Project(P, new AgencyId(new UUID(0, 3)), X, "Site", ProjectStatus.ACTIVE,
            LocalDate.of(2026, 5, 1), null, null, eur(9_000), 30, 0);
    private static final List<Receivable> PLANNED = List.of(new Receivable(new InvoiceId(new UUID(0, 4)), X, P,
            InvoiceStatus.PLANNED, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), eur(9_000)));

    @Test
    void anAdjustmentNamingAClientTheAgencyDoesNotHaveIsRefusedOnItsClientId() {
        Map<ClientId, Scenario.ClientAdjustment> adjustments = new LinkedHashMap<>();
        adjustments.put(X, new Scenario.ClientAdjustment(10, null, null));
        adjustments.put(STRANGER, new Scenario.ClientAdjustment(10, null, null)); // second: index 1
        assertThatThrownBy(() -> ScenarioCheck.projectsToReplan(Scenario.custom(adjustments), Set.of(X), PLANNED,
                Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("scenario.adjustments[1].clientId", "is not a client of this agency",
                                ErrorCode.NOT_FOUND)));
    }

    @Test
    void monthlyBillingWithNoLaunchAndNoAllocationEndIsRefused() {
        Scenario monthly = Scenario.custom(Map.of(X, new Scenario.ClientAdjustment(0, null, null, null, true)));
        assertThatThrownBy(() -> ScenarioCheck.projectsToReplan(monthly, Set.of(X), PLANNED, Map.of(P, NO_LAUNCH),
                Map.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("scenario.adjustments[0].monthlyInArrears");
                            assertThat(f.code()).isEqualTo(ErrorCode.REQUIRED);
                            assertThat(f.message()).contains("Site");
                        }));
    }

    /**
     * Without a launch, monthly billing bills up to the last allocation's end, 31 August 2026:
     * 9,000 / 3 months = 3,000.00 invoiced at the end of June, July and August, due 30 days later —
     * Thu 30 July (week of 27 Jul), Sun 30 Aug (week of 24 Aug), Wed 30 Sep (week of 28 Sep).
     * (Before: the whole 9,000.00 at the end of June, due 30 July.)
     */
    @Test
    void monthlyBillingWithoutALaunchBillsUpToTheLastAllocationEnd() {
        Scenario monthly = Scenario.custom(Map.of(X, new Scenario.ClientAdjustment(0, null, null, null, true)));
        Map<ProjectId, Project> projects = ScenarioCheck.projectsToReplan(monthly, Set.of(X), PLANNED,
                Map.of(P, NO_LAUNCH), Map.of(P, LocalDate.of(2026, 8, 31)));
        assertThat(projects.get(P).launchDate()).isEqualTo(LocalDate.of(2026, 8, 31));

        ForecastInput in = new ForecastInput(AS_OF, 20, eur(0), 25, new BankBalance(AS_OF, eur(0)), List.of(), PLANNED,
                List.of(), List.of(), List.of(), Map.of(), projects);
        CashForecast f = CashForecaster.forecast(in, monthly);
        Map<LocalDate, Money> inflows = new LinkedHashMap<>();
        f.weeks().stream().filter(w -> w.inflow().minorUnits() > 0).forEach(w -> inflows.put(w.monday(), w.inflow()));
        assertThat(inflows).containsExactly(Map.entry(LocalDate.of(2026, 7, 27), eur(3_000)),
                Map.entry(LocalDate.of(2026, 8, 24), eur(3_000)), Map.entry(LocalDate.of(2026, 9, 28), eur(3_000)));
    }

    @Test
    void aScenarioWithinItsMeansPassesUnchanged() {
        Project launched = new Project(P, NO_LAUNCH.agencyId(), X, "Site", ProjectStatus.ACTIVE,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 15), null, eur(9_000), 30, 0);
        Scenario monthly = Scenario.custom(Map.of(X, new Scenario.ClientAdjustment(0, null, null, null, true)));
        assertThat(ScenarioCheck.projectsToReplan(monthly, Set.of(X), PLANNED, Map.of(P, launched), Map.of()))
                .containsExactly(Map.entry(P, launched));
        assertThat(ScenarioCheck.projectsToReplan(Scenario.STRESS, Set.of(), PLANNED, Map.of(), Map.of())).isEmpty();
    }

    private static Money eur(long euros) {
        return Money.of(euros * 100, "EUR");
    }
}
