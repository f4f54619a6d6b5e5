package io.cordee.persistence.billing;

import io.cordee.core.billing.Milestone;
import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A billing plan's milestones are part of the plan: stored whole, as one jsonb array. */
@Component
public class MilestonesJson {

    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();

    public Json toJson(List<Milestone> milestones) {
        return Json.of(json.writeValueAsString(milestones));
    }

    public List<Milestone> toMilestones(Json value) {
        return value == null ? List.of() : json.readValue(value.asString(), MILESTONES);
    }
}
