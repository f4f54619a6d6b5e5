package io.cordee.api.imports;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code importJobChanged} (ADR 56): the job's status and progress pushed to the {@code #/import} page's progress
 * bar. A job lives in the memory of the instance that took its upload (ADR 49), so its changes are looked at there
 * every {@link #EVERY} — a read of three fields, no database — and sent only when they differ from the last sent.
 */
@Controller
public class ImportProgressController {

    static final Duration EVERY = Duration.ofMillis(250);
    static final Set<ImportJob.Status> ENDED = EnumSet.of(ImportJob.Status.APPLIED, ImportJob.Status.CANCELLED,
            ImportJob.Status.FAILED);

    private final ImportJobs jobs;

    public ImportProgressController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @SubscriptionMapping
    public Flux<ImportJob> importJobChanged(@Argument String id) {
        return Callers.current().map(caller -> caller.require(Caller.MONEY_ROLES, "import data"))
                .flatMapMany(caller -> {
                    UUID uuid = GlobalId.decode(id, ImportJob.TYPE, "id");
                    return Mono.justOrEmpty(jobs.find(caller.agencyId(), uuid))
                            .switchIfEmpty(Mono.error(() -> InvalidInput.of("id", "no such import (an import is kept"
                                    + " an hour after its upload)", ErrorCode.NOT_FOUND)))
                            .thenMany(Flux.interval(Duration.ZERO, EVERY)
                                    .map(tick -> jobs.find(caller.agencyId(), uuid))
                                    .takeWhile(Optional::isPresent)
                                    .map(Optional::get)
                                    .map(job -> new Seen(job, List.of(job.status(), job.done(), job.total())))
                                    .distinctUntilChanged(Seen::state)
                                    .map(Seen::job)
                                    .takeUntil(job -> ENDED.contains(job.status())));
                });
    }

    private record Seen(ImportJob job, List<Object> state) {
    }
}
