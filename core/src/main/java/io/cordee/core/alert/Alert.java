package io.cordee.core.alert;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An early-warning signal with a life: what the last finding of its condition said (severity,
 * evidence, magnitude, action), its status and when it changed. {@code worsened} says it came back
 * because it got worse, until someone acknowledges it again. {@code snoozedUntil}: quiet before that
 * date (the agency's time zone), unless it gets worse. Changes return a new value; see
 * {@link AlertLifecycle} for what the findings do to it.
 */
public record Alert(AlertId id, AlertKind kind, AlertSubject subject, Severity severity, Evidence evidence,
                    BigDecimal magnitude, String suggestedAction, boolean linksToRenegotiation, AlertStatus status,
                    boolean worsened, Instant openedAt, Instant acknowledgedAt, Instant resolvedAt,
                    LocalDate snoozedUntil) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(magnitude, "magnitude");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        if ((status == AlertStatus.RESOLVED) != (resolvedAt != null)) {
            throw new IllegalArgumentException("resolvedAt is set exactly when the alert is RESOLVED");
        }
        if (status == AlertStatus.ACKNOWLEDGED && acknowledgedAt == null) {
            throw new IllegalArgumentException("an ACKNOWLEDGED alert needs acknowledgedAt");
        }
    }

    /** A new alert for a finding. */
    public static Alert open(AlertId id, Finding finding, Instant at) {
        return new Alert(id, finding.kind(), finding.subject(), finding.severity(), finding.evidence(),
                finding.magnitude(), finding.suggestedAction(), finding.linksToRenegotiation(), AlertStatus.OPEN,
                false, at, null, null, null);
    }

    public AlertKey key() {
        return new AlertKey(kind, subject);
    }

    /** Someone has seen it: it leaves the list of open alerts until it gets worse. */
    public Alert acknowledge(Instant at) {
        if (status != AlertStatus.OPEN) {
            throw InvalidInput.of("id", "only an open alert can be acknowledged (this one is " + status + ")",
                    ErrorCode.INVALID_FORMAT);
        }
        return new Alert(id, kind, subject, severity, evidence, magnitude, suggestedAction, linksToRenegotiation,
                AlertStatus.ACKNOWLEDGED, false, openedAt, at, null, snoozedUntil);
    }

    /** Quiet until {@code until} (the alert is back on that day), unless it gets worse first. */
    public Alert snooze(LocalDate until) {
        if (status == AlertStatus.RESOLVED) {
            throw InvalidInput.of("id", "a resolved alert cannot be snoozed", ErrorCode.INVALID_FORMAT);
        }
        Objects.requireNonNull(until, "until");
        return new Alert(id, kind, subject, severity, evidence, magnitude, suggestedAction, linksToRenegotiation,
                status, worsened, openedAt, acknowledgedAt, null, until);
    }

    /** Snoozed on {@code day}: the snooze date has not come yet. */
    public boolean quietOn(LocalDate day) {
        return snoozedUntil != null && day.isBefore(snoozedUntil);
    }

    /** Whether {@code finding} says the condition is worse: a higher severity, or the same one and a larger magnitude. */
    public boolean isWorsenedBy(Finding finding) {
        return finding.isWorseThan(severity, magnitude);
    }

    /** Whether {@code finding} says exactly what this alert says (magnitudes compared by value, not scale). */
    boolean sameFactsAs(Finding f) {
        return f.severity() == severity && f.magnitude().compareTo(magnitude) == 0 && f.evidence().equals(evidence)
                && f.suggestedAction().equals(suggestedAction) && f.linksToRenegotiation() == linksToRenegotiation;
    }

    /** The latest finding's facts, status and dates unchanged. */
    Alert refresh(Finding f) {
        return new Alert(id, kind, subject, f.severity(), f.evidence(), f.magnitude(), f.suggestedAction(),
                f.linksToRenegotiation(), status, worsened, openedAt, acknowledgedAt, resolvedAt, snoozedUntil);
    }

    /** Back to OPEN: not acknowledged, not snoozed any more. */
    Alert reopen(boolean markWorsened) {
        return new Alert(id, kind, subject, severity, evidence, magnitude, suggestedAction, linksToRenegotiation,
                AlertStatus.OPEN, worsened || markWorsened, openedAt, null, null, null);
    }

    Alert resolve(Instant at) {
        return new Alert(id, kind, subject, severity, evidence, magnitude, suggestedAction, linksToRenegotiation,
                AlertStatus.RESOLVED, worsened, openedAt, acknowledgedAt, at, null);
    }
}
