package io.cordee.core.identity;

import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.limit.RateBuckets;
import io.cordee.core.mail.LinkMailer;
import io.cordee.core.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Passwords (ADR 39): a signed-in user changes theirs; a user who forgot it asks for a reset link by mail and
 * sets a new one with it.
 *
 * <p>Changing asks for the current password; a wrong one counts against the sign-in throttle of the account
 * (ADR 23), so a stolen session cannot try passwords faster than the sign-in page. It ends the user's other
 * sessions and keeps the current one.
 *
 * <p>A reset link's token is 256 random bits kept only as its SHA-256; it works once, for one hour from the
 * injected clock. Asking for one answers the same whether the address exists or not: the caller admits the
 * request ({@link #admitReset}, the per-address limit, the same for every address) and then runs
 * {@link #sendReset} detached, so the answer neither waits for the mail nor tells whether one was sent. Using
 * the link sets the password, ends every session of the user, clears the sign-in throttle of the account and
 * signs the person in.
 */
public final class PasswordService {

    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    /** Reset mails per address: 3 an hour, coming back evenly (one every 20 min). */
    public static final long RESETS_PER_ADDRESS = 3;
    public static final Duration RESET_PERIOD = Duration.ofHours(1);
    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    /** What {@link #sendReset} did, for the log: never the link of an unknown address (there is none). */
    public record ResetRequest(Outcome outcome, String link) {
        public enum Outcome { MAILED, NO_SMTP, UNKNOWN_ADDRESS }
    }

    private final UserRepository users;
    private final PasswordRepository passwords;
    private final SignInAttemptRepository attempts;
    private final RateBuckets buckets;
    private final IdentityService identity;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;
    private final LinkMailer links;

    /** The password itself is checked and hashed by {@code identity}, as at sign-in (ADR 23). */
    public PasswordService(UserRepository users, PasswordRepository passwords, SignInAttemptRepository attempts,
                           RateBuckets buckets, IdentityService identity, TransactionRunner tx, IdGenerator ids,
                           Clock clock, Mailer mailer, String publicUrl) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
        this.buckets = buckets;
        this.identity = identity;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.links = new LinkMailer(mailer, publicUrl, "/#/reset/");
    }

    /** The link a reset token opens: the SPA's reset page. */
    public String link(String token) {
        return links.link(token);
    }

    // ---- change

    /**
     * Sets a new password for the caller after checking the current one, and ends the caller's other sessions
     * ({@code sessionToken}'s stays; null, as for an API token: every session ends).
     */
    public Mono<Void> change(Caller caller, String sessionToken, String currentPassword, String newPassword) {
        return Mono.fromCallable(() -> new ChangePasswordCommand(currentPassword, newPassword))
                .flatMap(command -> change(caller, sessionToken, command));
    }

    /**
     * Changes the caller's password: see {@link #change(Caller, String, String, String)}. The command holds the
     * rules of both passwords; whether the current one is right is checked here, under the sign-in throttle.
     */
    public Mono<Void> change(Caller caller, String sessionToken, ChangePasswordCommand command) {
        String currentPassword = command.currentPassword();
        String newPassword = command.newPassword();
        return Mono.defer(() -> {
            return identity.viewer(caller).flatMap(user -> identity.confirmPassword(user, currentPassword,
                            "currentPassword", "is not your current password")
                        .then(identity.hashPassword(newPassword))
                        .flatMap(hash -> {
                            Instant now = clock.instant();
                            byte[] keep = sessionToken == null ? null : IdentityService.hashToken(sessionToken);
                            return identity.changingAccessOf(caller.agencyId(), caller.userId(),
                                    tx.inTransactionAs(Actor.of(caller.agencyId(), caller.userId(), "changePassword"),
                                    passwords.setPassword(caller.agencyId(), caller.userId(), hash, now)
                                            .then(passwords.revokeSessions(caller.agencyId(), caller.userId(), keep,
                                                    now))));
                        }));
        });
    }

    // ---- reset

    /**
     * The part of a reset request the caller waits for: the address is well formed and under its limit
     * ({@value #RESETS_PER_ADDRESS} an hour, counted for every address, known or not).
     */
    public Mono<Void> admitReset(String email) {
        return Mono.fromCallable(() -> new RequestPasswordResetCommand(email)).flatMap(this::admitReset);
    }

    /** The admission of a reset request: the command holds the address's rules, its limit is checked here. */
    public Mono<Void> admitReset(RequestPasswordResetCommand command) {
        return Mono.defer(() -> {
            String key = "password-reset:" + HexFormat.of().formatHex(
                    IdentityService.hashToken(IdentityService.normalizeEmail(command.email())));
            return buckets.take(key, RESETS_PER_ADDRESS, RESET_PERIOD, clock.instant())
                    .flatMap(wait -> wait.isZero() ? Mono.<Void>empty()
                            : Mono.error(new TooManyRequests(ErrorCode.TOO_MANY_REQUESTS, "Too many reset requests"
                            + " for this address: try again in " + seconds(wait) + " s", wait)));
        });
    }

    /**
     * The detached part: for an address that signs in, a new link, mailed in {@code language} (else the
     * agency's) when SMTP is configured. For any other address nothing is stored or sent.
     */
    public Mono<ResetRequest> sendReset(String email, String language) {
        return users.findByEmail(IdentityService.normalizeEmail(email))
                .flatMap(user -> {
                    String token = IdentityService.newToken();
                    Instant now = clock.instant();
                    PasswordReset reset = new PasswordReset(ids.newId(), user.agencyId(), user.id(), now,
                            now.plus(RESET_VALIDITY), null);
                    String link = link(token);
                    return passwords.insertReset(reset, IdentityService.hashToken(token))
                            .then(passwords.letterhead(user.agencyId()))
                            .flatMap(agency -> {
                                if (!links.configured()) {
                                    return Mono.just(new ResetRequest(ResetRequest.Outcome.NO_SMTP, link));
                                }
                                String lang = agency.languageOr(
                                        language != null && LANGUAGES.contains(language) ? language : null);
                                return links.send(PasswordResetMail.of(user.email(), lang, agency.name(), link))
                                        .thenReturn(new ResetRequest(ResetRequest.Outcome.MAILED, null));
                            });
                })
                .defaultIfEmpty(new ResetRequest(ResetRequest.Outcome.UNKNOWN_ADDRESS, null));
    }

    /**
     * Anonymous: sets a new password with a reset link; ends every session of the user, uses the link up,
     * clears the account's sign-in throttle and signs the person in. A link that is not valid, used or expired is
     * told before the new password's rules; the command is built once the link is found usable.
     */
    public Mono<SignedIn> reset(String token, String newPassword) {
        return Mono.defer(() -> usableLink(ResetPasswordCommand.checkToken(token))
                .flatMap(found -> reset(found, new ResetPasswordCommand(token, newPassword))));
    }

    /** As {@link #reset(String, String)}, the command's rules already kept. */
    public Mono<SignedIn> reset(ResetPasswordCommand command) {
        return Mono.defer(() -> usableLink(command.token()).flatMap(found -> reset(found, command)));
    }

    private Mono<PasswordReset> usableLink(String token) {
        return passwords.findResetForUpdate(IdentityService.hashToken(token))
                .switchIfEmpty(Mono.error(ResetPasswordCommand::invalidLink))
                .flatMap(this::usable);
    }

    private Mono<SignedIn> reset(PasswordReset found, ResetPasswordCommand command) {
        byte[] hash = IdentityService.hashToken(command.token());
        return identity.hashPassword(command.newPassword())
                // again under the row's lock: of two uses of one link, the second finds it used
                .flatMap(passwordHash -> identity.changingAccessOf(found.agencyId(), found.userId(),
                        tx.inTransactionAs(Actor.of(found.agencyId(), found.userId(), "resetPassword"),
                                passwords.findResetForUpdate(hash).flatMap(this::usable).flatMap(r -> {
                                    Instant now = clock.instant();
                                    return passwords.setPassword(r.agencyId(), r.userId(), passwordHash, now)
                                            .then(passwords.revokeSessions(r.agencyId(), r.userId(), null, now))
                                            .then(passwords.markResetUsed(r.agencyId(), r.id(), now))
                                            .then(users.findById(r.agencyId(), r.userId()));
                                }))))
                .flatMap(user -> attempts.reset(IdentityService.accountKey(user.email()))
                        .then(identity.openSession(user)));
    }

    private Mono<PasswordReset> usable(PasswordReset reset) {
        if (reset.usedAt() != null) {
            return Mono.error(InvalidInput.of("token", "This reset link was already used: ask for a new one",
                    ErrorCode.RESET_LINK_USED));
        }
        if (!clock.instant().isBefore(reset.expiresAt())) {
            return Mono.error(InvalidInput.of("token", "This reset link has expired (links work one hour): ask"
                    + " for a new one", ErrorCode.RESET_LINK_EXPIRED));
        }
        return Mono.just(reset);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
