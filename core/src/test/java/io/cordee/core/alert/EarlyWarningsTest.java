package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.alert.EngagementDrop.Relationship;
import io.cordee.core.alert.ExposureLimit.ClientExposure;
import io.cordee.core.alert.FundingRisk.Startup;
import io.cordee.core.alert.LongTimeToCash.ProjectCash;
import io.cordee.core.alert.PaymentDrift.ClientPayments;
import io.cordee.core.alert.UnrealisticBrief.CurrentVersion;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaymentDelayModel.PaidInvoice;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Feasibility;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.Exposure;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipHealth.TrendPoint;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.MonthCapacity.ClientLoad;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo agency's story as of Monday 23 November 2026, one fact per rule, each just past its
 * default threshold: every rule fires once, in the order of the kinds.
 */
class EarlyWarningsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final ClientId ENTERPRISE = new ClientId(UUID.randomUUID());
    private static final ClientId STARTUP = new ClientId(UUID.randomUUID());

    @Test
    void everyRuleHasItsSay() {
        Money zero = Money.of(0, "EUR");
        // opening 100 000.00, threshold 100 000.00; first below in week 5 → critical
        Money opening = Money.of(10_000_000, "EUR");
        List<CashForecast.Week> weeks = new ArrayList<>();
        for (int w = 0; w < 26; w++) {
            weeks.add(new CashForecast.Week(AS_OF.plusWeeks(w), zero, zero, opening, Map.of()));
        }
        CashForecast forecast = new CashForecast(AS_OF, opening, opening, weeks, Money.of(9_000_000, "EUR"),
                AS_OF.plusWeeks(4), AS_OF.plusWeeks(4), Map.of());

        // delays 10, 10, 10 then 30, 30, 30: 20 days worse
        List<PaidInvoice> paid = new ArrayList<>();
        int[] delays = {10, 10, 10, 30, 30, 30};
        for (int i = 0; i < delays.length; i++) {
            LocalDate due = LocalDate.of(2024, 1, 31).plusMonths(3L * i);
            paid.add(new PaidInvoice(due, due.plusDays(delays[i])));
        }
        Client startup = new Client(STARTUP, new AgencyId(UUID.randomUUID()), "Start", Segment.STARTUP, 30, List.of(),
                new FundingProfile(FundingStage.SEED, null, LocalDate.of(2027, 1, 15), RoundStatus.IN_DOUBT), false, 0);
        Money peak = Money.of(6_000_000, "EUR");
        Feasibility unrealistic = new Feasibility(new BigDecimal("100"), new BigDecimal("130"), new BigDecimal("1.3"),
                Feasibility.Verdict.UNREALISTIC, List.of(), null, zero, false, false);

        EarlyWarnings.Facts facts = new EarlyWarnings.Facts(AS_OF,
                // 75 % of December's capacity
                List.of(new MonthCapacity(YearMonth.of(2026, 12), 20, new BigDecimal("400"),
                        List.of(new ClientLoad(ENTERPRISE, new BigDecimal("300"), new BigDecimal("0.75"))))),
                forecast,
                // started 1 September, first cash 4 January: 122 days
                List.of(new ProjectCash(new ProjectId(UUID.randomUUID()), ENTERPRISE, LocalDate.of(2026, 9, 1),
                        LocalDate.of(2027, 1, 4), false)),
                // 60 000.00 > 50 % of 100 000.00
                List.of(new ClientExposure(ENTERPRISE, new Exposure.Series(List.of(), peak, AS_OF.plusWeeks(8), 20))),
                // round in doubt, expected before the last payment of 31 March
                List.of(new Startup(startup, LocalDate.of(2027, 3, 31))),
                // due 1 November: 22 days overdue
                List.of(new Invoice(new InvoiceId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), ENTERPRISE,
                        null, null, null, "Deposit", InvoiceStatus.ISSUED, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 11, 1), Money.of(500_000, "EUR"), zero, null, 0)),
                List.of(new ClientPayments(ENTERPRISE, paid)),
                // 80 on 27 September, 60 today
                List.of(new Relationship(STARTUP, new RelationshipHealth(AS_OF, 60, List.of(), List.of(
                        new TrendPoint("2026-W39", LocalDate.of(2026, 9, 27), 80),
                        new TrendPoint("2026-W48", AS_OF, 60)), null), List.of())),
                List.of(new CurrentVersion(new BriefId(UUID.randomUUID()), STARTUP, new BriefFeasibility(
                        new BriefVersionId(UUID.randomUUID()), AS_OF, LocalDate.of(2027, 3, 1), null, unrealistic,
                        List.of(), null))));

        List<Finding> findings = EarlyWarnings.findings(facts, AlertThresholds.defaults());

        // CASH_RISK is a separate rule (its facts are a Monte Carlo run, CashRiskRuleTest), not one of these
        assertThat(findings).extracting(Finding::kind).containsExactly(java.util.Arrays.stream(AlertKind.values())
                .filter(k -> k != AlertKind.CASH_RISK).toArray(AlertKind[]::new));
        assertThat(findings).extracting(Finding::severity).containsExactly(
                Severity.CRITICAL,  // 75 % > 50 %
                Severity.CRITICAL,  // week 5 ≤ 13
                Severity.WARNING,   // 122 > 90 days
                Severity.WARNING,   // 60 000.00 > 50 000.00
                Severity.WARNING,   // round in doubt and before the last payment; no runway known
                Severity.WARNING,   // 22 days: ≥ 15, < 30
                Severity.WARNING,   // 20 ≥ 15 days
                Severity.WARNING,   // 80 − 60 = 20 ≥ 15 points
                Severity.WARNING);  // 1.3 > 1.0, launch not bound by a communication plan
    }
}
