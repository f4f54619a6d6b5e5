package io.cordee.api.bankstatement;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.bankstatement.BankStatement;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Uploaded bank statements waiting for the user's confirmation (ADR 52), in memory like import jobs (ADR 49):
 * an hour each, at most 50 per instance. Only the agency that uploaded one finds it.
 */
@Component
public class BankStatementJobs {

    public static final String TYPE = "BankStatementImport";
    static final Duration KEPT = Duration.ofHours(1);
    static final int MAX = 50;

    public record Job(UUID id, AgencyId agencyId, String fileName, BankStatement statement, Instant createdAt) {
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    public BankStatementJobs(Clock clock) {
        this.clock = clock;
    }

    Job create(AgencyId agencyId, String fileName, BankStatement statement) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.createdAt().plus(KEPT).isBefore(now));
        if (jobs.size() >= MAX) {
            throw InvalidInput.of("file", "too many bank statements are waiting for confirmation: try again later",
                    ErrorCode.IMPORT_FILE_INVALID);
        }
        Job job = new Job(UUID.randomUUID(), agencyId, fileName, statement, now);
        jobs.put(job.id(), job);
        return job;
    }

    Optional<Job> find(AgencyId agencyId, UUID id) {
        Job job = jobs.get(id);
        return job == null || !job.agencyId().equals(agencyId)
                || job.createdAt().plus(KEPT).isBefore(clock.instant()) ? Optional.empty() : Optional.of(job);
    }
}
