package io.cordee.api.graphql.search;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.core.identity.Caller;
import io.cordee.core.search.SearchCommand;
import io.cordee.core.search.SearchHit;
import io.cordee.core.search.SearchKind;
import io.cordee.core.search.SearchService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The search box over GraphQL; what a role finds is decided in {@link SearchService}. */
@Controller
public class SearchController {

    /** GraphQL {@code SearchResults}. */
    public record SearchResults(String text, List<Hit> hits) {
    }

    /** GraphQL {@code SearchHit}. */
    public record Hit(SearchKind kind, String id, String title, String subtitle, String path) {
    }

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    @QueryMapping
    public Mono<SearchResults> search(@Argument String text, @Argument Integer first) {
        return Callers.current().flatMap(caller -> search.search(caller, SearchCommand.of(text, first))
                .map(hits -> new SearchResults(text.strip(), hits.stream().map(hit -> view(caller, hit)).toList())));
    }

    /** The hit with its global id and the page of the SPA that shows it to this caller. */
    private static Hit view(Caller caller, SearchHit hit) {
        String type = switch (hit.kind()) {
            case CLIENT -> "Client";
            case PROJECT -> "Project";
            case BRIEF -> "Brief";
            case PERSON -> "User";
        };
        String id = GlobalId.of(type, hit.id());
        // a client contact has one page, its portal, where its projects and briefs are
        String path = caller.isClientUser() ? "/portal" : switch (hit.kind()) {
            case CLIENT -> "/clients/" + id;
            case PROJECT -> "/projects/" + id;
            case BRIEF -> "/briefs/" + id;
            case PERSON -> "/people";
        };
        return new Hit(hit.kind(), id, hit.title(), hit.subtitle(), path);
    }
}
