package io.cordee.core.alert;

import java.util.List;

/**
 * One early-warning rule (DESIGN.md, Early warnings): a pure function of an agency's facts as of a date
 * (ADR 54). Each rule is its own small class, which documents its comparisons, severities, magnitude and
 * evidence; {@link EarlyWarnings#RULES} lists them all, and the evaluation runs each over one
 * {@link AlertContext}. A rule reads only what it needs from the context, which derives it from the agency
 * cash picture on first use: a new rule needs no read of its own.
 */
public interface AlertRule {

    /** What the rule finds in the facts, none when nothing fires; never null. */
    List<Finding> evaluate(AlertContext context);
}
