package io.cordee.core.alert;

import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.Feasibility;
import io.cordee.core.client.ClientId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code UNREALISTIC_BRIEF}: the feasibility of a brief's current version is {@code UNREALISTIC}
 * (scope ÷ capacity above 1.0, or no capacity at all). A warning; critical when even the earliest
 * realistic launch falls after the client's communication-plan date (the launch cannot move far
 * enough).
 *
 * <p>Magnitude: the missing person-days, scope − capacity. Evidence: ratio (when there is capacity),
 * scopeDays, capacityDays, launchDate, earliestRealisticLaunch (when any), communicationPlanDate (when
 * known), requirementsToDrop.
 */
public final class UnrealisticBrief implements AlertRule {

    /** A brief, its client, and the feasibility of its current version. */
    public record CurrentVersion(BriefId brief, ClientId client, BriefFeasibility feasibility) {
        public CurrentVersion {
            Objects.requireNonNull(brief, "brief");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(feasibility, "feasibility");
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public UnrealisticBrief() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.briefs());
    }

    public static List<Finding> findings(List<CurrentVersion> briefs) {
        List<Finding> findings = new ArrayList<>();
        for (CurrentVersion b : briefs) {
            Feasibility f = b.feasibility().feasibility();
            if (f.verdict() != Feasibility.Verdict.UNREALISTIC) {
                continue;
            }
            Evidence evidence = Evidence.empty();
            if (f.ratio() != null) {
                evidence = evidence.with("ratio", f.ratio());
            }
            evidence = evidence.with("scopeDays", f.scopeDays()).with("capacityDays", f.capacityDays());
            if (b.feasibility().launchDate() != null) {
                evidence = evidence.with("launchDate", b.feasibility().launchDate());
            }
            if (f.earliestRealisticLaunch() != null) {
                evidence = evidence.with("earliestRealisticLaunch", f.earliestRealisticLaunch());
            }
            if (b.feasibility().communicationPlanDate() != null) {
                evidence = evidence.with("communicationPlanDate", b.feasibility().communicationPlanDate());
            }
            evidence = evidence.with("requirementsToDrop", f.requirementsToDrop().size());
            Severity severity = f.launchAfterCommunicationPlan() ? Severity.CRITICAL : Severity.WARNING;
            String action = f.requirementsToDrop().isEmpty()
                    ? "The current version of this brief does not fit the people allocated before launch: "
                            + "rewrite it with the client, add people or move the launch."
                    : "The current version of this brief does not fit: propose to the client to drop "
                            + String.join(", ", f.requirementsToDrop()) + ", or to move the launch.";
            findings.add(Finding.of(AlertKind.UNREALISTIC_BRIEF, severity, AlertSubject.brief(b.brief(), b.client()),
                    evidence, f.scopeDays().subtract(f.capacityDays()), action));
        }
        return findings;
    }
}
