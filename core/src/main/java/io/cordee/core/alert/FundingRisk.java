package io.cordee.core.alert;

import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.RoundStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code FUNDING_RISK}: a start-up may not be able to pay what it still owes. For a {@code STARTUP}
 * client with a funding profile that still owes something, it fires when any of these holds:
 * <ol>
 *   <li>its runway ends before its last expected payment (strictly before: ending that very day is fine);</li>
 *   <li>its next round is expected before its last expected payment and is not {@code SIGNED} (the payment
 *       depends on a round that has not happened);</li>
 *   <li>its next round is {@code IN_DOUBT} or {@code FAILED}, whatever the dates.</li>
 * </ol>
 * Severity: critical when the round {@code FAILED}, or when the runway ends first and no round is
 * signed; otherwise a warning (a round expected first, a round in doubt, or a runway end made stale by a
 * signed round).
 *
 * <p>Magnitude: the days of payments at risk, from the earliest date that comes first (runway end or
 * round) to the last expected payment; 0 when only the round status fires. Evidence: lastExpectedPayment,
 * then runwayEnd, nextRoundExpected, roundStatus when known, then daysAtRisk.
 */
public final class FundingRisk implements AlertRule {

    /**
     * A client and the expected date of the last payment it still owes (planned and issued invoices), as
     * the delay model gives it — not moved to today when late, and in the past if it is overdue; null
     * when it owes nothing.
     */
    public record Startup(Client client, LocalDate lastExpectedPayment) {
        public Startup {
            Objects.requireNonNull(client, "client");
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public FundingRisk() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.startups());
    }

    public static List<Finding> findings(List<Startup> startups) {
        List<Finding> findings = new ArrayList<>();
        for (Startup s : startups) {
            FundingProfile funding = s.client().funding();
            LocalDate last = s.lastExpectedPayment();
            if (s.client().segment() != Segment.STARTUP || funding == null || last == null) {
                continue;
            }
            RoundStatus status = funding.nextRoundStatus();
            boolean signed = status == RoundStatus.SIGNED;
            boolean runwayFirst = funding.runwayEnd() != null && funding.runwayEnd().isBefore(last);
            boolean roundFirst = !signed && funding.nextRoundExpected() != null
                    && funding.nextRoundExpected().isBefore(last);
            boolean doubtful = status == RoundStatus.IN_DOUBT || status == RoundStatus.FAILED;
            if (!runwayFirst && !roundFirst && !doubtful) {
                continue;
            }
            Severity severity = status == RoundStatus.FAILED || (runwayFirst && !signed) ? Severity.CRITICAL
                    : Severity.WARNING;
            LocalDate riskFrom = null;
            if (runwayFirst) {
                riskFrom = funding.runwayEnd();
            }
            if (roundFirst && (riskFrom == null || funding.nextRoundExpected().isBefore(riskFrom))) {
                riskFrom = funding.nextRoundExpected();
            }
            long daysAtRisk = riskFrom == null ? 0 : ChronoUnit.DAYS.between(riskFrom, last);
            Evidence evidence = Evidence.empty().with("lastExpectedPayment", last);
            if (funding.runwayEnd() != null) {
                evidence = evidence.with("runwayEnd", funding.runwayEnd());
            }
            if (funding.nextRoundExpected() != null) {
                evidence = evidence.with("nextRoundExpected", funding.nextRoundExpected());
            }
            if (status != null) {
                evidence = evidence.with("roundStatus", status.name());
            }
            evidence = evidence.with("daysAtRisk", daysAtRisk);
            findings.add(Finding.of(AlertKind.FUNDING_RISK, severity, AlertSubject.client(s.client().id()), evidence,
                    BigDecimal.valueOf(daysAtRisk),
                    "This start-up may run out of cash before paying its last invoice (" + last
                            + "): ask for a deposit or monthly billing, and bill what is done now."));
        }
        return findings;
    }
}
