package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Use cases of identity: sign in, sign out, and recognise the caller behind a session token.
 *
 * <p>Tokens are 256 random bits; the database keeps only their SHA-256, so a leaked table opens no
 * session. A wrong e-mail and a wrong password give the same answer after the same slow hash.
 */
public final class IdentityService {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(7);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public IdentityService(UserRepository users, SessionRepository sessions, PasswordHasher hasher, IdGenerator ids,
                           Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-password-" + random.nextLong());
    }

    public Mono<SignedIn> signIn(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty() || email.length() > 320
                || password.length() > 1_000) {
            return Mono.error(InvalidInput.of("email", "E-mail or password is incorrect",
                    ErrorCode.INVALID_CREDENTIALS));
        }
        // Exactly one slow hash per attempt, known e-mail or not, so timing does not tell which addresses exist.
        return users.findByEmail(normalizeEmail(email))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(user -> {
                    boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(dummyHash));
                    return matches && user.isPresent() ? openSession(user.get())
                            : Mono.error(InvalidInput.of("email", "E-mail or password is incorrect",
                                    ErrorCode.INVALID_CREDENTIALS));
                });
    }

    private Mono<SignedIn> openSession(User user) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(SESSION_LIFETIME);
        Session session = new Session(ids.newId(), user.agencyId(), user.id(), hashToken(token), now, expiresAt);
        return sessions.insert(session).thenReturn(new SignedIn(token, user, expiresAt));
    }

    public Mono<Void> signOut(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return sessions.revoke(hashToken(token), clock.instant());
    }

    /** The caller behind {@code token}, or an {@link Unauthenticated} error. */
    public Mono<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.error(new Unauthenticated("Sign in first"));
        }
        return sessions.findUserOfActiveSession(hashToken(token), clock.instant())
                .map(User::asCaller)
                .switchIfEmpty(Mono.error(() -> new Unauthenticated("Your session has expired; sign in again")));
    }

    public Mono<User> viewer(Caller caller) {
        return users.findById(caller.agencyId(), caller.userId())
                .switchIfEmpty(Mono.error(() -> new Unauthenticated("Your account no longer exists")));
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static byte[] hashToken(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
