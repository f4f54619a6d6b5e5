package io.cordee.core.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One signal a rule found as of a date: what kind, how urgent, about what, the evidence, a suggested
 * action, and whether that action links to a renegotiation proposal for the client (the money signals
 * about one client). {@code magnitude} is the number that matters for this kind, larger meaning worse
 * (see each rule); the life cycle compares it to tell whether an alert got worse.
 */
public record Finding(AlertKind kind, Severity severity, AlertSubject subject, Evidence evidence,
                      BigDecimal magnitude, String suggestedAction, boolean linksToRenegotiation) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(magnitude, "magnitude");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
    }

    /** A finding whose renegotiation link follows from its kind and subject. */
    public static Finding of(AlertKind kind, Severity severity, AlertSubject subject, Evidence evidence,
                             BigDecimal magnitude, String suggestedAction) {
        return new Finding(kind, severity, subject, evidence, magnitude, suggestedAction,
                kind.involvesMoney() && subject.clientId().isPresent());
    }

    /** Worse than a state of the same condition: a higher severity, or the same one and a larger magnitude. */
    public boolean isWorseThan(Severity otherSeverity, BigDecimal otherMagnitude) {
        return severity.isWorseThan(otherSeverity)
                || (severity == otherSeverity && magnitude.compareTo(otherMagnitude) > 0);
    }

    /** The condition this finding is about: one open alert at most per key. */
    public AlertKey key() {
        return new AlertKey(kind, subject);
    }
}
