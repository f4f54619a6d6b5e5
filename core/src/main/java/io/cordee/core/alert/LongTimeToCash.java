package io.cordee.core.alert;

import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code LONG_TIME_TO_CASH}: a project's time to first cash (its start to its first actual or expected
 * receipt, as {@link io.cordee.core.cash.TimeToFirstCash}) <em>exceeds</em> {@code timeToFirstCashDays}
 * (90 days exactly is fine). It holds until that first cash is received: once the money is in, the
 * condition is over. A project with no receipt expected at all is left out (that is a missing billing
 * plan, not a measured delay).
 *
 * <p>Severity: a warning. Magnitude: the days to first cash. Evidence: projectStart, firstReceipt,
 * daysToFirstCash, limitDays.
 */
public final class LongTimeToCash implements AlertRule {

    /**
     * A project, its client, its start and its first receipt: the payment's date when {@code received},
     * else the expected date as the delay model gives it (due date + expected delay), <em>not</em> moved
     * to today when late — a date that moved every day would make the magnitude worse every day. Null
     * when no receipt is expected.
     */
    public record ProjectCash(ProjectId project, ClientId client, LocalDate start, LocalDate firstReceipt,
                              boolean received) {
        public ProjectCash {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(start, "start");
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public LongTimeToCash() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.projects(), context.thresholds());
    }

    public static List<Finding> findings(List<ProjectCash> projects, AlertThresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (ProjectCash p : projects) {
            if (p.firstReceipt() == null || p.received()) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(p.start(), p.firstReceipt());
            if (days <= thresholds.timeToFirstCashDays()) {
                continue;
            }
            Evidence evidence = Evidence.empty()
                    .with("projectStart", p.start())
                    .with("firstReceipt", p.firstReceipt())
                    .with("daysToFirstCash", days)
                    .with("limitDays", thresholds.timeToFirstCashDays());
            findings.add(Finding.of(AlertKind.LONG_TIME_TO_CASH, Severity.WARNING,
                    AlertSubject.project(p.project(), p.client()), evidence, BigDecimal.valueOf(days),
                    "The first cash of this project comes " + days + " days after its start: propose a deposit or "
                            + "monthly billing."));
        }
        return findings;
    }
}
