package io.cordee.core.billing;

import java.time.LocalDate;

/** A part of the fee invoiced on a date (or when a deliverable is accepted, planned at that date). */
public record Milestone(String label, LocalDate date, int sharePercent) {
}
