package io.cordee.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.AccessChanges;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.UserId;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The callers behind browser session tokens, kept a few seconds (ADR 50) so that a page's burst of requests
 * costs one session lookup instead of one each. Bounded ({@code cordee.sessions.cache-size}) and short-lived
 * ({@code cordee.sessions.cache-ttl}, 0 turns it off), measured on the injected {@link Clock}.
 *
 * <p>Forgotten at once: on this instance when a change of access commits ({@link AccessChanges}, told by the
 * core services), and on every instance when PostgreSQL's access notification arrives (ADR 22). A change
 * whose notification is lost is seen within the lifetime. Keyed by the token's SHA-256, never the token.
 *
 * <p>A lookup that started before a change and answers after it must not put back what the change ended:
 * every change moves a generation forward, and an answer is kept only if none happened while it was read.
 */
@Component
public class SessionCache implements AccessChanges {

    private final Cache<ByteBuffer, Caller> callers;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();

    public SessionCache(@Value("${cordee.sessions.cache-ttl:PT5S}") Duration ttl,
                        @Value("${cordee.sessions.cache-size:10000}") long size, Clock clock) {
        this.enabled = !ttl.isZero() && !ttl.isNegative() && size > 0;
        this.callers = Caffeine.newBuilder()
                .maximumSize(Math.max(size, 0))
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** The caller behind {@code token}: kept, or looked up by {@code lookup} and kept. */
    Mono<Caller> caller(String token, Supplier<Mono<Caller>> lookup) {
        if (!enabled || token == null || token.isBlank() || token.length() > 200) {
            return lookup.get();
        }
        ByteBuffer key = ByteBuffer.wrap(IdentityService.hashToken(token));
        Caller kept = callers.getIfPresent(key);
        if (kept != null) {
            return Mono.just(kept);
        }
        return Mono.defer(() -> {
            long before = generation.get();
            return lookup.get().doOnNext(caller -> {
                callers.put(key, caller);
                if (generation.get() != before) {
                    // a change committed while this was read: what was read may be what it ended
                    callers.invalidate(key);
                }
            });
        });
    }

    /** How many callers are kept (after pending evictions). */
    long size() {
        callers.cleanUp();
        return callers.estimatedSize();
    }

    @Override
    public void sessionEnded(byte[] tokenHash) {
        generation.incrementAndGet();
        callers.invalidate(ByteBuffer.wrap(tokenHash));
    }

    @Override
    public void userChanged(AgencyId agencyId, UserId userId) {
        generation.incrementAndGet();
        callers.asMap().values().removeIf(c -> c.agencyId().equals(agencyId) && c.userId().equals(userId));
    }

    @Override
    public void agencyChanged(AgencyId agencyId) {
        generation.incrementAndGet();
        callers.asMap().values().removeIf(c -> c.agencyId().equals(agencyId));
    }

    /** Everything kept is forgotten (the access listener starts listening again after missing changes). */
    public void clear() {
        generation.incrementAndGet();
        callers.invalidateAll();
    }
}
