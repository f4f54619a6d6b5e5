package io.cordee.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The statements the adapters share: the insert of a whole row (its parameters are the row record's component
 * names) and the version-guarded update.
 */
class SqlTest {

    /**
     * Columns {@code agency_id, id, fee_budget_minor, version}, written with a line break and extra spaces as
     * adapters' constants are: the column list stays as given, and each parameter is the column in camel case
     * (agency_id → agencyId, fee_budget_minor → feeBudgetMinor), in the same order, separated by ", ".
     */
    @Test
    void anInsertNamesEachValueAfterItsColumnInCamelCase() {
        String columns = "agency_id, id,  fee_budget_minor,\n version";

        assertThat(Sql.insertInto("project", columns)).isEqualTo("INSERT INTO project (agency_id, id,"
                + "  fee_budget_minor,\n version) VALUES (:agencyId, :id, :feeBudgetMinor, :version)");
    }

    /**
     * An overhead relabelled at version 3: the assignments given, then the version bumped and updated_at touched; the
     * row matched by the agency, always, then by what is given (in brackets, so an OR in it cannot widen the match past
     * the agency or the version) and by {@code version = :version}, so a stale version matches nothing.
     */
    @Test
    void aVersionGuardedUpdateBumpsTheVersionAndMatchesOnlyTheVersionGiven() {
        assertThat(Sql.updateAtVersion("overhead", "label = :label", "id = :id"))
                .isEqualTo("UPDATE overhead SET label = :label, version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :agencyId AND (id = :id) AND version = :version");
    }

    /** A table with one row per agency (its settings) is matched by the agency alone. */
    @Test
    void aVersionGuardedUpdateOfTheAgencysOneRowMatchesByTheAgencyAlone() {
        assertThat(Sql.updateAtVersion("alert_thresholds", "capacity_warning_percent = :cw", ""))
                .isEqualTo("UPDATE alert_thresholds SET capacity_warning_percent = :cw, version = version + 1,"
                        + " updated_at = now() WHERE agency_id = :agencyId AND version = :version");
    }
}
