package io.cordee.persistence.relationship;

import io.cordee.core.relationship.Strength;
import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A strengths map's domains are part of the map: stored whole, as one jsonb array. */
@Component
public class StrengthsJson {

    private static final TypeReference<List<Strength>> STRENGTHS = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();

    public Json toJson(List<Strength> strengths) {
        return Json.of(json.writeValueAsString(strengths));
    }

    public List<Strength> toStrengths(Json value) {
        return value == null ? List.of() : json.readValue(value.asString(), STRENGTHS);
    }
}
