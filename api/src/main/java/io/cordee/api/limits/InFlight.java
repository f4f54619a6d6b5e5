package io.cordee.api.limits;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of one request that are still running. When the request is cancelled (it timed out, or
 * the client went away) they are cancelled too: Spring for GraphQL turns a controller's {@code Mono}
 * into a future whose cancellation disposes the subscription, which stops the SQL reading behind it.
 * graphql-java, told by Spring that the request was cancelled, starts no further field.
 */
final class InFlight {

    static final String KEY = InFlight.class.getName();

    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Object track(Object result) {
        if (result instanceof CompletableFuture<?> future && !future.isDone()) {
            if (cancelled) {
                future.cancel(true);
                return result;
            }
            running.add(future);
            future.whenComplete((value, error) -> running.remove(future));
            if (cancelled) {
                future.cancel(true);
            }
        }
        return result;
    }

    void cancel() {
        cancelled = true;
        for (CompletableFuture<?> future : running) {
            future.cancel(true);
        }
    }
}
