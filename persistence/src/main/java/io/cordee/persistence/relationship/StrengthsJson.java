package io.cordee.persistence.relationship;

import io.cordee.core.relationship.Strength;
import io.cordee.persistence.common.JsonArray;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** A strengths map's domains are part of the map: stored whole, as one jsonb array. */
@Component
public class StrengthsJson extends JsonArray<Strength> {

    public StrengthsJson() {
        super(new TypeReference<List<Strength>>() {
        });
    }
}
