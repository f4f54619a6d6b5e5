package io.cordee.core.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** The throttle's table in memory, with the rules the SQL of V14 applies. */
final class InMemorySignInAttempts implements SignInAttemptRepository {

    record State(int attempts, Instant blockedUntil, Instant expiresAt) {
    }

    final Map<String, State> states = new ConcurrentHashMap<>();

    @Override
    public synchronized Mono<Duration> claim(byte[] accountKey, Instant now, SignInThrottle throttle) {
        String key = HexFormat.of().formatHex(accountKey);
        State state = states.get(key);
        if (state != null && state.blockedUntil().isAfter(now)) {
            // as the adapter: never less than the shortest wait (no "retry in 1 ms")
            Duration left = Duration.between(now, state.blockedUntil());
            Duration shortest = throttle.firstDelay().isZero() ? Duration.ofMillis(1) : throttle.firstDelay();
            return Mono.just(left.compareTo(shortest) < 0 ? shortest : left);
        }
        int attempts = state == null || !state.expiresAt().isAfter(now) ? 1 : state.attempts() + 1;
        Instant blockedUntil = now.plus(throttle.delayAfter(attempts));
        states.put(key, new State(attempts, blockedUntil, blockedUntil.plus(throttle.window())));
        return Mono.just(Duration.ZERO);
    }

    @Override
    public Mono<Void> reset(byte[] accountKey) {
        return Mono.fromRunnable(() -> states.remove(HexFormat.of().formatHex(accountKey)));
    }

    @Override
    public Mono<Long> deleteExpired(Instant now) {
        return Mono.fromCallable(() -> {
            long before = states.size();
            states.values().removeIf(s -> !s.expiresAt().isAfter(now));
            return before - states.size();
        });
    }
}
