package io.cordee.core.billing;

import io.cordee.core.project.ProjectId;

/** A project's stored billing plan and its version (optimistic locking). */
public record ProjectBilling(ProjectId projectId, BillingPlan plan, long version) {
}
