package io.cordee.core.audit;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import reactor.core.publisher.Mono;

/**
 * Port: reads the audit trail, newest first. The entries are written by the database itself (triggers
 * on the audited tables, attributed to the transaction's {@link io.cordee.core.common.Actor}), so there
 * is no write method.
 */
public interface AuditRepository {
    Mono<Page<AuditEntry>> findPage(AgencyId agencyId, AuditFilter filter, PageRequest page);
}
