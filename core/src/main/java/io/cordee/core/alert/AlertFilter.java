package io.cordee.core.alert;

import io.cordee.core.client.ClientId;
import java.util.Set;

/**
 * Which alerts to list; null or empty sets do not filter. {@code includeSnoozed} false hides the alerts
 * still snoozed today. Listed newest first.
 */
public record AlertFilter(Set<AlertStatus> statuses, Set<Severity> severities, Set<AlertKind> kinds, ClientId clientId,
                          boolean includeSnoozed) {

    public AlertFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public static AlertFilter all() {
        return new AlertFilter(Set.of(), Set.of(), Set.of(), null, true);
    }

    /** This filter narrowed to the kinds a role may see. */
    AlertFilter within(Set<AlertKind> visible) {
        Set<AlertKind> narrowed = kinds.isEmpty() ? visible
                : kinds.stream().filter(visible::contains).collect(java.util.stream.Collectors.toSet());
        return new AlertFilter(statuses, severities, narrowed, clientId, includeSnoozed);
    }
}
