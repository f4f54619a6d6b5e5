package io.cordee.persistence.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One {@code INSERT … SELECT FROM unnest(…)} for many rows of one table (ADR 56): each column is bound as one
 * array, so a thousand rows are one statement, one round trip and one run of the table's statement triggers,
 * where single inserts cost a statement each. Every column is sent as {@code text[]} and cast in SQL (an empty
 * text is NULL: no column written this way holds an empty text — names, labels and numbers are at least one
 * character long), because the driver's arrays do not carry NULL elements of every type.
 *
 * @param <T> the row type
 */
public final class BulkInsert<T> {

    private record Column<T>(String name, String type, Function<T, Object> value) {
    }

    private final String table;
    private final List<Column<T>> columns = new ArrayList<>();

    public BulkInsert(String table) {
        this.table = table;
    }

    /** A column, its SQL type ({@code uuid}, {@code date}, {@code bigint}, {@code jsonb}…) and its value. */
    public BulkInsert<T> column(String name, String type, Function<T, Object> value) {
        columns.add(new Column<>(name, type, value));
        return this;
    }

    /** Inserts {@code rows} in one statement; nothing for none. */
    public Mono<Void> insert(DatabaseClient db, List<T> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        StringBuilder select = new StringBuilder(" SELECT ");
        StringBuilder from = new StringBuilder(" FROM unnest(");
        StringBuilder alias = new StringBuilder(") AS t(");
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            String sep = c == 0 ? "" : ", ";
            sql.append(sep).append(column.name());
            select.append(sep).append("NULLIF(t.c").append(c).append(", '')::").append(column.type());
            from.append(sep).append("CAST(:c").append(c).append(" AS text[])");
            alias.append(sep).append("c").append(c);
        }
        sql.append(")").append(select).append(from).append(alias).append(")");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                Object v = column.value().apply(rows.get(r));
                values[r] = v == null ? "" : v.toString();
            }
            spec = spec.bind("c" + c, values);
        }
        return spec.fetch().rowsUpdated().flatMap(n -> n == rows.size() ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("inserted " + n + " of " + rows.size() + " rows")));
    }
}
