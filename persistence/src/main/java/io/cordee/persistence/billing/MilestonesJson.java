package io.cordee.persistence.billing;

import io.cordee.core.billing.Milestone;
import io.cordee.persistence.common.JsonArray;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** A billing plan's milestones are part of the plan: stored whole, as one jsonb array. */
@Component
public class MilestonesJson extends JsonArray<Milestone> {

    public MilestonesJson() {
        super(new TypeReference<List<Milestone>>() {
        });
    }
}
