package io.cordee.core.brief;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.project.ProjectId;
import java.util.Objects;

/** A project's brief (cahier des charges): a title and numbered versions ({@link BriefVersion}). */
public record Brief(BriefId id, AgencyId agencyId, ProjectId projectId, String title, long version) {

    public Brief {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
    }
}
