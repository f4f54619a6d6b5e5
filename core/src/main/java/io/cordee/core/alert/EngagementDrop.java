package io.cordee.core.alert;

import io.cordee.core.client.ClientId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipHealth.TrendPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code ENGAGEMENT_DROP}: the relationship cools down. Two conditions, either fires:
 * <ul>
 *   <li><b>health drop</b>: the highest score of the trend points dated within the window (as-of −
 *       {@code engagementWindowDays} up to the as-of date, both included) minus today's score is
 *       {@code engagementDropPoints} or more (a fall of exactly 15 fires, 14 does not) — a warning; with
 *       equal highest scores the latest one is the point it fell from;</li>
 *   <li><b>commitments slip</b>: a commitment slips the day after its due date when it was not delivered
 *       by then; slips in the last {@code commitmentSlipDays} days (the as-of date included: due dates from
 *       as-of − 14 to as-of − 1) count, and one is enough — information only, as a single late delivery
 *       is a nudge rather than an alarm; with a health drop as well it stays a warning.</li>
 * </ul>
 * Magnitude: the drop in points when the health dropped, else the number of slips (the severity tells
 * the two apart). Evidence: currentScore, highestScore, highestScoreOn, dropPoints, slippedCommitments,
 * and lastSlipDue when any slipped.
 */
public final class EngagementDrop implements AlertRule {

    public record Relationship(ClientId client, RelationshipHealth health, List<Commitment> commitments) {
        public Relationship {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(health, "health");
            commitments = List.copyOf(commitments);
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public EngagementDrop() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.relationships(), context.asOf(), context.thresholds());
    }

    public static List<Finding> findings(List<Relationship> relationships, LocalDate asOf, AlertThresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        LocalDate windowStart = asOf.minusDays(thresholds.engagementWindowDays());
        LocalDate firstSlipDue = asOf.minusDays(thresholds.commitmentSlipDays());
        for (Relationship r : relationships) {
            int current = r.health().score();
            TrendPoint highest = r.health().trend().stream()
                    .filter(p -> !p.asOf().isBefore(windowStart) && !p.asOf().isAfter(asOf))
                    .max(Comparator.comparingInt(TrendPoint::score).thenComparing(TrendPoint::asOf))
                    .orElse(new TrendPoint(null, asOf, current));
            int drop = Math.max(0, highest.score() - current);
            boolean dropped = drop >= thresholds.engagementDropPoints();
            List<Commitment> slipped = r.commitments().stream()
                    .filter(c -> !c.dueDate().isBefore(firstSlipDue) && c.dueDate().isBefore(asOf) && c.late(asOf))
                    .sorted(Comparator.comparing(Commitment::dueDate))
                    .toList();
            if (!dropped && slipped.isEmpty()) {
                continue;
            }
            Evidence evidence = Evidence.empty()
                    .with("currentScore", current)
                    .with("highestScore", highest.score())
                    .with("highestScoreOn", highest.asOf())
                    .with("dropPoints", drop)
                    .with("slippedCommitments", slipped.size());
            if (!slipped.isEmpty()) {
                evidence = evidence.with("lastSlipDue", slipped.get(slipped.size() - 1).dueDate());
            }
            String action = dropped
                    ? "The relationship health fell " + drop + " points since " + highest.asOf()
                            + ": meet the client to review the game plan together."
                    : slipped.size() + " commitment(s) of the client slipped recently: agree new dates and who "
                            + "provides what.";
            findings.add(Finding.of(AlertKind.ENGAGEMENT_DROP, dropped ? Severity.WARNING : Severity.INFO,
                    AlertSubject.client(r.client()), evidence, BigDecimal.valueOf(dropped ? drop : slipped.size()),
                    action));
        }
        return findings;
    }
}
