package io.cordee.core.setup;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.Passwords;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * How an agency comes to exist outside the demo (ADR 27):
 * <ul>
 *   <li><b>first-run setup</b> — while the instance has no agency, whoever holds a setup token (printed in
 *       the log at start, written to a file only Cordée's user reads) creates the first agency and its
 *       {@code OWNER}, and is signed in. One row claimed in the setup's transaction makes it happen once,
 *       however many setups race; the tokens are deleted in the same transaction;</li>
 *   <li><b>sign-up</b> — when the instance is open to more agencies ({@code cordee.signup=open}), anyone
 *       creates one, without a token, once the first agency exists.</li>
 * </ul>
 * Bad input is refused, field by field, before anything is written.
 */
public final class SetupService {

    public enum Signup { CLOSED, OPEN }

    public static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final SetupRepository setup;
    private final AgencyRepository agencies;
    private final UserRepository users;
    private final IdentityService identity;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;
    private final Signup signup;

    /** The owner's password is hashed by {@code identity}, as every password. */
    public SetupService(SetupRepository setup, AgencyRepository agencies, UserRepository users,
                        IdentityService identity, TransactionRunner tx, IdGenerator ids, Clock clock, Signup signup) {
        this.setup = setup;
        this.agencies = agencies;
        this.users = users;
        this.identity = identity;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.signup = signup;
    }

    public Mono<Boolean> needed() {
        return setup.needed();
    }

    public boolean signupOpen() {
        return signup == Signup.OPEN;
    }

    /** A fresh setup token (256 random bits) when the instance still needs setting up; empty otherwise. */
    public Mono<String> issueToken() {
        return setup.needed().filter(Boolean::booleanValue).flatMap(needed -> {
            String token = IdentityService.newToken();
            return setup.saveToken(IdentityService.hashToken(token), clock.instant()).thenReturn(token);
        });
    }

    /** First-run setup with the setup token: the first agency, its owner, and the owner's session. */
    public Mono<SignedIn> setUp(String token, NewAgency input) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return setup.needed().flatMap(needed -> Mono.error(needed
                    ? InvalidInput.of("setupToken", "Enter the setup token from the log or the token file",
                    ErrorCode.INVALID_SETUP_TOKEN) : alreadySetUp()));
        }
        return setup.tokenValid(IdentityService.hashToken(token.strip())).flatMap(valid -> valid ? Mono.just(true)
                        : setup.needed().flatMap(needed -> Mono.error(needed
                        ? InvalidInput.of("setupToken", "This is not the setup token of this instance: copy it"
                        + " from the log or the token file", ErrorCode.INVALID_SETUP_TOKEN) : alreadySetUp())))
                .then(validate(input))
                .then(identity.hashPassword(input.password()))
                .flatMap(hash -> tx.inTransaction(setup.claim(clock.instant()).flatMap(claimed -> claimed
                        ? create(input, hash) : Mono.error(alreadySetUp()))))
                .flatMap(identity::openSession);
    }

    /** A new agency without a token, when the instance is open to sign-ups and already set up. */
    public Mono<SignedIn> signUp(NewAgency input) {
        if (signup != Signup.OPEN) {
            return Mono.error(InvalidInput.of("email", "New agencies cannot sign up here: ask the people who run"
                    + " this Cordée for an invitation", ErrorCode.SIGNUP_CLOSED));
        }
        return setup.needed().flatMap(needed -> needed
                        ? Mono.error(InvalidInput.of("email", "This instance is not set up yet: its first agency is"
                        + " created with the setup token", ErrorCode.SIGNUP_CLOSED)) : validate(input))
                .then(identity.hashPassword(input.password()))
                .flatMap(hash -> tx.inTransaction(create(input, hash)))
                .flatMap(identity::openSession);
    }

    private Mono<User> create(NewAgency input, String passwordHash) {
        String email = IdentityService.normalizeEmail(input.email());
        AgencyId agencyId = new AgencyId(ids.newId());
        return setup.emailTaken(email).flatMap(taken -> taken
                ? Mono.error(InvalidInput.of("email", "This address already signs in to Cordée", ErrorCode.DUPLICATE))
                : agencies.insert(new Agency(agencyId, input.agencyName().strip(), AgencySettings.defaults(
                                Currency.getInstance(input.currency()), ZoneId.of(input.timeZone())), 0))
                        .then(setup.saveProfile(agencyId, input.country(), input.language()))
                        .then(users.insert(new User(new UserId(ids.newId()), agencyId, email,
                                input.ownerName().strip(), Role.OWNER, null, passwordHash))));
    }

    /** Every broken rule of the input at once; nothing is written before this passes. */
    static Mono<Void> validate(NewAgency input) {
        return Mono.fromRunnable(() -> {
            Validator v = new Validator()
                    .requiredText("agencyName", input.agencyName(), Validator.NAME_MAX_LENGTH)
                    .requiredText("ownerName", input.ownerName(), Validator.NAME_MAX_LENGTH)
                    .requiredText("email", input.email(), 320)
                    .required("country", input.country())
                    .required("currency", input.currency())
                    .required("timeZone", input.timeZone())
                    .required("language", input.language());
            if (input.email() != null && !input.email().isBlank() && input.email().length() <= 320) {
                v.check(EMAIL.matcher(input.email().strip()).matches(), "email",
                        "is not an e-mail address (name@example.com)", ErrorCode.INVALID_FORMAT);
            }
            if (input.country() != null) {
                v.check(COUNTRIES.contains(input.country()), "country",
                        "is not an ISO 3166 country code (FR, BE, CH, …)", ErrorCode.INVALID_FORMAT);
            }
            if (input.currency() != null) {
                v.check(isCurrency(input.currency()), "currency", "is not an ISO 4217 currency code (EUR, CHF, …)",
                        ErrorCode.INVALID_FORMAT);
            }
            if (input.timeZone() != null) {
                v.check(ZoneId.getAvailableZoneIds().contains(input.timeZone()), "timeZone",
                        "is not a time zone (Europe/Paris, America/Montreal, …)", ErrorCode.INVALID_FORMAT);
            }
            if (input.language() != null) {
                v.check(LANGUAGES.contains(input.language()), "language", "must be en or fr",
                        ErrorCode.INVALID_FORMAT);
            }
            Passwords.check(v, "password", input.password());
            v.throwIfInvalid();
        });
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static InvalidInput alreadySetUp() {
        return InvalidInput.of("setupToken", "This Cordée is already set up: sign in instead",
                ErrorCode.ALREADY_SET_UP);
    }
}
