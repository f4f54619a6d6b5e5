package io.cordee.core.identity;

import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.Unauthenticated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Use cases of partner API tokens: an owner creates, lists and revokes them; every request that
 * carries one is recognised here.
 *
 * <p>A token's value is {@value #PREFIX} and 256 random bits (base64url), shown once; the database
 * keeps its SHA-256, like a session's. A token acts as its creator with the creator's role <em>as it is
 * at the request</em>: it can never do more than the person who made it can do now. Revocation and
 * expiry are checked against the database on every request, so they take effect at once.
 */
public final class ApiTokenService {

    public static final String PREFIX = "cordee_pat_";
    public static final int NAME_MAX_LENGTH = 100;
    /** Last use is written at most this often per token, so a busy token costs one read per request. */
    public static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private static final Set<Role> MANAGERS = EnumSet.of(Role.OWNER);

    private final ApiTokenRepository tokens;
    private final IdGenerator ids;
    private final Clock clock;

    public ApiTokenService(ApiTokenRepository tokens, IdGenerator ids, Clock clock) {
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether {@code value} looks like an API token (and not a session token). */
    public static boolean isApiToken(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Creates a token from a draft (OWNER only): the command is built after the caller's role, as of now. */
    public Mono<NewApiToken> create(Caller caller, ApiTokenDraft draft) {
        return caller.command(MANAGERS, "create API tokens", () -> new CreateApiTokenCommand(draft, clock.instant()))
                .flatMap(command -> create(caller, command));
    }

    /** Creates a token: the command holds the rules of its fields; it is shown once, in {@link NewApiToken}. */
    public Mono<NewApiToken> create(Caller caller, CreateApiTokenCommand command) {
        return Mono.defer(() -> {
            caller.require(MANAGERS, "create API tokens");
            Instant now = clock.instant();
            Set<ApiTokenArea> areas = command.areas().isEmpty() ? Set.of() : EnumSet.copyOf(command.areas());
            String value = PREFIX + IdentityService.newToken();
            ApiToken token = new ApiToken(new ApiTokenId(ids.newId()), caller.agencyId(), caller.userId(),
                    command.name(), command.access(), areas, value.substring(0, PREFIX.length() + 4), now,
                    command.expiresAt(), null, null);
            return tokens.insert(token, IdentityService.hashToken(value)).map(stored -> new NewApiToken(value, stored));
        });
    }

    public Mono<Page<ApiToken>> list(Caller caller, boolean includeInactive, PageRequest page) {
        return Mono.defer(() -> tokens.findPage(caller.require(MANAGERS, "see API tokens").agencyId(),
                includeInactive, clock.instant(), page));
    }

    public Mono<ApiToken> find(Caller caller, ApiTokenId id) {
        return Mono.defer(() -> caller.hasAnyRole(MANAGERS) ? tokens.find(caller.agencyId(), id) : Mono.empty());
    }

    /** The creators of {@code page}'s tokens, by id, in one read (owner only, like the tokens). */
    public Mono<Map<UserId, User>> creators(Caller caller, Collection<ApiToken> page) {
        return Mono.defer(() -> {
            caller.require(MANAGERS, "see API tokens");
            Set<UserId> ids = page.stream().map(ApiToken::createdBy).collect(Collectors.toSet());
            return ids.isEmpty() ? Mono.just(Map.<UserId, User>of())
                    : tokens.findUsers(caller.agencyId(), ids).collectMap(User::id);
        });
    }

    /** Revokes the token at once; revoking a revoked token changes nothing and answers it as it is. */
    public Mono<ApiToken> revoke(Caller caller, ApiTokenId id) {
        return Mono.defer(() -> tokens.revoke(caller.require(MANAGERS, "revoke API tokens").agencyId(), id,
                        clock.instant()))
                .switchIfEmpty(Mono.error(() -> new NotFound("ApiToken", id.value())));
    }

    /**
     * The grant behind a token value, or an {@link Unauthenticated} error that says why (unknown,
     * revoked, expired, creator deactivated). Records the use when the last recorded one is older than a minute.
     */
    public Mono<ApiTokenGrant> authenticate(String value) {
        if (!isApiToken(value) || value.length() > 200) {
            return Mono.error(new Unauthenticated("This is not a Cordée API token"));
        }
        return tokens.findByHash(IdentityService.hashToken(value))
                .switchIfEmpty(Mono.error(() -> new Unauthenticated("Unknown API token")))
                .flatMap(found -> {
                    ApiToken token = found.token();
                    Instant now = clock.instant();
                    if (token.isRevoked()) {
                        return Mono.error(new Unauthenticated("This API token was revoked at " + token.revokedAt()));
                    }
                    if (token.isExpired(now)) {
                        return Mono.error(new Unauthenticated("This API token expired at " + token.expiresAt()));
                    }
                    if (found.creatorDeactivated()) {
                        return Mono.error(new Unauthenticated("The creator of this API token was deactivated"));
                    }
                    if (found.creator().role() == Role.CLIENT) {
                        return Mono.error(
                                new Unauthenticated("The creator of this API token is no longer agency staff"));
                    }
                    ApiTokenGrant grant = new ApiTokenGrant(found.creator().asCaller(), token);
                    boolean stale = token.lastUsedAt() == null
                            || !token.lastUsedAt().plus(LAST_USE_RESOLUTION).isAfter(now);
                    return stale ? tokens.touch(token.agencyId(), token.id(), now).thenReturn(grant) : Mono.just(grant);
                });
    }
}
