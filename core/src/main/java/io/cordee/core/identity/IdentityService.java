package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TooManyRequests;
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

/**
 * Use cases of identity: sign in, sign out, and recognise the caller behind a session token.
 *
 * <p>Tokens are 256 random bits; the database keeps only their SHA-256, so a leaked table opens no
 * session. A wrong e-mail and a wrong password give the same answer after the same slow hash.
 *
 * <p>Sign-in under attack (ADR 23): each account has a throttle ({@link SignInThrottle}), claimed before
 * anything else, that refuses attempts coming too fast after failures with {@code TOO_MANY_ATTEMPTS}
 * without checking the password — for addresses nobody has too, so the throttle does not tell which
 * exist. The hash runs outside any transaction on {@link BoundedHashing}'s threads, holding no database
 * connection: each statement of a sign-in takes a connection only for itself.
 */
public final class IdentityService {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    /** Every secret token of Cordée (sessions, links, challenges) comes from here; SecureRandom is thread-safe. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final SessionRepository sessions;
    private final SignInAttemptRepository attempts;
    private final SignInThrottle throttle;
    private final PasswordHasher hasher;
    private final BoundedHashing hashing;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccessChanges changes;
    private final String dummyHash;

    public IdentityService(UserRepository users, SessionRepository sessions, SignInAttemptRepository attempts,
                           SignInThrottle throttle, PasswordHasher hasher, BoundedHashing hashing, IdGenerator ids,
                           Clock clock) {
        this(users, sessions, attempts, throttle, hasher, hashing, ids, clock, AccessChanges.NONE);
    }

    /** With {@code changes} told at once of every committed change of access made through this instance. */
    public IdentityService(UserRepository users, SessionRepository sessions, SignInAttemptRepository attempts,
                           SignInThrottle throttle, PasswordHasher hasher, BoundedHashing hashing, IdGenerator ids,
                           Clock clock, AccessChanges changes) {
        this.changes = changes;
        this.users = users;
        this.sessions = sessions;
        this.attempts = attempts;
        this.throttle = throttle;
        this.hasher = hasher;
        this.hashing = hashing;
        this.ids = ids;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-password-" + RANDOM.nextLong());
    }

    public Mono<SignedIn> signIn(String email, String password) {
        return checkPassword(email, password)
                .flatMap(user -> attempts.reset(accountKey(user.email())).then(openSession(user)));
    }

    /**
     * The user behind a right e-mail and password, throttled like {@link #signIn}, but neither opening a
     * session nor clearing the account's attempts: a second factor may still be due (ADR 44), and until it is
     * given the attempt counts as a failure.
     */
    public Mono<User> checkPassword(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty() || email.length() > 320
                || password.length() > 1_000) {
            return Mono.error(InvalidInput.of("email", "E-mail or password is incorrect",
                    ErrorCode.INVALID_CREDENTIALS));
        }
        String normalized = normalizeEmail(email);
        byte[] account = accountKey(normalized);
        return hashing.admit(() -> attempts.claim(account, clock.instant(), throttle).flatMap(wait -> wait.isZero()
                ? check(normalized, password, account)
                : Mono.error(new TooManyRequests(ErrorCode.TOO_MANY_ATTEMPTS, "Too many sign-in attempts for this"
                        + " account: try again in " + seconds(wait) + " s", wait))));
    }

    private Mono<User> check(String normalized, String password, byte[] account) {
        // Exactly one slow hash per attempt, known e-mail or not, so timing does not tell which addresses exist.
        return users.findByEmail(normalized)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> hashing.hash(() -> hasher.matches(password,
                                user.map(User::passwordHash).orElse(dummyHash)))
                        .flatMap(matches -> matches && user.isPresent()
                                ? Mono.just(user.get())
                                : Mono.error(InvalidInput.of("email", "E-mail or password is incorrect",
                                        ErrorCode.INVALID_CREDENTIALS))));
    }

    /** The throttle's key: SHA-256 of the normalised address, so the table holds no address in clear. */
    static byte[] accountKey(String normalizedEmail) {
        return hashToken("sign-in:" + normalizedEmail);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * The password of a signed-in {@code user} checked again (changing it, turning two-factor sign-in off),
     * throttled like {@link #signIn}: a wrong one counts against the account, a right one clears its attempts.
     * A wrong one is refused on {@code field} saying {@code wrong}.
     */
    public Mono<Void> confirmPassword(User user, String password, String field, String wrong) {
        byte[] account = accountKey(user.email());
        return hashing.admit(() -> attempts.claim(account, clock.instant(), throttle)
                .flatMap(wait -> !wait.isZero()
                        ? Mono.error(new TooManyRequests(ErrorCode.TOO_MANY_ATTEMPTS, "Too many attempts with a"
                        + " wrong password: try again in " + seconds(wait) + " s", wait))
                        : hashing.hash(() -> hasher.matches(password, user.passwordHash())))
                .flatMap(matches -> matches ? attempts.reset(account)
                        : Mono.error(InvalidInput.of(field, wrong, ErrorCode.INVALID_CREDENTIALS))));
    }

    /** The slow hash of a new password (setup, invitation, change, reset), on the hashing threads. */
    public Mono<String> hashPassword(String password) {
        return hashing.hash(() -> hasher.hash(password));
    }

    /** A new secret token: 256 random bits, URL-safe Base64; stored only as its {@link #hashToken}. */
    public static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Opens a session for a user who has just proven who they are (sign-in, first-run setup). */
    public Mono<SignedIn> openSession(User user) {
        String token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(SESSION_LIFETIME);
        Session session = new Session(ids.newId(), user.agencyId(), user.id(), hashToken(token), now, expiresAt);
        return sessions.insert(session).thenReturn(new SignedIn(token, user, expiresAt));
    }

    /** Deletes the sign-in attempts forgotten anyway by now (the throttle's window has passed); returns how many. */
    public Mono<Long> deleteExpiredAttempts() {
        return attempts.deleteExpired(clock.instant());
    }

    public Mono<Void> signOut(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        byte[] hash = hashToken(token);
        return sessions.revoke(hash, clock.instant()).doOnTerminate(() -> changes.sessionEnded(hash));
    }

    /**
     * {@code change} (a committed transaction: its end comes after the commit) that changes the user's
     * sessions, role or activation; whatever kept their sessions is told as it ends, failed or not.
     */
    public <T> Mono<T> changingAccessOf(AgencyId agencyId, UserId userId, Mono<T> change) {
        return change.doOnTerminate(() -> changes.userChanged(agencyId, userId));
    }

    /** {@code change} that may end sessions of several users of the agency. */
    public <T> Mono<T> changingAccessIn(AgencyId agencyId, Mono<T> change) {
        return change.doOnTerminate(() -> changes.agencyChanged(agencyId));
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
