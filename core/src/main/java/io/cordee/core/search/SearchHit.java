package io.cordee.core.search;

import java.util.Objects;
import java.util.UUID;

/**
 * One record found by its name: a client, a project (subtitle: its client), a brief (subtitle: its project
 * and client) or a person of the agency (subtitle: the e-mail). No amount, no cost: a hit carries names only.
 */
public record SearchHit(SearchKind kind, UUID id, String title, String subtitle) {

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
