package io.cordee.core.search;

import io.cordee.core.common.Forbidden;
import io.cordee.core.identity.Caller;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The search box (issue 19, ADR 0068): clients, projects, briefs and people by name, scoped by role
 * (docs/roles.md). Staff find clients, projects and briefs; only the {@code OWNER}, who alone sees the
 * people page, finds people; a {@code CLIENT} contact finds its own client's projects and briefs, nothing else.
 */
public final class SearchService {

    /** Hits when the caller does not say. */
    public static final int DEFAULT_FIRST = 10;
    /** The most hits one search returns. */
    public static final int MAX_FIRST = 20;

    private static final Set<SearchKind> STAFF = EnumSet.of(SearchKind.CLIENT, SearchKind.PROJECT, SearchKind.BRIEF);
    private static final Set<SearchKind> OWNER = EnumSet.allOf(SearchKind.class);
    private static final Set<SearchKind> CLIENT = EnumSet.of(SearchKind.PROJECT, SearchKind.BRIEF);

    private final SearchRepository repository;

    public SearchService(SearchRepository repository) {
        this.repository = repository;
    }

    /** Bad input (blank, too long, {@code first} outside 1..20) is refused with a typed error before any read. */
    public Mono<List<SearchHit>> search(Caller caller, String text, Integer first) {
        return Mono.fromCallable(() -> SearchCommand.of(text, first)).flatMap(command -> search(caller, command));
    }

    /** The hits of the command's text the caller may find, at most its {@code first}. */
    public Mono<List<SearchHit>> search(Caller caller, SearchCommand command) {
        return Mono.defer(() -> {
            SearchScope scope = switch (caller.role()) {
                case OWNER -> new SearchScope(caller.agencyId(), OWNER, null);
                case FINANCE, LEAD -> new SearchScope(caller.agencyId(), STAFF, null);
                case CLIENT -> {
                    if (caller.clientId() == null) {
                        throw new Forbidden("Your user is not tied to a client");
                    }
                    yield new SearchScope(caller.agencyId(), CLIENT, caller.clientId());
                }
            };
            return repository.find(scope, command.text(), command.first()).collectList();
        });
    }
}
