package io.cordee.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The insert of a whole row that the adapters share: its parameters are the row record's component names. */
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
}
