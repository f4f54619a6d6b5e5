package io.cordee.core.alert;

import io.cordee.core.billing.Invoice;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Requirement;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.RelationshipService;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an evaluation reads besides the agency cash picture (ADR 96), each fact once: the overdue invoices, the
 * clients' commitments, the rest of their relationship health's facts, and the latest version of every brief with
 * its brief and requirements. The picture holds the rest — the team and its absences, the allocations, the projects,
 * the clients, the holidays — so the capacity of the coming months, the health and the feasibility are computed from
 * the two ({@link AlertContext}), not read again by their services.
 *
 * @param latestVersions the latest version of each brief, ordered by brief id
 */
public record EvaluationFacts(List<Invoice> overdueInvoices, List<Commitment> commitments,
                              RelationshipService.HealthFacts health, List<BriefVersion> latestVersions,
                              Map<BriefId, Brief> briefs, Map<BriefVersionId, List<Requirement>> requirements) {

    public EvaluationFacts {
        overdueInvoices = List.copyOf(overdueInvoices);
        commitments = List.copyOf(commitments);
        Objects.requireNonNull(health, "health");
        latestVersions = List.copyOf(latestVersions);
        briefs = Map.copyOf(briefs);
        requirements = Map.copyOf(requirements);
    }
}
