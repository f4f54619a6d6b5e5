package io.cordee.core.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the rules' latest findings into alert changes. Pure: the stored alerts, the findings, a clock
 * (its instant stamps the changes; its zone says which day it is for snoozes) and a source of ids in;
 * the list of changes out, nothing written.
 *
 * <p>A condition is a kind and a subject ({@link AlertKey}). For each unresolved alert, in the given
 * order, one change at most:
 * <ol>
 *   <li>no finding for its condition → {@code RESOLVED} at the clock's instant;</li>
 *   <li>the finding is worse ({@link Alert#isWorsenedBy}) → {@code WORSENED}: whatever its status, it is
 *       OPEN again, marked worsened, its snooze lifted;</li>
 *   <li>its snooze date has come (today on or after it) → {@code SNOOZE_ENDED}: OPEN again, with the
 *       finding's facts;</li>
 *   <li>the facts differ (better, or other evidence) → {@code UPDATED}: status and snooze kept, so an
 *       acknowledged alert stays acknowledged when equal or better;</li>
 *   <li>nothing differs → no change.</li>
 * </ol>
 * Then each finding whose condition has no unresolved alert → {@code OPENED} with a new id: the same
 * condition never has two unresolved alerts. A resolved alert stays resolved; if its condition comes
 * back, that is a new alert. Two findings for one condition count as the worse of them; two unresolved
 * alerts for one condition are refused.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    public static List<AlertChange> reconcile(List<Alert> existing, List<Finding> findings, Clock clock,
                                              Supplier<UUID> ids) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());

        Map<AlertKey, Finding> current = new LinkedHashMap<>();
        for (Finding f : findings) {
            current.merge(f.key(), f, AlertLifecycle::worse);
        }

        Map<AlertKey, Alert> unresolved = new LinkedHashMap<>();
        for (Alert a : existing) {
            if (a.status() != AlertStatus.RESOLVED && unresolved.put(a.key(), a) != null) {
                throw new IllegalArgumentException("two unresolved alerts for " + a.key());
            }
        }

        List<AlertChange> changes = new ArrayList<>();
        for (Alert alert : unresolved.values()) {
            Finding finding = current.remove(alert.key());
            if (finding == null) {
                changes.add(new AlertChange(AlertChange.Type.RESOLVED, alert.resolve(now)));
            } else if (alert.isWorsenedBy(finding)) {
                changes.add(new AlertChange(AlertChange.Type.WORSENED, alert.refresh(finding).reopen(true)));
            } else if (alert.snoozedUntil() != null && !alert.quietOn(today)) {
                changes.add(new AlertChange(AlertChange.Type.SNOOZE_ENDED, alert.refresh(finding).reopen(false)));
            } else if (!alert.sameFactsAs(finding)) {
                changes.add(new AlertChange(AlertChange.Type.UPDATED, alert.refresh(finding)));
            }
        }
        for (Finding finding : current.values()) {
            changes.add(new AlertChange(AlertChange.Type.OPENED, Alert.open(new AlertId(ids.get()), finding, now)));
        }
        return changes;
    }

    private static Finding worse(Finding a, Finding b) {
        return b.isWorseThan(a.severity(), a.magnitude()) ? b : a;
    }
}
