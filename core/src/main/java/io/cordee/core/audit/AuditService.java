package io.cordee.core.audit;

import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import reactor.core.publisher.Mono;

/**
 * Who may read the audit trail: the owner reads all of it; a client user reads only the sign-offs of
 * their own client's briefs (reciprocal transparency: who signed which version, when); finance and
 * leads are refused.
 */
public final class AuditService {

    private final AuditRepository entries;

    public AuditService(AuditRepository entries) {
        this.entries = entries;
    }

    public Mono<Page<AuditEntry>> trail(Caller caller, AuditFilter filter, PageRequest page) {
        return Mono.defer(() -> {
            AuditFilter allowed = switch (caller.role()) {
                case OWNER -> filter;
                case CLIENT -> {
                    if (caller.clientId() == null) {
                        throw new Forbidden("Your user is not tied to a client");
                    }
                    yield filter.restrictedToSignOffsOf(caller.clientId());
                }
                case FINANCE, LEAD -> throw new Forbidden("Your role (" + caller.role()
                        + ") does not allow you to read the audit trail; ask the owner (" + Role.OWNER + ")");
            };
            return entries.findPage(caller.agencyId(), allowed, page);
        });
    }
}
