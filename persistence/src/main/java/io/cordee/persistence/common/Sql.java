package io.cordee.persistence.common;

import io.cordee.core.client.ClientId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * A WHERE clause built from optional conditions, with its named parameters. Every clause starts with
 * the agency: no query of a tenant table can be built without it. Also the few statement helpers the adapters
 * share (an insert of a whole row, a version-guarded update, binding a nullable value, reading a write that returns
 * no row).
 */
public final class Sql {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Sql() {
    }

    public static Sql forAgency(Object agencyId) {
        Sql sql = new Sql();
        sql.conditions.add("agency_id = :agencyId");
        sql.params.put("agencyId", agencyId);
        return sql;
    }

    /** Adds {@code condition} with its parameter; nothing when {@code value} is null. */
    public Sql and(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Only the rows of a project of {@code clientId} (a table with a {@code project_id}); nothing when it is null. */
    public Sql andProjectOfClient(ClientId clientId) {
        return and("project_id IN (SELECT id FROM project p WHERE p.agency_id = :agencyId AND p.client_id = :clientId)",
                "clientId", clientId == null ? null : clientId.value());
    }

    public Sql and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Sql param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String where() {
        return " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (:a, :b, …)}: each column's value is the parameter named as the
     * row record's component of that column (snake case to camel case), which {@code bindProperties} of the row
     * binds. The caller adds what follows ({@code RETURNING}, {@code ON CONFLICT}).
     */
    public static String insertInto(String table, String columns) {
        StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
        for (String column : columns.split(",")) {
            values.add(":" + RowReader.camelCase(column.strip()));
        }
        return "INSERT INTO " + table + " (" + columns + ")" + values;
    }

    /**
     * {@code UPDATE table SET assignments, version = version + 1, updated_at = now() WHERE agency_id = :agencyId AND
     * (rowMatch) AND version = :version}: the optimistic-locking update of a versioned row. The agency is always
     * part of the match, as in {@link #forAgency}, so an update cannot reach another tenant's row whatever
     * {@code rowMatch} says; {@code rowMatch} is what else picks the row ({@code id = :id}, …), or empty for a table
     * with one row per agency. It matches no row when the {@code :version} given is stale (or no row matches),
     * which the caller reads as a conflict ({@link #ifMatched}, or an empty {@code RETURNING}). The caller adds what
     * follows ({@code RETURNING}).
     */
    public static String updateAtVersion(String table, String assignments, String rowMatch) {
        return "UPDATE " + table + " SET " + assignments + ", version = version + 1, updated_at = now()"
                + " WHERE agency_id = :agencyId" + (rowMatch.isBlank() ? "" : " AND (" + rowMatch + ")")
                + " AND version = :version";
    }

    /** {@code text} as a LIKE pattern that matches it literally anywhere. */
    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Binds {@code value} to {@code name}, or a null of {@code type} when it is null (R2DBC wants the type). */
    public static GenericExecuteSpec bindOrNull(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /**
     * Runs a write guarded by {@code version = :version} that returns no row: {@code updated} when it matched a
     * row, empty when it matched none (a stale version, or no such row), which the service reports as a conflict.
     */
    public static <T> Mono<T> ifMatched(GenericExecuteSpec spec, Supplier<T> updated) {
        return spec.fetch().rowsUpdated().filter(count -> count > 0).map(count -> updated.get());
    }

    /** Runs a write that returns no row (a delete, an insert that may do nothing): whether it changed a row. */
    public static Mono<Boolean> anyRowChanged(GenericExecuteSpec spec) {
        return spec.fetch().rowsUpdated().map(count -> count > 0);
    }
}
