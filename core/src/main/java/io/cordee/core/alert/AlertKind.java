package io.cordee.core.alert;

/**
 * The early-warning signals (DESIGN.md, Early warnings). The money signals that concern one
 * client link their suggested action to a renegotiation proposal for that client.
 */
public enum AlertKind {
    CAPACITY_CONCENTRATION(true),
    CASH_SHORTFALL(true),
    LONG_TIME_TO_CASH(true),
    EXPOSURE_LIMIT(true),
    FUNDING_RISK(true),
    OVERDUE_INVOICE(true),
    PAYMENT_DRIFT(true),
    ENGAGEMENT_DROP(false),
    UNREALISTIC_BRIEF(false),
    /** The probabilistic forecast's chance of going under the threshold within 13 weeks (ADR 48). */
    CASH_RISK(true);

    private final boolean money;

    AlertKind(boolean money) {
        this.money = money;
    }

    /** Whether money is involved (the design's "where money is involved"). */
    public boolean involvesMoney() {
        return money;
    }
}
