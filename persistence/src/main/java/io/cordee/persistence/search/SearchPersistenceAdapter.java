package io.cordee.persistence.search;

import io.cordee.core.search.SearchHit;
import io.cordee.core.search.SearchKind;
import io.cordee.core.search.SearchRepository;
import io.cordee.core.search.SearchScope;
import io.cordee.core.search.SearchText;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The search box in one statement (ADR 0068): a UNION of the four kinds, each filtered by the agency and by
 * what the role may find, the names folded by the same map as the typed text ({@link SearchText}), ranked
 * prefix first, then start of a word, then anywhere. An agency holds hundreds to a few thousand names: a scan
 * of its rows (by the primary keys' leading {@code agency_id}) is enough, no trigram index.
 */
@Component
public class SearchPersistenceAdapter implements SearchRepository {

    /** A client id no row has: the "every client" case binds it and switches the filter off. */
    private static final UUID NO_CLIENT = new UUID(0, 0);

    private static final String FOLD = "lower(translate(%s, :accented, :plain))";

    private static final String SQL = """
            SELECT kind, id, title, subtitle FROM (
              SELECT 'CLIENT' AS kind, 0 AS kind_order, c.id, c.name AS title, NULL::text AS subtitle,
                     %1$s AS folded, %1$s AS haystack
              FROM client c
              WHERE c.agency_id = :agency AND :clients
              UNION ALL
              SELECT 'PROJECT', 1, p.id, p.name, c.name, %2$s, %2$s
              FROM project p JOIN client c ON c.agency_id = p.agency_id AND c.id = p.client_id
              WHERE p.agency_id = :agency AND :projects AND (NOT :restrict OR p.client_id = :client)
              UNION ALL
              SELECT 'BRIEF', 2, b.id, b.title, p.name || ' · ' || c.name, %3$s, %3$s
              FROM brief b JOIN project p ON p.agency_id = b.agency_id AND p.id = b.project_id
                JOIN client c ON c.agency_id = p.agency_id AND c.id = p.client_id
              WHERE b.agency_id = :agency AND :briefs AND (NOT :restrict OR p.client_id = :client)
              UNION ALL
              SELECT 'PERSON', 3, u.id, u.display_name, u.email, %4$s, %4$s || ' ' || u.email
              FROM app_user u
              WHERE u.agency_id = :agency AND :people
            ) hit
            WHERE haystack LIKE '%%' || :needle || '%%'
            ORDER BY CASE WHEN folded LIKE :needle || '%%' THEN 0
                          WHEN folded LIKE '%% ' || :needle || '%%' THEN 1 ELSE 2 END,
                     folded, kind_order, id
            LIMIT :limit
            """.formatted(FOLD.formatted("c.name"), FOLD.formatted("p.name"), FOLD.formatted("b.title"),
            FOLD.formatted("u.display_name"));

    private final DatabaseClient db;

    public SearchPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SearchHit> find(SearchScope scope, String folded, int limit) {
        return db.sql(SQL)
                .bind("accented", SearchText.FROM)
                .bind("plain", SearchText.TO)
                .bind("agency", scope.agencyId().value())
                .bind("clients", scope.kinds().contains(SearchKind.CLIENT))
                .bind("projects", scope.kinds().contains(SearchKind.PROJECT))
                .bind("briefs", scope.kinds().contains(SearchKind.BRIEF))
                .bind("people", scope.kinds().contains(SearchKind.PERSON))
                .bind("restrict", scope.onlyClient() != null)
                .bind("client", scope.onlyClient() == null ? NO_CLIENT : scope.onlyClient().value())
                .bind("needle", SearchText.likeEscaped(folded))
                .bind("limit", limit)
                .map(row -> new SearchHit(SearchKind.valueOf(row.get("kind", String.class)), row.get("id", UUID.class),
                        row.get("title", String.class), row.get("subtitle", String.class)))
                .all();
    }
}
