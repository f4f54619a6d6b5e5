package io.cordee.api.graphql.common;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.identity.Caller;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * How every mutation answers: the payload with its result, or, for what the user can fix (invalid
 * input, a stale version, an id that does not resolve), the payload with {@code userErrors}.
 * Authentication and permission failures stay GraphQL errors.
 */
public final class Mutations {

    private Mutations() {
    }

    public static <T, P> Mono<P> payload(Mono<T> work, Function<T, P> success,
                                         Function<List<UserError>, P> failure) {
        return work.map(success)
                .onErrorResume(e -> e instanceof InvalidInput || e instanceof Conflict || e instanceof NotFound,
                        e -> Mono.just(failure.apply(UserError.from((DomainException) e))));
    }

    /**
     * The same for the common payload of one result and its user errors ({@code ClientPayload::new}): the result
     * with no user errors, or no result with them.
     */
    public static <T, P> Mono<P> payload(Mono<T> work, BiFunction<T, List<UserError>, P> payload) {
        return payload(work, result -> payload.apply(result, List.of()), errors -> payload.apply(null, errors));
    }

    /** The same for {@code work} done by the caller of the request (an {@code Unauthenticated} error without one). */
    public static <T, P> Mono<P> asCaller(Function<Caller, Mono<T>> work, Function<T, P> success,
                                          Function<List<UserError>, P> failure) {
        return payload(Callers.current().flatMap(work), success, failure);
    }

    /** The same, answered with the common payload of one result and its user errors ({@code ClientPayload::new}). */
    public static <T, P> Mono<P> asCaller(Function<Caller, Mono<T>> work, BiFunction<T, List<UserError>, P> payload) {
        return payload(Callers.current().flatMap(work), payload);
    }

    /**
     * The same for {@code work} only a person signed in with a browser session may do ({@code action}, as
     * {@link Callers#signedInPerson} words its {@code Forbidden} error for a partner API token).
     */
    public static <T, P> Mono<P> asSignedInPerson(String action, Function<Caller, Mono<T>> work,
                                                  Function<T, P> success, Function<List<UserError>, P> failure) {
        return payload(Callers.signedInPerson(action).flatMap(work), success, failure);
    }

    /** The same, answered with the common payload of one result and its user errors ({@code PersonPayload::new}). */
    public static <T, P> Mono<P> asSignedInPerson(String action, Function<Caller, Mono<T>> work,
                                                  BiFunction<T, List<UserError>, P> payload) {
        return payload(Callers.signedInPerson(action).flatMap(work), payload);
    }
}
