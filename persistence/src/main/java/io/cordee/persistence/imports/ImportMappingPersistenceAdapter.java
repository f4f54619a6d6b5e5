package io.cordee.persistence.imports;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportMappingRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The remembered import mappings (V34), one JSON object per agency and kind. */
@Component
public class ImportMappingPersistenceAdapter implements ImportMappingRepository {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();
    private final DatabaseClient db;

    public ImportMappingPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<String, String>> find(AgencyId agencyId, ImportKind kind) {
        return db.sql("SELECT mapping::text AS mapping FROM import_mapping WHERE agency_id = :agencyId AND kind = :kind")
                .bind("agencyId", agencyId.value()).bind("kind", kind.name())
                .map((row, meta) -> (Map<String, String>) json.readValue(row.get("mapping", String.class), MAP))
                .one()
                .defaultIfEmpty(Map.of());
    }

    @Override
    public Mono<Void> save(AgencyId agencyId, ImportKind kind, Map<String, String> mapping) {
        return db.sql("INSERT INTO import_mapping (agency_id, kind, mapping) VALUES (:agencyId, :kind, CAST(:mapping AS jsonb))"
                        + " ON CONFLICT (agency_id, kind) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()"
                        + " WHERE import_mapping.mapping IS DISTINCT FROM EXCLUDED.mapping")
                .bind("agencyId", agencyId.value()).bind("kind", kind.name())
                .bind("mapping", json.writeValueAsString(mapping))
                .then();
    }
}
