package io.cordee.core.billing;

public enum InvoiceStatus {
    /** Generated from a billing plan, not sent yet. */
    PLANNED,
    ISSUED,
    PAID,
    CANCELLED
}
