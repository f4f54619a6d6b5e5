package io.cordee.api.graphql.audit;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.core.audit.AuditEntry;
import io.cordee.core.audit.AuditFilter;
import io.cordee.core.audit.AuditService;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The audit trail over GraphQL; who reads what is decided in {@link AuditService}. */
@Controller
public class AuditController {

    /** GraphQL {@code AuditEntry}. */
    public record AuditEntryView(OffsetDateTime recordedAt, Actor actor, String requestId, String operation,
                                 String entityType, String entityId, String record, AuditEntry.Action action,
                                 List<Change> changes) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(DateTimes.utc(e.recordedAt()),
                    new Actor(GlobalId.of("User", e.actorUserId().value()), e.actorName(),
                            e.actorTokenId() == null ? null : GlobalId.of("ApiToken", e.actorTokenId())),
                    e.requestId(), e.operation(), e.entityType(), GlobalId.of(e.entityType(), e.entityId()), e.record(),
                    e.action(), e.changes().stream().map(c -> new Change(c.field(), c.oldValue(), c.newValue())).toList());
        }
    }

    /** GraphQL {@code AuditActor}. */
    public record Actor(String userId, String name, String tokenId) {
    }

    /** GraphQL {@code AuditChange}. */
    public record Change(String field, String oldValue, String newValue) {
    }

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @QueryMapping
    public Mono<Connection<AuditEntryView>> auditTrail(@Argument Integer first, @Argument String after,
                                                       @Argument String entityId, @Argument String operation,
                                                       @Argument String actorId, @Argument String entityType,
                                                       @Argument LocalDate from, @Argument LocalDate to,
                                                       DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> {
            String type = entityType;
            UUID id = null;
            if (entityId != null) {
                GlobalId global = GlobalId.decode(entityId, "entityId");
                if (type != null && !type.equals(global.type())) {
                    throw InvalidInput.of("entityType", "is not the type of entityId (" + global.type() + ")",
                            ErrorCode.INVALID_ID);
                }
                type = global.type();
                id = global.id();
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw InvalidInput.of("to", "must be on or after from", ErrorCode.INVALID_DATE_ORDER);
            }
            UUID actor = actorId == null ? null : GlobalId.decode(actorId, "User", "actorId");
            return audit.trail(caller, AuditFilter.of(type, id, operation).by(actor, from, to), page)
                    .map(entries -> entries.map(AuditEntryView::of));
        });
    }
}
