package io.cordee.persistence.common;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One way to read a page of any table, ordered by {@code (sortColumn, id)}: a count of the whole
 * filtered list (only when the page asks for it) and {@code first + 1} rows after the cursor (the
 * extra row tells whether more follow), one or two statements whatever the page.
 *
 * <p>It also holds the statements of a whole row of the same table and columns, read with the same reader: by id,
 * by ids, by the ids of their parents, an insert and a version-guarded update.
 *
 * @param parseSortValue turns a cursor's sort value back into the column's type
 */
public record KeysetQuery<R>(String table, String columns, String sortColumn, RowReader<R> reader,
                             Function<R, Object> sortValue, Function<R, UUID> id,
                             Function<String, Object> parseSortValue, boolean descending) {

    /** Rows read by position (ADR 62): the reader is built here, once, from the record and the columns. */
    public KeysetQuery(String table, String columns, String sortColumn, Class<R> rowType, Function<R, Object> sortValue,
                       Function<R, UUID> id, Function<String, Object> parseSortValue, boolean descending) {
        this(table, columns, sortColumn, RowReader.of(rowType, columns), sortValue, id, parseSortValue, descending);
    }

    /** Ascending by {@code (sortColumn, id)}. */
    public KeysetQuery(String table, String columns, String sortColumn, Class<R> rowType, Function<R, Object> sortValue,
                       Function<R, UUID> id, Function<String, Object> parseSortValue) {
        this(table, columns, sortColumn, rowType, sortValue, id, parseSortValue, false);
    }

    /** The agency's row {@code id} of the same table and columns; empty when the agency has none of that id. */
    public Mono<R> findById(DatabaseClient db, UUID agencyId, UUID id) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId).bind("id", id)
                .map(reader).one();
    }

    /** The agency's rows of the given ids, in one statement; an id the agency has no row of is left out. */
    public Flux<R> findAllById(DatabaseClient db, UUID agencyId, Collection<UUID> ids) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId).bind("ids", ids.toArray(UUID[]::new))
                .map(reader).all();
    }

    /**
     * The agency's rows whose {@code column} is one of {@code values} (the batched read of the rows of many parents
     * the API's nested fields make), in one statement, in the order of the pages: {@code (sortColumn, id)}.
     * {@code column} is written into the statement as it is: an adapter's constant, never an input.
     */
    public Flux<R> findAllByAny(DatabaseClient db, UUID agencyId, String column, Collection<UUID> values) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE agency_id = :agencyId AND " + column
                        + " = ANY(:values) ORDER BY " + sortColumn + (descending ? " DESC, id DESC" : ", id"))
                .bind("agencyId", agencyId).bind("values", values.toArray(UUID[]::new))
                .map(reader).all();
    }

    /**
     * Inserts {@code row} whole ({@link Sql#insertInto}: each column bound from the row's component of that name)
     * and reads it back as stored.
     */
    public Mono<R> insert(DatabaseClient db, R row) {
        return db.sql(Sql.insertInto(table, columns) + " RETURNING " + columns)
                .bindProperties(row)
                .map(reader).one();
    }

    /**
     * The version-guarded update of {@code row} ({@link Sql#updateAtVersion}), its parameters bound from the row's
     * components: the row as stored, empty when its version is stale or {@code rowMatch} finds no row.
     */
    public Mono<R> updateAtVersion(DatabaseClient db, String assignments, String rowMatch, R row) {
        return db.sql(Sql.updateAtVersion(table, assignments, rowMatch) + " RETURNING " + columns)
                .bindProperties(row)
                .map(reader).one();
    }

    /** A page of the agency's rows, only those of {@code clientId} when it is not null. */
    public <T> Mono<Page<T>> fetchOfClient(DatabaseClient db, UUID agencyId, ClientId clientId, PageRequest page,
                                           Function<R, T> toDomain) {
        return fetch(db, Sql.forAgency(agencyId).and("client_id = :clientId", "clientId",
                clientId == null ? null : clientId.value()), page, toDomain);
    }

    public <T> Mono<Page<T>> fetch(DatabaseClient db, Sql where, PageRequest page, Function<R, T> toDomain) {
        Mono<Long> count = !page.withTotal() ? Mono.just(Page.NOT_COUNTED)
                : db.sql("SELECT count(*) FROM " + table + where.where()).bindValues(where.params())
                        .mapValue(Long.class).one();
        if (page.after() != null) {
            Keyset.Position after = Keyset.decode(page.after());
            where.and("(" + sortColumn + ", id) " + (descending ? "<" : ">") + " (:afterSort, :afterId)")
                    .param("afterSort", parse(after.sortValue())).param("afterId", after.id());
        }
        Mono<List<R>> rows = page.first() == 0 ? Mono.just(List.of())
                : db.sql("SELECT " + columns + " FROM " + table + where.where() + " ORDER BY " + sortColumn
                                + (descending ? " DESC, id DESC" : ", id") + " LIMIT :limit")
                        .bindValues(where.params()).bind("limit", page.first() + 1)
                        .map(reader).all().collectList();
        return Mono.zip(rows, count).map(t -> {
            List<R> list = t.getT1();
            List<Page.Edge<T>> edges = list.stream().limit(page.first())
                    .map(r -> new Page.Edge<>(toDomain.apply(r), Keyset.encode(String.valueOf(sortValue.apply(r)),
                            id.apply(r))))
                    .toList();
            return new Page<>(edges, list.size() > page.first(), t.getT2());
        });
    }

    private Object parse(String value) {
        try {
            return parseSortValue.apply(value);
        } catch (RuntimeException e) {
            throw InvalidInput.of("after", "is not a cursor of this list", ErrorCode.INVALID_FORMAT);
        }
    }
}
