package io.cordee.api.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertService;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Once a day for every agency, even when nobody writes: overdue days grow, snoozes end, months and
 * forecast weeks move. Checked every {@code cordee.alerts.daily-check} (15 minutes by default): an agency
 * whose day (its time zone, by the application's {@code Clock}) has changed since its last daily
 * evaluation is evaluated. The first check after a start evaluates everyone.
 */
@Component
public class DailyAlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(DailyAlertEvaluation.class);

    private final AlertService alerts;
    private final AlertEvaluations evaluations;
    private final Map<AgencyId, LocalDate> lastDay = new ConcurrentHashMap<>();

    public DailyAlertEvaluation(AlertService alerts, AlertEvaluations evaluations) {
        this.alerts = alerts;
        this.evaluations = evaluations;
    }

    @Scheduled(initialDelayString = "${cordee.alerts.daily-check:PT15M}",
            fixedDelayString = "${cordee.alerts.daily-check:PT15M}")
    public void check() {
        evaluateNewDays().subscribe(n -> {
            if (n > 0) {
                log.info("Daily alert evaluation: {} agencies", n);
            }
        }, e -> log.warn("Daily alert evaluation failed", e));
    }

    /** Evaluates every agency whose day moved since its last daily evaluation; how many were evaluated. */
    public Mono<Long> evaluateNewDays() {
        return alerts.agencyIds()
                .concatMap(agency -> alerts.today(agency)
                        .filter(today -> !today.equals(lastDay.get(agency)))
                        .flatMap(today -> evaluations.request(agency, today).doOnNext(c -> lastDay.put(agency, today)))
                        .onErrorResume(e -> Mono.empty()))
                .count();
    }

    /** Evaluates every agency as of {@code day}, whatever was evaluated before (tests, catching up). */
    public Flux<AgencyId> evaluateAll(LocalDate day) {
        return alerts.agencyIds().concatMap(agency -> evaluations.request(agency, day).thenReturn(agency));
    }
}
