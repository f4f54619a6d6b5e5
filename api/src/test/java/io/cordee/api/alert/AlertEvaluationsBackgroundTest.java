package io.cordee.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.common.Computations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 20: an evaluation requested as background work (the daily pass subscribes so, ADR 92) runs as background
 * work — its statements on the background connections (ADR 93) — and one requested by a request does not. The
 * evaluation used to be started by the request itself, in an empty context: the pass's evaluations ran on the
 * requests' connections and threads.
 */
@ApiTest
class AlertEvaluationsBackgroundTest {

    @Autowired
    AlertEvaluations evaluations;
    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    @Test
    void anEvaluationRequestedInTheBackgroundRunsOnTheBackgroundConnections() {
        Tenants.Tenant tenant = tenants.create("Background evaluation");
        double before = lastBackgroundActivity();

        evaluations.request(tenant.agencyId()).block(Duration.ofSeconds(60));
        // a request's evaluation: not one statement on a background session
        assertThat(lastBackgroundActivity()).isEqualTo(before);

        evaluations.request(tenant.agencyId(), null).contextWrite(Computations::inBackground)
                .block(Duration.ofSeconds(60));
        // the pass's: its statements ran on a session named cordee-background (BackgroundConnections, ADR 93), which changed state
        assertThat(lastBackgroundActivity()).isGreaterThan(before);
    }

    /** When a background session last changed state (a statement began or ended), in seconds; 0 with none. */
    private double lastBackgroundActivity() {
        return db.sql("SELECT coalesce(extract(epoch FROM max(state_change)), 0)::float8 AS at FROM pg_stat_activity"
                        + " WHERE application_name = :name")
                .bind("name", "cordee-background")
                .map((row, meta) -> row.get("at", Double.class)).one().block(Duration.ofSeconds(10));
    }
}
