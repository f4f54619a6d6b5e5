package io.cordee.api.imports;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.identity.Caller;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.Sheet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The import jobs of this instance, in memory (ADR 49): a job lives an hour after its upload, an agency has at
 * most {@link #PER_AGENCY} at once and the instance {@link #IN_ALL}, so uploads cannot fill the heap. A job is
 * found only within its own agency: another agency's id is simply not found. An {@code Idempotency-Key} sent
 * with the upload gives the same job again for the same agency.
 */
@Component
public class ImportJobs {

    static final Duration LIFETIME = Duration.ofHours(1);
    static final int PER_AGENCY = 5;
    static final int IN_ALL = 50;

    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, UUID> byKey = new ConcurrentHashMap<>();
    private final Clock clock;

    public ImportJobs(Clock clock) {
        this.clock = clock;
    }

    synchronized ImportJob create(Caller caller, ImportKind kind, String fileName, Sheet sheet,
                                  Map<String, String> mapping, String idempotencyKey) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.status != ImportJob.Status.APPLYING
                && j.createdAt.plus(LIFETIME).isBefore(now));
        byKey.values().removeIf(id -> !jobs.containsKey(id));
        String key = idempotencyKey == null ? null : caller.agencyId().value() + "/" + idempotencyKey;
        if (key != null && byKey.containsKey(key)) {
            return jobs.get(byKey.get(key));
        }
        long mine = jobs.values().stream().filter(j -> j.agencyId.equals(caller.agencyId())).count();
        if (mine >= PER_AGENCY || jobs.size() >= IN_ALL) {
            // the oldest finished job of the agency makes room; else the caller waits for one to end
            Optional<ImportJob> oldest = jobs.values().stream()
                    .filter(j -> j.agencyId.equals(caller.agencyId()) && j.status != ImportJob.Status.APPLYING)
                    .min(java.util.Comparator.comparing(j -> j.createdAt));
            if (oldest.isEmpty() || jobs.size() >= IN_ALL && mine < PER_AGENCY) {
                throw new TooManyRequests(ErrorCode.TOO_MANY_REQUESTS, "Too many imports at once: try again in a few minutes",
                        Duration.ofMinutes(1));
            }
            jobs.remove(oldest.get().id);
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), caller.agencyId(), caller.userId(), kind, fileName, sheet,
                now, mapping);
        jobs.put(job.id, job);
        if (key != null) {
            byKey.put(key, job.id);
        }
        return job;
    }

    /** The job, if it belongs to the caller's agency. */
    Optional<ImportJob> find(AgencyId agencyId, UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.agencyId.equals(agencyId));
    }

}
