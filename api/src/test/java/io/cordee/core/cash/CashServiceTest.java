package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.billing.BillingService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link CashService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04): a
 * forecast worked out by hand from a balance, a one-off, an overhead and an issued invoice; balances are facts
 * (never in the future), accounts have unique names, stale versions and other roles and agencies change nothing.
 * The clock stands on Thursday 15 April 2027 in Paris; the agency keeps the defaults (no safety threshold, SMEs
 * pay 5 days late) and has no team, so no payroll.
 */
@ApiTest
class CashServiceTest extends TenantServiceTest {

    @Autowired
    CashService cash;
    @Autowired
    BillingService billing;
    @Autowired
    ProjectService projects;

    @Override
    protected String tenantName() {
        return "Cash Service Studio";
    }

    @Test
    void theForecastAddsTheInvoiceAtItsExpectedDateAndTakesOffTheCostsWeekByWeek() {
        block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        block(cash.addOneOff(owner, "Laptops", LocalDate.of(2027, 4, 20), eur(250_000)));
        block(cash.addOverhead(owner, "Rent", eur(120_000), 3, LocalDate.of(2027, 1, 1), null));
        Project project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Discovery",
                ProjectStatus.ACTIVE, LocalDate.of(2027, 3, 1), null, null, eur(600_000), 30)));
        block(billing.create(as(Role.FINANCE), project.id(), "Discovery", eur(600_000), "F-1",
                LocalDate.of(2027, 3, 31)));

        CashForecast forecast = block(cash.forecast(owner, null, 4, Scenario.BASE));

        // from today (no as-of given), in the weeks of Mondays 12, 19, 26 April and 3 May; opening 10,000.00 (the
        // balance is today's). Week of 19 April: the one-off of 2,500.00 on Tuesday 20 → 7,500.00. Week of 26
        // April: nothing → 7,500.00. Week of 3 May: the rent of 1,200.00 on Monday 3 May out; the invoice, due 30
        // days after 31 March (30 April) and expected 5 days later (Wednesday 5 May), 6,000.00 in →
        // 7,500 + 6,000 − 1,200 = 12,300.00. The rent of 3 April is before the forecast.
        assertThat(forecast.asOf()).isEqualTo(TODAY);
        assertThat(forecast.opening()).isEqualTo(eur(1_000_000));
        assertThat(forecast.weeks()).extracting(CashForecast.Week::monday, CashForecast.Week::inflow,
                        CashForecast.Week::outflow, CashForecast.Week::closing)
                .containsExactly(
                        tuple(LocalDate.of(2027, 4, 12), eur(0), eur(0), eur(1_000_000)),
                        tuple(LocalDate.of(2027, 4, 19), eur(0), eur(250_000), eur(750_000)),
                        tuple(LocalDate.of(2027, 4, 26), eur(0), eur(0), eur(750_000)),
                        tuple(LocalDate.of(2027, 5, 3), eur(600_000), eur(120_000), eur(1_230_000)));
        // the first lowest week wins a tie: 19 April; the threshold (0) is never crossed
        assertThat(forecast.lowestBalance()).isEqualTo(eur(750_000));
        assertThat(forecast.lowestWeek()).isEqualTo(LocalDate.of(2027, 4, 19));
        assertThat(forecast.firstWeekBelowThreshold()).isNull();
    }

    @Test
    void aBalanceIsAFactAndAnAccountNameIsUniqueNothingWrittenOtherwise() {
        BankBalance today = block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        // the first balance opened the agency's only account
        assertThat(block(cash.accounts(owner))).extracting(BankAccount::name).containsExactly(BankAccount.DEFAULT_NAME);
        assertThat(today.accountId()).isEqualTo(block(cash.accounts(owner)).get(0).id());

        // tomorrow is not known yet
        assertThat(refusal(catchThrowable(() -> block(cash.recordBalance(owner, TODAY.plusDays(1), eur(5))))))
                .containsExactly("date OUT_OF_RANGE");
        // the same name, whatever its case and spaces
        assertThat(refusal(catchThrowable(() -> block(cash.createAccount(owner, "  main ACCOUNT ", null)))))
                .containsExactly("name DUPLICATE");
        assertThat(block(cash.balances(owner, new PageRequest(10, null))).items()).containsExactly(today);
        assertThat(block(cash.accounts(owner))).hasSize(1);

        // with a second open account, a balance must name its account
        block(cash.createAccount(owner, "Savings", null));
        assertThat(refusal(catchThrowable(() -> block(cash.recordBalance(owner, TODAY, eur(7))))))
                .containsExactly("accountId REQUIRED");
        assertThat(block(cash.balances(owner, new PageRequest(10, null))).items()).containsExactly(today);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Overhead rent = block(cash.addOverhead(owner, "Rent", eur(120_000), 3, LocalDate.of(2027, 1, 1), null));
        Overhead raised = block(cash.updateOverhead(owner, rent.id(), rent.version(), null, eur(130_000), null, null,
                null));
        assertThat(raised).extracting(Overhead::monthlyAmount, Overhead::version).containsExactly(eur(130_000), 1L);

        // a second edit from the version first read
        assertThat(catchThrowable(() -> block(cash.updateOverhead(owner, rent.id(), rent.version(), null,
                eur(90_000), null, null, null)))).isInstanceOf(Conflict.class);
        assertThat(catchThrowable(() -> block(cash.deleteOverhead(owner, rent.id(), rent.version()))))
                .isInstanceOf(Conflict.class);
        assertThat(block(cash.overheads(owner))).extracting(Overhead::monthlyAmount, Overhead::version)
                .containsExactly(tuple(eur(130_000), 1L));
    }

    @Test
    void aLeadOrAClientUserNeitherSeesNorChangesCash() {
        block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        for (Role role : new Role[] {Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(cash.forecast(caller, null, 4, Scenario.BASE))))
                    .isInstanceOf(Forbidden.class);
            assertThat(catchThrowable(() -> block(cash.addOneOff(caller, "Taxi", TODAY, eur(3_000)))))
                    .isInstanceOf(Forbidden.class);
            assertThat(catchThrowable(() -> block(cash.recordBalance(caller, TODAY, eur(1)))))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(block(cash.oneOffs(owner, TODAY.minusYears(1), TODAY.plusYears(1)))).isEmpty();
        assertThat(block(cash.balances(owner, new PageRequest(10, null))).items()).extracting(BankBalance::amount)
                .containsExactly(eur(1_000_000));
        // FINANCE may
        assertThat(block(cash.forecast(as(Role.FINANCE), null, 4, Scenario.BASE)).opening())
                .isEqualTo(eur(1_000_000));
    }

    @Test
    void anotherAgencyNeitherReadsNorChangesThisOnesCash() {
        BankBalance balance = block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        OneOffExpense laptops = block(cash.addOneOff(owner, "Laptops", LocalDate.of(2027, 4, 20), eur(250_000)));
        Overhead rent = block(cash.addOverhead(owner, "Rent", eur(120_000), 3, LocalDate.of(2027, 1, 1), null));
        Caller stranger = tenants.create("Cash Service Stranger").owner();

        // its own forecast has no balance to start from: this agency's is not read
        assertThat(refusal(catchThrowable(() -> block(cash.forecast(stranger, null, 4, Scenario.BASE)))))
                .containsExactly("asOf REQUIRED");
        assertThat(block(cash.balances(stranger, new PageRequest(10, null))).items()).isEmpty();
        assertThat(block(cash.overheads(stranger))).isEmpty();
        // with the right ids and versions: not found, as if they did not exist
        assertThat(catchThrowable(() -> block(cash.deleteBalance(stranger, balance.id()))))
                .isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(cash.deleteOneOff(stranger, laptops.id()))))
                .isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(cash.updateOverhead(stranger, rent.id(), rent.version(), "Mine", null,
                null, null, null)))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(cash.exposure(stranger, tenant.ownClient().id(), TODAY, 4))))
                .isInstanceOf(NotFound.class);

        assertThat(block(cash.balances(owner, new PageRequest(10, null))).items()).containsExactly(balance);
        assertThat(block(cash.oneOffs(owner, TODAY, TODAY.plusMonths(1)))).containsExactly(laptops);
        assertThat(block(cash.overheads(owner))).containsExactly(rent);
    }
}
