package io.cordee.core.project;

import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * The editable fields of a project. On create, a null status is {@code PLANNED} and null payment
 * terms are the client's; on update, null means "leave as it is".
 */
public record ProjectDraft(String name, ProjectStatus status, LocalDate startDate, LocalDate launchDate,
                           LocalDate communicationPlanDate, Money feeBudget, Integer paymentTermsDays) {
}
