package io.cordee.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask of the server ({@code cordee.limits.*}); see ADR 15 and docs/api.md ("Limits").
 *
 * @param maxDepth          deepest field nesting, counting the leaf ({@code { a { b } }} is 2); GraphiQL's
 *                          introspection query needs 15
 * @param maxCost           most objects the request may return, estimated before it runs
 * @param listSizeEstimate  how many items a plain list (not a connection) is assumed to hold in the cost
 * @param maxAliases        most aliased fields in the operation, fragments expanded
 * @param maxDocumentLength most characters in the query document (variables are bounded by the body limit)
 * @param maxListItems      most items in a list handed in (argument or input field) whose schema declares no
 *                          {@code @maxItems}
 * @param timeout           longest a request may run; then it is answered TIMEOUT and its work cancelled
 * @param computeThreads    threads of the scheduler the CPU-heavy computations run on (0: one per core)
 * @param rate              requests per caller over time
 */
@ConfigurationProperties("cordee.limits")
public record LimitsProperties(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("50000") long maxCost,
        @DefaultValue("10") int listSizeEstimate,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("20000") int maxDocumentLength,
        @DefaultValue("100") int maxListItems,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("0") int computeThreads,
        @DefaultValue Rate rate) {

    /**
     * Token buckets: a caller may send {@code requests} at once, and gets them back evenly over
     * {@code period}.
     *
     * @param enabled           off to run without rate limits (a benchmark on loopback)
     * @param callerRequests    per signed-in user, or per API token when one was used
     * @param anonymousRequests per client IP address, for requests without a caller (signIn)
     */
    public record Rate(@DefaultValue("true") boolean enabled,
                       @DefaultValue("300") long callerRequests,
                       @DefaultValue("1m") Duration callerPeriod,
                       @DefaultValue("30") long anonymousRequests,
                       @DefaultValue("1m") Duration anonymousPeriod) {
    }
}
