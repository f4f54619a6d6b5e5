package io.cordee.core.identity;

import io.cordee.core.common.Actor;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.TransactionRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;

/**
 * Two-factor sign-in with TOTP (RFC 6238) and recovery codes (ADR 44).
 *
 * <p>Sign-in: a right password for a user with TOTP on gives no session but a challenge — 256 random bits kept
 * as their SHA-256, single use, {@value #CHALLENGE_MINUTES} minutes, dead after {@value #MAX_FAILURES} wrong
 * codes — that a code of the previous, current or next 30-second step completes; a step already used is
 * refused (the code was seen: replay), so is a code of an earlier step. A recovery code works instead, once. The
 * account's sign-in throttle (ADR 23) counts the password and every code until one succeeds, so a stolen
 * password gives no more guesses than the sign-in page.
 *
 * <p>When the agency requires two factors for the user's role and the user has none, the challenge is an
 * enrolment: the answer carries a new secret, and the first right code turns TOTP on, gives the recovery codes
 * and only then opens the session — no session ever exists without the second factor.
 */
public final class TwoFactorService {

    public static final int CHALLENGE_MINUTES = 5;
    public static final int MAX_FAILURES = 5;
    public static final int RECOVERY_CODES = 10;
    /** The roles an agency may require two factors of. */
    public static final Set<Role> REQUIRABLE = SetTwoFactorRequirementCommand.REQUIRABLE;

    /** What a right password leads to: a session, or a second factor still due. */
    public sealed interface SignInStep permits SignedInStep, SecondFactorDue {
    }

    public record SignedInStep(SignedIn signedIn) implements SignInStep {
    }

    /** {@code enrolment} is set when the code must confirm a new enrolment (the agency requires it). */
    public record SecondFactorDue(String challenge, Instant expiresAt, Enrolment enrolment) implements SignInStep {
        @Override
        public String toString() {
            return "SecondFactorDue[expiresAt=" + expiresAt + ", enrol=" + (enrolment != null) + "]";
        }
    }

    /** The secret as the authenticator app takes it: base32, and the otpauth:// URI that carries it. */
    public record Enrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    /** A completed sign-in; {@code recoveryCodes} only when it confirmed an enrolment (shown once). */
    public record Completed(SignedIn signedIn, List<String> recoveryCodes) {
    }

    public record Status(boolean enabled, boolean required, long recoveryCodesLeft) {
    }

    private final IdentityService identity;
    private final TwoFactorRepository repository;
    private final UserRepository users;
    private final SignInAttemptRepository attempts;
    private final SignInThrottle throttle;
    private final TotpCodes totp;
    private final TransactionRunner tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TwoFactorService(IdentityService identity, TwoFactorRepository repository, UserRepository users,
                            SignInAttemptRepository attempts, SignInThrottle throttle, TotpCodes totp,
                            TransactionRunner tx, Clock clock) {
        this.identity = identity;
        this.repository = repository;
        this.users = users;
        this.attempts = attempts;
        this.throttle = throttle;
        this.totp = totp;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- sign-in

    public Mono<SignInStep> signIn(String email, String password) {
        return identity.checkPassword(email, password).flatMap(user -> Mono.zip(
                        repository.find(user.agencyId(), user.id()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        repository.requiredRoles(user.agencyId()))
                .flatMap(found -> {
                    boolean enabled = found.getT1().map(TwoFactorRepository.TwoFactor::enabled).orElse(false);
                    if (enabled) {
                        return challenge(user, null);
                    }
                    if (found.getT2().contains(user.role())) {
                        byte[] secret = newSecret();
                        return repository.savePending(user.agencyId(), user.id(), secret)
                                .then(challenge(user, enrolment(user, secret)));
                    }
                    return attempts.reset(IdentityService.accountKey(user.email()))
                            .then(identity.openSession(user)).map(SignedInStep::new);
                }));
    }

    /**
     * After a sign-in by another proof than the password (a reset link, an accepted invitation): the session just
     * opened stands only when no second factor is due; otherwise it is revoked before anyone saw its token, and a
     * challenge (or an enrolment the agency requires) takes its place — a mailbox is not a second factor.
     */
    public Mono<SignInStep> afterProof(SignedIn signedIn) {
        User user = signedIn.user();
        return Mono.zip(repository.find(user.agencyId(), user.id()).map(TwoFactorRepository.TwoFactor::enabled)
                                .defaultIfEmpty(false),
                        repository.requiredRoles(user.agencyId()))
                .flatMap(t -> {
                    if (!t.getT1() && !t.getT2().contains(user.role())) {
                        return Mono.just(new SignedInStep(signedIn));
                    }
                    Mono<SignInStep> next = t.getT1() ? challenge(user, null) : Mono.defer(() -> {
                        byte[] secret = newSecret();
                        return repository.savePending(user.agencyId(), user.id(), secret)
                                .then(challenge(user, enrolment(user, secret)));
                    });
                    return identity.signOut(signedIn.token()).then(next);
                });
    }

    private Mono<SignInStep> challenge(User user, Enrolment enrolment) {
        String token = IdentityService.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofMinutes(CHALLENGE_MINUTES));
        return repository.insertChallenge(user.agencyId(), IdentityService.hashToken(token), user.id(),
                        enrolment != null, now, expiresAt)
                .thenReturn(new SecondFactorDue(token, expiresAt, enrolment));
    }

    /** The second step: a code (or, for a user already enrolled, a recovery code) completes the sign-in. */
    public Mono<Completed> completeSignIn(String challenge, String code, String recoveryCode) {
        return Mono.fromCallable(() -> new CompleteSignInCommand(challenge, code, recoveryCode))
                .flatMap(this::completeSignIn);
    }

    /** The second step: the command holds the rules of its fields; the challenge and the codes are checked here. */
    public Mono<Completed> completeSignIn(CompleteSignInCommand command) {
        return Mono.defer(() -> {
            byte[] hash = IdentityService.hashToken(command.challenge());
            Instant now = clock.instant();
            return repository.findChallenge(hash)
                    .filter(c -> c.usedAt() == null && now.isBefore(c.expiresAt()) && c.failures() < MAX_FAILURES)
                    .switchIfEmpty(Mono.error(TwoFactorService::expired))
                    .flatMap(c -> users.findById(c.agencyId(), c.userId())
                            .switchIfEmpty(Mono.error(TwoFactorService::expired))
                            .flatMap(user -> {
                                byte[] account = IdentityService.accountKey(user.email());
                                return attempts.claim(account, now, throttle).flatMap(wait -> !wait.isZero()
                                        ? Mono.error(new TooManyRequests(ErrorCode.TOO_MANY_ATTEMPTS, "Too many"
                                        + " sign-in attempts for this account: try again in "
                                        + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait))
                                        : secondFactor(c, user, command.code(), command.recoveryCode())
                                        .onErrorResume(InvalidInput.class, e -> repository.challengeFailed(hash)
                                                .then(Mono.error(e)))
                                        .then(repository.useChallenge(hash, clock.instant()))
                                        .flatMap(used -> used ? finish(c, user) : Mono.error(expired()))
                                        .flatMap(done -> attempts.reset(account).thenReturn(done)));
                            }));
        });
    }

    private Mono<Void> secondFactor(TwoFactorRepository.Challenge c, User user, String code, String recoveryCode) {
        if (recoveryCode != null) {
            if (c.enrol()) {
                return Mono.error(InvalidInput.of("recoveryCode", "You have no recovery codes yet: type the code"
                        + " of your authenticator app", ErrorCode.TWO_FACTOR_CODE_INVALID));
            }
            return repository.useRecoveryCode(c.agencyId(), c.userId(), recoveryHash(recoveryCode), clock.instant())
                    .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(InvalidInput.of("recoveryCode", "is not"
                            + " one of your unused recovery codes", ErrorCode.TWO_FACTOR_CODE_INVALID)));
        }
        return repository.find(c.agencyId(), c.userId())
                .filter(tf -> tf.enabled() != c.enrol())
                .switchIfEmpty(Mono.error(TwoFactorService::expired))
                .flatMap(tf -> checkCode(tf, code));
    }

    private Mono<Completed> finish(TwoFactorRepository.Challenge c, User user) {
        if (!c.enrol()) {
            return identity.openSession(user).map(s -> new Completed(s, List.of()));
        }
        List<String> codes = newRecoveryCodes();
        return tx.inTransactionAs(Actor.of(user.agencyId(), user.id(), "completeSignIn"),
                        repository.enable(user.agencyId(), user.id(), clock.instant())
                                .then(repository.replaceRecoveryCodes(user.agencyId(), user.id(), hashes(codes))))
                .then(identity.openSession(user)).map(s -> new Completed(s, codes));
    }

    /** Accepts a code of the step before, at or after now, once: a step already used is a replay. */
    private Mono<Void> checkCode(TwoFactorRepository.TwoFactor tf, String code) {
        OptionalLong step = matchingStep(tf.secret(), code);
        if (step.isEmpty()) {
            return Mono.error(ConfirmTwoFactorEnrolmentCommand.wrongCode());
        }
        return repository.useStep(tf.agencyId(), tf.userId(), step.getAsLong())
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(InvalidInput.of("code", "was already used:"
                        + " wait for the next code of your authenticator app", ErrorCode.TWO_FACTOR_CODE_REUSED)));
    }

    OptionalLong matchingStep(byte[] secret, String code) {
        String digits = ConfirmTwoFactorEnrolmentCommand.digits(code);
        if (digits == null) {
            return OptionalLong.empty();
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), TotpCodes.STEP_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    // ---- enrolment from the account page

    public Mono<Status> status(Caller caller) {
        return Mono.zip(repository.find(caller.agencyId(), caller.userId()).map(TwoFactorRepository.TwoFactor::enabled)
                                .defaultIfEmpty(false),
                        repository.requiredRoles(caller.agencyId()),
                        repository.recoveryCodesLeft(caller.agencyId(), caller.userId()))
                .map(t -> new Status(t.getT1(), t.getT2().contains(caller.role()), t.getT1() ? t.getT3() : 0));
    }

    /** A new pending secret (replacing a pending one): shown now, and never again once confirmed. */
    public Mono<Enrolment> start(Caller caller) {
        return identity.viewer(caller).flatMap(user -> repository.find(caller.agencyId(), caller.userId())
                .filter(TwoFactorRepository.TwoFactor::enabled)
                .flatMap(on -> Mono.<Enrolment>error(alreadyEnabled()))
                .switchIfEmpty(Mono.defer(() -> {
                    byte[] secret = newSecret();
                    return repository.savePending(caller.agencyId(), caller.userId(), secret)
                            .thenReturn(enrolment(user, secret));
                })));
    }

    /**
     * Turns TOTP on with a first right code; returns the recovery codes, shown once. The command is built once the
     * enrolment is read: a missing or finished enrolment is told before a malformed code.
     */
    public Mono<List<String>> confirm(Caller caller, String code) {
        return confirm(caller, () -> new ConfirmTwoFactorEnrolmentCommand(code));
    }

    /** Turns TOTP on: the command holds the code's shape; the enrolment and whether the code is right are here. */
    public Mono<List<String>> confirm(Caller caller, ConfirmTwoFactorEnrolmentCommand command) {
        return confirm(caller, () -> command);
    }

    private Mono<List<String>> confirm(Caller caller, Callable<ConfirmTwoFactorEnrolmentCommand> command) {
        return repository.find(caller.agencyId(), caller.userId())
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("code", "Start the enrolment first",
                        ErrorCode.TWO_FACTOR_NOT_ENABLED)))
                .flatMap(tf -> tf.enabled() ? Mono.error(alreadyEnabled())
                        : Mono.fromCallable(command).flatMap(c -> checkCode(tf, c.code())).thenReturn(tf))
                .flatMap(tf -> {
                    List<String> codes = newRecoveryCodes();
                    return tx.inTransactionAs(actor(caller, "confirmTwoFactor"),
                            repository.enable(caller.agencyId(), caller.userId(), clock.instant())
                                    .then(repository.replaceRecoveryCodes(caller.agencyId(), caller.userId(),
                                            hashes(codes))))
                            .thenReturn(codes);
                });
    }

    /** Turns TOTP off after the password or a current code; refused while the agency requires it of the role. */
    public Mono<Void> disable(Caller caller, String password, String code) {
        return Mono.fromCallable(() -> new DisableTwoFactorCommand(password, code))
                .flatMap(command -> disable(caller, command));
    }

    /** Turns TOTP off: the command holds the rule "a code or the password"; whether it is right is checked here. */
    public Mono<Void> disable(Caller caller, DisableTwoFactorCommand command) {
        return Mono.zip(identity.viewer(caller), repository.requiredRoles(caller.agencyId()))
                .flatMap(t -> {
                    User user = t.getT1();
                    if (t.getT2().contains(user.role())) {
                        return Mono.error(InvalidInput.of("password", "Your agency requires two-factor sign-in of"
                                + " your role: it cannot be turned off", ErrorCode.TWO_FACTOR_REQUIRED));
                    }
                    return enabled(caller)
                            .flatMap(tf -> command.code() != null ? checkCode(tf, command.code())
                                    : identity.confirmPassword(user, command.password(), "password",
                                            "is not your password"))
                            .then(tx.inTransactionAs(actor(caller, "disableTwoFactor"),
                                    repository.disable(caller.agencyId(), caller.userId())));
                });
    }

    /** New recovery codes (the old ones stop working), shown once. */
    public Mono<List<String>> regenerateRecoveryCodes(Caller caller) {
        return enabled(caller)
                .flatMap(tf -> {
                    List<String> codes = newRecoveryCodes();
                    return tx.inTransactionAs(actor(caller, "regenerateRecoveryCodes"),
                            repository.replaceRecoveryCodes(caller.agencyId(), caller.userId(), hashes(codes)))
                            .thenReturn(codes);
                });
    }

    // ---- the agency's requirement

    public Mono<Set<Role>> requiredRoles(Caller caller) {
        return repository.requiredRoles(caller.agencyId());
    }

    /**
     * OWNER only. Sets the roles that must sign in with two factors; ends the sessions of their users who have
     * none, so they enrol at their next sign-in. An owner requiring it of their own role must have it on first.
     */
    public Mono<Void> setRequirement(Caller caller, Set<Role> roles, long version) {
        return caller.command(EnumSet.of(Role.OWNER), "require two-factor sign-in",
                        () -> new SetTwoFactorRequirementCommand(roles, version))
                .flatMap(command -> setRequirement(caller, command));
    }

    /** Sets the requirement: the command holds the rule of its roles; the caller's own factor is checked here. */
    public Mono<Void> setRequirement(Caller caller, SetTwoFactorRequirementCommand command) {
        return Mono.defer(() -> {
            caller.require(EnumSet.of(Role.OWNER), "require two-factor sign-in");
            Set<Role> set = command.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(command.roles());
            long version = command.version();
            Mono<Void> selfCheck = !set.contains(caller.role()) ? Mono.empty()
                    : repository.find(caller.agencyId(), caller.userId()).filter(TwoFactorRepository.TwoFactor::enabled)
                    .hasElement().flatMap(on -> on ? Mono.<Void>empty() : Mono.error(InvalidInput.of("roles",
                            "Turn two-factor sign-in on for yourself first (My account)",
                            ErrorCode.TWO_FACTOR_REQUIRED)));
            return selfCheck.then(identity.changingAccessIn(caller.agencyId(),
                    tx.inTransactionAs(actor(caller, "setTwoFactorRequirement"),
                    repository.setRequiredRoles(caller.agencyId(), set, version)
                            .flatMap(ok -> ok ? repository.revokeSessionsWithoutTwoFactor(caller.agencyId(), set,
                                    caller.userId(), clock.instant())
                                    : Mono.error(new Conflict("The agency", version))))));
        });
    }

    // ---- helpers

    /** The caller's two-factor sign-in when it is on; an {@link InvalidInput} on {@code code} when it is not. */
    private Mono<TwoFactorRepository.TwoFactor> enabled(Caller caller) {
        return repository.find(caller.agencyId(), caller.userId())
                .filter(TwoFactorRepository.TwoFactor::enabled)
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("code", "Two-factor sign-in is not on",
                        ErrorCode.TWO_FACTOR_NOT_ENABLED)));
    }

    private static Actor actor(Caller caller, String operation) {
        return Actor.of(caller.agencyId(), caller.userId(), operation);
    }

    private static InvalidInput expired() {
        return CompleteSignInCommand.expired();
    }

    private static InvalidInput alreadyEnabled() {
        return InvalidInput.of("code", "Two-factor sign-in is already on", ErrorCode.TWO_FACTOR_ALREADY_ENABLED);
    }

    private byte[] newSecret() {
        byte[] secret = new byte[20]; // 160 bits, as RFC 4226 recommends
        random.nextBytes(secret);
        return secret;
    }

    /** Ten codes of 16 base32 characters (80 bits), written xxxx-xxxx-xxxx-xxxx. */
    private List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] raw = new byte[10];
            random.nextBytes(raw);
            String s = Base32.encode(raw).toLowerCase(Locale.ROOT);
            codes.add(s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12));
        }
        return codes;
    }

    private static List<byte[]> hashes(List<String> codes) {
        return codes.stream().map(TwoFactorService::recoveryHash).toList();
    }

    static byte[] recoveryHash(String code) {
        return IdentityService.hashToken("recovery:" + code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }

    private static Enrolment enrolment(User user, byte[] secret) {
        String base32 = Base32.encode(secret);
        String issuer = URLEncoder.encode("Cordée", StandardCharsets.UTF_8).replace("+", "%20");
        String label = issuer + ":" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=30");
    }

    /** RFC 4648 base32 without padding: what authenticator apps take. */
    static final class Base32 {
        private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
            }
            return out.toString();
        }
    }
}
