package io.cordee.api.digest;

import io.cordee.core.digest.DigestService;
import io.cordee.core.digest.DigestService.Report;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks every {@code cordee.digest.check} (15 minutes by default) whether an agency's weekly digest is due
 * and sends it ({@link DigestService#runDue}). Scheduling is on through {@code AlertSchedulingConfiguration}.
 * Tests call {@link #run} with the test clock where they want it.
 */
@Component
public class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final DigestService digests;
    private final AtomicBoolean skipLogged = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public WeeklyDigest(DigestService digests) {
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${cordee.digest.check:PT15M}", fixedDelayString = "${cordee.digest.check:PT15M}")
    public void check() {
        run().subscribe(reports -> { }, e -> log.warn("Weekly digest failed", e));
    }

    /**
     * Sends the digests that are due; one report per agency sent to (none without SMTP: one log line, once).
     * A check that comes while this instance's previous pass is still sending does nothing (an empty list):
     * passes never overlap (ADR 82). Across instances the week's claim decides who sends.
     */
    public Mono<List<Report>> run() {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                log.debug("Weekly digest still running; this check is skipped");
                return Mono.just(List.<Report>of());
            }
            return runOnce().doOnTerminate(() -> running.set(false)).doOnCancel(() -> running.set(false));
        });
    }

    private Mono<List<Report>> runOnce() {
        if (!digests.mailConfigured()) {
            if (skipLogged.compareAndSet(false, true)) {
                log.info("Weekly digest skipped: no SMTP server is configured (spring.mail.host)");
            }
            return Mono.just(List.of());
        }
        return digests.runDue().doOnNext(report -> {
            if (report.error() != null) {
                log.warn("Weekly digest of agency {} could not be made: {}", report.agencyId().value(), report.error());
            } else {
                log.info("Weekly digest of agency {} for the week of {}: {} sent, {} failed",
                        report.agencyId().value(), report.week(), report.sent(), report.failed());
            }
        }).collectList();
    }
}
