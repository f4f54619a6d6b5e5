package io.cordee.persistence.audit;

import static io.cordee.persistence.common.Timestamps.instant;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.audit.AuditEntry;
import io.cordee.core.audit.AuditFilter;
import io.cordee.core.audit.AuditRepository;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.Sql;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the trail the V11 triggers write: newest first, keyset-paged by the entry's sequence id. */
@Component
public class AuditPersistenceAdapter implements AuditRepository {

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {
    };
    private static final String CURSOR_PREFIX = "audit:";

    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Page<AuditEntry>> findPage(AgencyId agencyId, AuditFilter filter, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("entity_type = :entityType", "entityType", filter.entityType())
                .and("entity_id = :entityId", "entityId", filter.entityId())
                .and("operation = :operation", "operation", filter.operation())
                .and("actor_user_id = :actorUserId", "actorUserId", filter.actorUserId())
                // days of the agency's time zone (ADR 59): from its first instant to the next day's, excluded
                .and("recorded_at >= CAST(:fromDay AS date)::timestamp AT TIME ZONE"
                        + " (SELECT a.time_zone FROM agency a WHERE a.agency_id = audit_entry.agency_id)", "fromDay", filter.from())
                .and("recorded_at < (CAST(:toDay AS date) + 1)::timestamp AT TIME ZONE"
                        + " (SELECT a.time_zone FROM agency a WHERE a.agency_id = audit_entry.agency_id)", "toDay", filter.to());
        if (filter.signOffsOnly()) {
            where.and("record = 'brief_signature'").and("client_id = :clientId", "clientId",
                    filter.clientId() == null ? null : filter.clientId().value());
            if (filter.clientId() == null) {
                where.and("false");
            }
        }
        Mono<Long> count = !page.withTotal() ? Mono.just(Page.NOT_COUNTED)
                : db.sql("SELECT count(*) FROM audit_entry" + where.where()).bindValues(where.params())
                        .mapValue(Long.class).one();
        if (page.after() != null) {
            where.and("id < :afterId", "afterId", decode(page.after()));
        }
        String columns = "id, recorded_at, actor_user_id, actor_token_id, request_id, operation, entity_type, entity_id,"
                + " record, action, changes, (SELECT u.display_name FROM app_user u WHERE u.agency_id = audit_entry.agency_id"
                + " AND u.id = audit_entry.actor_user_id) AS actor_name";
        Mono<List<AuditEntry>> rows = page.first() == 0 ? Mono.just(List.of())
                : db.sql("SELECT " + columns + " FROM audit_entry" + where.where() + " ORDER BY id DESC LIMIT :limit")
                        .bindValues(where.params()).bind("limit", page.first() + 1)
                        .map(this::entry).all().collectList();
        return Mono.zip(rows, count).map(t -> {
            List<AuditEntry> list = t.getT1();
            List<Page.Edge<AuditEntry>> edges = list.stream().limit(page.first())
                    .map(e -> new Page.Edge<>(e, encode(e.id()))).toList();
            return new Page<>(edges, list.size() > page.first(), t.getT2());
        });
    }

    private AuditEntry entry(Readable row) {
        UUID actor = row.get("actor_user_id", UUID.class);
        return new AuditEntry(row.get("id", Long.class), instant(row, "recorded_at"),
                new UserId(actor), row.get("actor_name", String.class), row.get("actor_token_id", UUID.class),
                row.get("request_id", String.class), row.get("operation", String.class),
                row.get("entity_type", String.class), row.get("entity_id", UUID.class), row.get("record", String.class),
                AuditEntry.Action.valueOf(row.get("action", String.class)), changes(row.get("changes", Json.class)));
    }

    private List<AuditEntry.FieldChange> changes(Json changes) {
        Map<String, Map<String, Object>> byField = json.readValue(changes.asString(), CHANGES);
        List<AuditEntry.FieldChange> list = new ArrayList<>();
        byField.forEach((field, change) -> list.add(new AuditEntry.FieldChange(field, text(change.get("old")),
                text(change.get("new")))));
        return list;
    }

    private String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return json.writeValueAsString(value);
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            return Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("after", "is not a cursor of this list", ErrorCode.INVALID_FORMAT);
        }
    }
}
