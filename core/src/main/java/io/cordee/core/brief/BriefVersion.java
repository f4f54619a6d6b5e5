package io.cordee.core.brief;

import io.cordee.core.agency.AgencyId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One numbered version of a brief: what the project is for and for whom, the constraints, assumptions
 * and what is out of scope, the launch date and the client's communication-plan date it should fit.
 * Its requirements are stored beside it and read in batches. {@code version} is the optimistic lock.
 */
public record BriefVersion(BriefVersionId id, AgencyId agencyId, BriefId briefId, int number, BriefStatus status,
                           List<String> objectives, List<String> targetUsers, List<String> constraints,
                           List<String> assumptions, List<String> outOfScope, LocalDate launchDate,
                           LocalDate communicationPlanDate, long version) {

    public BriefVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(briefId, "briefId");
        Objects.requireNonNull(status, "status");
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        targetUsers = targetUsers == null ? List.of() : List.copyOf(targetUsers);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        outOfScope = outOfScope == null ? List.of() : List.copyOf(outOfScope);
    }
}
