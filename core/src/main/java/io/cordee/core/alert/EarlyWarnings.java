package io.cordee.core.alert;

import io.cordee.core.common.Computations;
import io.cordee.core.alert.EngagementDrop.Relationship;
import io.cordee.core.alert.ExposureLimit.ClientExposure;
import io.cordee.core.alert.FundingRisk.Startup;
import io.cordee.core.alert.LongTimeToCash.ProjectCash;
import io.cordee.core.alert.PaymentDrift.ClientPayments;
import io.cordee.core.alert.UnrealisticBrief.CurrentVersion;
import io.cordee.core.billing.Invoice;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.staffing.MonthCapacity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules ({@link #RULES}) and how they run over one agency's facts as of a date, in the order of
 * {@link AlertKind}. Each rule is its own class ({@link AlertRule}), with its comparisons, severities,
 * magnitude and evidence documented there.
 */
public final class EarlyWarnings {

    /**
     * The facts the rules read. The exposure limit is measured against the base forecast's opening
     * balance.
     */
    public record Facts(LocalDate asOf, List<MonthCapacity> comingMonths, CashForecast baseForecast,
                        List<ProjectCash> projects, List<ClientExposure> exposures, List<Startup> startups,
                        List<Invoice> invoices, List<ClientPayments> payments, List<Relationship> relationships,
                        List<CurrentVersion> briefs) {
        public Facts {
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(baseForecast, "baseForecast");
            comingMonths = List.copyOf(comingMonths);
            projects = List.copyOf(projects);
            exposures = List.copyOf(exposures);
            startups = List.copyOf(startups);
            invoices = List.copyOf(invoices);
            payments = List.copyOf(payments);
            relationships = List.copyOf(relationships);
            briefs = List.copyOf(briefs);
        }
    }

    /**
     * Every rule, in the order of {@link AlertKind} (ADR 54): what an evaluation runs over its
     * {@link AlertContext}. {@code CASH_RISK} finds nothing in a context without a Monte Carlo run.
     */
    public static final List<AlertRule> RULES = List.of(new CapacityConcentration(), new CashShortfall(),
            new LongTimeToCash(), new ExposureLimit(), new FundingRisk(), new OverdueInvoices(), new PaymentDrift(),
            new EngagementDrop(), new UnrealisticBrief(), new CashRiskRule());

    private EarlyWarnings() {
    }

    /** The findings of every rule over facts already derived (no Monte Carlo run, so no {@code CASH_RISK}). */
    public static List<Finding> findings(Facts facts, AlertThresholds thresholds) {
        return findings(RULES, AlertContext.of(facts, thresholds));
    }

    /** The findings of {@code rules} over one context, in the rules' order. */
    public static List<Finding> findings(List<AlertRule> rules, AlertContext context) {
        List<Finding> all = new ArrayList<>();
        for (AlertRule rule : rules) {
            Computations.checkpoint();
            all.addAll(rule.evaluate(context));
        }
        return List.copyOf(all);
    }
}
