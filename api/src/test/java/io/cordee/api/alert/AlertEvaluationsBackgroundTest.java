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

        double start = databaseNow();
        evaluations.request(tenant.agencyId()).block(Duration.ofSeconds(60));
        // a request's evaluation: not one statement on a background session since it started (a background session
        // the pool closes meanwhile is not counted either way)
        assertThat(backgroundSessionsActiveSince(start)).isZero();

        start = databaseNow();
        evaluations.request(tenant.agencyId(), null).contextWrite(Computations::inBackground)
                .block(Duration.ofSeconds(60));
        // the pass's: its statements ran on a session named cordee-background (BackgroundConnections, ADR 93)
        assertThat(backgroundSessionsActiveSince(start)).isPositive();
    }

    /** The database's clock, in seconds. */
    private double databaseNow() {
        return db.sql("SELECT extract(epoch FROM clock_timestamp())::float8 AS now")
                .map((row, meta) -> row.get("now", Double.class)).one().block(Duration.ofSeconds(10));
    }

    /** How many background sessions changed state (a statement began or ended) after {@code since}, in seconds. */
    private long backgroundSessionsActiveSince(double since) {
        return db.sql("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = :name"
                        + " AND extract(epoch FROM state_change) > :since")
                .bind("name", "cordee-background").bind("since", since)
                .map((row, meta) -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }
}
