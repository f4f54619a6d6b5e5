package io.cordee.api.pipeline;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Whether a mutation request succeeded (ADR 78): the one answer the mutation's transaction (kept or
 * rolled back, with its idempotent response stored or not) and the alert evaluation that follows it
 * both use, so that they never disagree about what was written.
 */
public final class MutationOutcome {

    private MutationOutcome() {
    }

    /**
     * No GraphQL error, and every mutation field answered with a payload whose {@code userErrors} is
     * absent or empty. A null payload (a field that failed) or no data at all is not a success; only each
     * payload's own {@code userErrors} counts, not a field of that name deeper in the answer.
     */
    public static boolean succeeded(WebGraphQlResponse response) {
        return response.isValid() && succeeded(response.getErrors(), response.getData());
    }

    static boolean succeeded(List<?> errors, Object data) {
        if (!errors.isEmpty() || !(data instanceof Map<?, ?> fields) || fields.isEmpty()) {
            return false;
        }
        return fields.values().stream().allMatch(payload -> payload != null && (!(payload instanceof Map<?, ?> p)
                || !(p.get("userErrors") instanceof List<?> userErrors) || userErrors.isEmpty()));
    }
}
