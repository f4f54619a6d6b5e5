package io.cordee.api.imports;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.UserId;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportProgress;
import io.cordee.core.imports.ImportReport;
import io.cordee.core.imports.Sheet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One uploaded file on its way in (ADR 49): the sheet as read, the mapping chosen so far, the last dry run's or
 * apply's report, and the apply's progress. Held in memory by {@link ImportJobs}; mutable fields are volatile
 * because the apply runs on a database thread while queries read them.
 */
public final class ImportJob implements ImportProgress {

    public enum Status { READY, APPLYING, APPLIED, FAILED, CANCELLED }

    public static final String TYPE = "ImportJob";

    final UUID id;
    final AgencyId agencyId;
    final UserId createdBy;
    final ImportKind kind;
    final String fileName;
    final Sheet sheet;
    final Instant createdAt;
    volatile Map<String, String> mapping;
    volatile Status status = Status.READY;
    volatile ImportReport report;
    volatile String failure;
    volatile int done;
    volatile int total;
    volatile boolean cancelRequested;

    ImportJob(UUID id, AgencyId agencyId, UserId createdBy, ImportKind kind, String fileName, Sheet sheet,
              Instant createdAt, Map<String, String> mapping) {
        this.id = id;
        this.agencyId = agencyId;
        this.createdBy = createdBy;
        this.kind = kind;
        this.fileName = fileName;
        this.sheet = sheet;
        this.createdAt = createdAt;
        this.mapping = Map.copyOf(mapping);
    }

    public UUID id() {
        return id;
    }

    public ImportKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public Sheet sheet() {
        return sheet;
    }

    public Map<String, String> mapping() {
        return mapping;
    }

    public Status status() {
        return status;
    }

    public ImportReport report() {
        return report;
    }

    public String failure() {
        return failure;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    @Override
    public void done(int done, int total) {
        this.total = total;
        this.done = done;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }
}
