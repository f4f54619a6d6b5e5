package io.cordee.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.persistence.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The rule that lets Citus distribute the schema by {@code agency_id} (issue 20, ADR 71), read from the live
 * migrated schema in {@code pg_catalog}: every table of the public schema is a tenant table unless it is named
 * below with its reason; a tenant table has an {@code agency_id} column, a primary key, and every unique key
 * (primary key, unique constraint or unique index) and every foreign key to another tenant table starts with
 * {@code agency_id} (the referenced columns too). A table added by a later migration is checked without being
 * listed; a new global table must be added here with its reason, and the list cannot name a table that is gone.
 */
class TenantKeysTest {

    /** The only tables not distributed by agency_id, each with the reason (docs/scaling.md gives their Citus role). */
    static final Map<String, String> NOT_TENANT = new TreeMap<>(Map.of(
            "flyway_schema_history", "local: Flyway's record of the migrations, on the coordinator only",
            "sign_in_email", "global lookup e-mail -> agency, read before the agency is known; distributed by email",
            "credential_token", "global lookup token hash -> agency, read before the agency is known; distributed by token_hash",
            "sign_in_attempt", "local: the sign-in throttle, keyed by the hashed e-mail before any agency is known",
            "rate_limit_bucket", "local: unlogged rate-limit buckets per user, token or IP address",
            "setup_claim", "local: the instance's first-run claim, one row",
            "setup_token", "local: first-run setup tokens, before any agency exists",
            "periodic_job", "local: global periodic jobs (session purge, idempotency cleanup) claimed by one instance"));

    private final DatabaseClient db = TestDatabase.client();

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private static final String TABLES = """
            SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition""";

    private static final String TENANT = "(" + TABLES + " AND c.relname NOT IN ("
            + String.join(", ", NOT_TENANT.keySet().stream().map(t -> "'" + t + "'").toList()) + "))";

    @Test
    void theExceptionListNamesOnlyTablesThatExist() {
        List<String> tables = strings("SELECT relname::text FROM " + "(" + TABLES + ") t");
        assertThat(tables).containsAll(NOT_TENANT.keySet());
        // the rule is not vacuous: most of the schema is tenant data
        assertThat(strings("SELECT relname::text FROM " + TENANT + " t")).hasSizeGreaterThan(40)
                .contains("agency", "app_user", "user_session", "api_token", "invoice", "audit_entry");
    }

    @Test
    void everyTenantTableHasAnAgencyIdAndAPrimaryKey() {
        assertThat(strings("SELECT t.relname || ': no agency_id column' FROM " + TENANT + " t"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'agency_id'"
                + " AND NOT a.attisdropped)"
                + " UNION ALL SELECT t.relname || ': no primary key' FROM " + TENANT + " t"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = t.oid AND i.indisprimary)"))
                .isEmpty();
    }

    @Test
    void everyUniqueKeyOfATenantTableStartsWithAgencyId() {
        // primary keys, unique constraints and unique indexes alike (an index on an expression has attnum 0 there)
        assertThat(strings("SELECT t.relname || ': ' || ic.relname || ' starts with '"
                + " || coalesce(a.attname::text, 'an expression') FROM " + TENANT + " t"
                + " JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]"
                + " WHERE a.attname IS DISTINCT FROM 'agency_id' ORDER BY 1"))
                .isEmpty();
    }

    @Test
    void everyForeignKeyBetweenTenantTablesStartsWithAgencyIdOnBothSides() {
        assertThat(strings("SELECT t.relname || ': ' || con.conname FROM " + TENANT + " t"
                + " JOIN pg_constraint con ON con.conrelid = t.oid AND con.contype = 'f'"
                + " JOIN " + TENANT + " r ON r.oid = con.confrelid"
                + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = con.conkey[1]"
                + " JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = con.confkey[1]"
                + " WHERE a.attname <> 'agency_id' OR ra.attname <> 'agency_id' ORDER BY 1"))
                .isEmpty();
        // the rule has something to check: the foreign keys between tenant tables are many
        assertThat(strings("SELECT con.conname::text FROM " + TENANT + " t"
                + " JOIN pg_constraint con ON con.conrelid = t.oid AND con.contype = 'f'"
                + " JOIN " + TENANT + " r ON r.oid = con.confrelid")).hasSizeGreaterThan(60);
    }

    @Test
    void noGlobalTableReferencesATenantTable() {
        // a reference or local table cannot have a foreign key to a distributed one
        assertThat(strings("SELECT t.relname || ': ' || con.conname FROM (" + TABLES + ") t"
                + " JOIN pg_constraint con ON con.conrelid = t.oid AND con.contype = 'f'"
                + " JOIN " + TENANT + " r ON r.oid = con.confrelid"
                + " WHERE t.oid NOT IN (SELECT oid FROM " + TENANT + " x)")).isEmpty();
    }
}
