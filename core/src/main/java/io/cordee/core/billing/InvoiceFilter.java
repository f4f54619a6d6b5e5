package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.util.Set;

/** Which invoices to list; null fields do not filter. Listed by due date. */
public record InvoiceFilter(ClientId clientId, ProjectId projectId, Set<InvoiceStatus> statuses) {
}
