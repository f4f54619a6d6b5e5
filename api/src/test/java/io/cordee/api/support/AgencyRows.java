package io.cordee.api.support;

import io.cordee.core.agency.AgencyId;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;

/** How many rows of a table belong to one agency: what a test reads to see what a command wrote, or did not. */
public final class AgencyRows {

    private AgencyRows() {
    }

    /** The rows of {@code table} (a table with an {@code agency_id}) in {@code agency}. */
    public static long count(DatabaseClient db, AgencyId agency, String table) {
        // a harness bound for a loaded machine, not a speed requirement
        return db.sql("SELECT count(*) FROM " + table + " WHERE agency_id = :a").bind("a", agency.value())
                .mapValue(Long.class).one().block(Duration.ofSeconds(10));
    }
}
