package io.cordee.persistence.common;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list that is part of its aggregate (a client's contacts, a billing plan's milestones, a strengths map's
 * domains), stored whole as one jsonb array of its records; a null column reads as an empty list.
 */
public abstract class JsonArray<T> {

    private final JsonMapper json = JsonMapper.builder().build();
    private final TypeReference<List<T>> type;

    /** {@code type}: an anonymous {@code new TypeReference<List<…>>() { }}, which keeps the element type. */
    protected JsonArray(TypeReference<List<T>> type) {
        this.type = type;
    }

    public Json toJson(List<T> values) {
        return Json.of(json.writeValueAsString(values));
    }

    public List<T> fromJson(Json value) {
        return value == null ? List.of() : json.readValue(value.asString(), type);
    }
}
