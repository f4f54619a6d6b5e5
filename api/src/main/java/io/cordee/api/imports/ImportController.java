package io.cordee.api.imports;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.ops.RequestIds;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.imports.ImportIssue;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportReport;
import io.cordee.core.imports.ImportService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The import job over GraphQL (ADR 49): read it, set its mapping, dry-run, apply (in the background, in one
 * transaction attributed to the caller for the audit trail), cancel. {@code OWNER} and {@code FINANCE} only,
 * within their agency: another agency's job id is not found.
 */
@Controller
public class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    /** How long applyImport waits for the end before answering APPLYING. */
    static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(5);

    private final ImportService imports;
    private final ImportJobs jobs;

    public ImportController(ImportService imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    public record ImportJobInput(String id) {
    }

    public record SetImportMappingInput(String id, List<ImportColumnInput> columns) {
    }

    public record ImportColumnInput(String header, String field) {
    }

    public record ImportJobPayload(ImportJob job, List<UserError> userErrors) {
    }

    public record ImportColumn(String header, String field) {
    }

    public record ImportField(String key, boolean required) {
    }

    public record ImportRow(int row, List<String> cells) {
    }

    public record ImportCount(String record, int created, int updated, int skipped) {
    }

    public record ImportProgressInfo(int done, int total) {
    }

    private static Mono<Caller> moneyCaller() {
        return Callers.current().map(caller -> caller.require(Caller.MONEY_ROLES, "import data"));
    }

    /** The job of the caller's agency, or an {@code InvalidInput} on {@code id}. */
    private Mono<ImportJob> job(Caller caller, String id) {
        UUID uuid = GlobalId.decode(id, ImportJob.TYPE, "id");
        return Mono.justOrEmpty(jobs.find(caller.agencyId(), uuid))
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("id", "no such import (an import is kept an hour"
                        + " after its upload)", ErrorCode.NOT_FOUND)));
    }

    @QueryMapping
    public Mono<ImportJob> importJob(@Argument String id) {
        return moneyCaller().flatMap(caller -> Mono.justOrEmpty(GlobalId.find(id, ImportJob.TYPE)
                .flatMap(uuid -> jobs.find(caller.agencyId(), uuid))));
    }

    @MutationMapping
    public Mono<ImportJobPayload> setImportMapping(@Argument SetImportMappingInput input) {
        return Mutations.payload(moneyCaller().flatMap(caller -> job(caller, input.id()).flatMap(job -> {
            requireOpen(job);
            Map<String, String> requested = new LinkedHashMap<>();
            for (int i = 0; i < input.columns().size(); i++) {
                ImportColumnInput column = input.columns().get(i);
                if (!job.sheet.headers().contains(column.header())) {
                    throw InvalidInput.of("columns[" + i + "].header", "'" + column.header() + "' is not a header of"
                            + " the file", ErrorCode.NOT_FOUND);
                }
                if (!column.field().equals(ImportKind.IGNORE) && job.kind.field(column.field()).isEmpty()) {
                    throw InvalidInput.of("columns[" + i + "].field", "'" + column.field() + "' is not a field of"
                            + " this import", ErrorCode.INVALID_FORMAT);
                }
                requested.put(column.header(), column.field());
            }
            Map<String, String> merged = new LinkedHashMap<>(job.mapping);
            merged.putAll(requested);
            job.mapping = Map.copyOf(merged);
            job.report = null;
            return Mono.just(job);
        })), ImportJobPayload::new);
    }

    @MutationMapping
    public Mono<ImportJobPayload> dryRunImport(@Argument ImportJobInput input) {
        return Mutations.payload(moneyCaller().flatMap(caller -> job(caller, input.id()).flatMap(job -> {
            requireOpen(job);
            return imports.dryRun(caller, job.kind, job.sheet, job.mapping).map(report -> {
                job.report = report;
                return job;
            });
        })), ImportJobPayload::new);
    }

    @MutationMapping
    public Mono<ImportJobPayload> applyImport(@Argument ImportJobInput input) {
        return Mutations.payload(moneyCaller().flatMap(caller -> job(caller, input.id())
                .flatMap(job -> ImportUploadController.checkToken(job.kind).thenReturn(job))
                .flatMap(job -> actor(caller).flatMap(actor -> start(caller, actor, job)))),
                ImportJobPayload::new);
    }

    @MutationMapping
    public Mono<ImportJobPayload> cancelImport(@Argument ImportJobInput input) {
        return Mutations.payload(moneyCaller().flatMap(caller -> job(caller, input.id()).map(job -> {
            synchronized (job) {
                switch (job.status) {
                    case APPLYING -> job.cancelRequested = true;
                    case READY, FAILED -> job.status = ImportJob.Status.CANCELLED;
                    case APPLIED -> throw InvalidInput.of("id", "the import is already applied: it cannot be"
                            + " cancelled", ErrorCode.INVALID_FORMAT);
                    case CANCELLED -> {
                    }
                }
            }
            return job;
        })), ImportJobPayload::new);
    }

    private static void requireOpen(ImportJob job) {
        if (job.status != ImportJob.Status.READY && job.status != ImportJob.Status.FAILED) {
            throw InvalidInput.of("id", "the import is " + job.status + ": upload the file again to start over",
                    ErrorCode.INVALID_FORMAT);
        }
    }

    /** Who the audit trail names for the apply's writes: the caller, its token, this request. */
    private static Mono<Actor> actor(Caller caller) {
        return Mono.deferContextual(context -> ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .ofType(CallerAuthentication.class)
                .flatMap(auth -> Mono.justOrEmpty(auth.tokenId()))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .map(token -> new Actor(caller.agencyId(), caller.userId(), token.orElse(null),
                        context.getOrDefault(RequestIds.KEY, null), "applyImport")));
    }

    /**
     * Starts the apply in the background: its transaction outlives this request (a GraphQL request is cut after
     * {@code cordee.limits.timeout}); the job says how far it is. The answer waits up to {@link #ANSWER_WITHIN}
     * for the end, so a small file is answered APPLIED (or READY with its issues) at once and a large one
     * APPLYING. An APPLIED or APPLYING job is answered as it is.
     */
    private Mono<ImportJob> start(Caller caller, Actor actor, ImportJob job) {
        Sinks.Empty<Void> ended = Sinks.empty();
        synchronized (job) {
            if (job.status == ImportJob.Status.APPLIED || job.status == ImportJob.Status.APPLYING) {
                return Mono.just(job);
            }
            requireOpen(job);
            job.status = ImportJob.Status.APPLYING;
            job.cancelRequested = false;
            job.failure = null;
            job.done(0, 0);
        }
        imports.apply(caller, actor, job.kind, job.sheet, job.mapping, job)
                .doFinally(signal -> ended.tryEmitEmpty())
                .subscribe(report -> {
                    job.report = report;
                    job.status = report.applied() ? ImportJob.Status.APPLIED : ImportJob.Status.READY;
                    log.info("import {}: kind={} rows={} counts={} issues={} user={} agency={}",
                            report.applied() ? "applied" : "refused", job.kind, report.rows(), report.counts(),
                            report.issueCount(), caller.userId().value(), caller.agencyId().value());
                }, error -> {
                    if (error instanceof InvalidInput invalid
                            && invalid.errors().get(0).code() == ErrorCode.IMPORT_CANCELLED) {
                        job.status = ImportJob.Status.CANCELLED;
                    } else {
                        job.failure = error instanceof io.cordee.core.common.DomainException
                                ? error.getMessage() : "the import failed; nothing was written";
                        job.status = ImportJob.Status.FAILED;
                        log.warn("import failed, rolled back: kind={} agency={}", job.kind,
                                caller.agencyId().value(), error);
                    }
                });
        return ended.asMono().timeout(ANSWER_WITHIN, Mono.empty()).thenReturn(job);
    }

    // ---- the job's fields -------------------------------------------------------------------------------

    @SchemaMapping(typeName = ImportJob.TYPE, field = "id")
    public String id(ImportJob job) {
        return GlobalId.of(ImportJob.TYPE, job.id);
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public List<String> headers(ImportJob job) {
        return job.sheet.headers().stream().map(h -> h == null ? "" : h).toList();
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public List<ImportColumn> mapping(ImportJob job) {
        Map<String, String> mapping = job.mapping;
        return headers(job).stream().map(h -> new ImportColumn(h, mapping.get(h))).toList();
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public List<ImportField> fields(ImportJob job) {
        return job.kind.fields().stream().map(f -> new ImportField(f.key(), f.required())).toList();
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public int rowCount(ImportJob job) {
        return job.sheet.rows().size();
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public List<ImportRow> preview(ImportJob job, @Argument Integer first) {
        int n = Math.max(0, Math.min(first == null ? 10 : first, Math.min(100, job.sheet.rows().size())));
        List<ImportRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new ImportRow(job.sheet.rowNumber(i), job.sheet.rows().get(i)));
        }
        return rows;
    }

    @SchemaMapping(typeName = ImportJob.TYPE)
    public ImportProgressInfo progress(ImportJob job) {
        return new ImportProgressInfo(job.done, job.total);
    }

    @SchemaMapping(typeName = "ImportReport")
    public List<ImportCount> counts(ImportReport report) {
        return List.of("clients", "projects", "invoices", "payments", "bankAccounts", "bankBalances", "teamMembers").stream()
                .filter(report.counts()::containsKey)
                .map(r -> new ImportCount(r, report.of(r).created(), report.of(r).updated(), report.of(r).skipped()))
                .toList();
    }

    @SchemaMapping(typeName = "ImportReport")
    public List<ImportIssue> issues(ImportReport report, @Argument Integer first, @Argument Integer offset) {
        int from = Math.max(0, offset == null ? 0 : offset);
        int n = Math.max(0, Math.min(first == null ? 100 : first, 100));
        List<ImportIssue> all = report.issues().stream()
                .sorted(java.util.Comparator.comparingInt(ImportIssue::row)).toList();
        return all.subList(Math.min(from, all.size()), Math.min(from + n, all.size()));
    }

    @SchemaMapping(typeName = "ImportReport")
    public List<io.cordee.core.imports.ImportNote> notes(ImportReport report, @Argument Integer first,
                                                         @Argument Integer offset) {
        int from = Math.max(0, offset == null ? 0 : offset);
        int n = Math.max(0, Math.min(first == null ? 100 : first, 100));
        List<io.cordee.core.imports.ImportNote> all = report.notes().stream()
                .sorted(java.util.Comparator.comparingInt(io.cordee.core.imports.ImportNote::row)).toList();
        return all.subList(Math.min(from, all.size()), Math.min(from + n, all.size()));
    }

}
