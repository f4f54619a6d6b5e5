package io.cordee.core.identity;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Port: sessions, looked up by the hash of their token. */
public interface SessionRepository {

    Mono<Session> insert(Session session);

    /** The user behind a session that is neither expired at {@code now} nor revoked, unless deactivated. */
    Mono<User> findUserOfActiveSession(byte[] tokenHash, Instant now);

    /** Revokes the session; completes empty whether or not it existed. */
    Mono<Void> revoke(byte[] tokenHash, Instant now);

    /**
     * Deletes up to {@code limit} sessions expired or revoked at {@code now}, except each user's newest
     * session (it tells the people page when they last signed in); how many were deleted.
     */
    Mono<Long> deleteDead(Instant now, int limit);
}
