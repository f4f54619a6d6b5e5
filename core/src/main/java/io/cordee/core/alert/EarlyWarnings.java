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
 * All nine rules over one agency's facts as of a date, in the order of {@link AlertKind}. Each rule is
 * its own class, with its comparisons, severities, magnitude and evidence documented there.
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

    private EarlyWarnings() {
    }

    public static List<Finding> findings(Facts facts, AlertThresholds thresholds) {
        List<Finding> all = new ArrayList<>();
        all.addAll(CapacityConcentration.findings(facts.comingMonths(), facts.asOf(), thresholds));
        Computations.checkpoint();
        all.addAll(CashShortfall.findings(facts.baseForecast(), thresholds));
        all.addAll(LongTimeToCash.findings(facts.projects(), thresholds));
        Computations.checkpoint();
        all.addAll(ExposureLimit.findings(facts.exposures(), facts.baseForecast().opening(), thresholds));
        all.addAll(FundingRisk.findings(facts.startups()));
        Computations.checkpoint();
        all.addAll(OverdueInvoices.findings(facts.invoices(), facts.asOf(), thresholds));
        all.addAll(PaymentDrift.findings(facts.payments(), thresholds));
        Computations.checkpoint();
        all.addAll(EngagementDrop.findings(facts.relationships(), facts.asOf(), thresholds));
        all.addAll(UnrealisticBrief.findings(facts.briefs()));
        return List.copyOf(all);
    }
}
