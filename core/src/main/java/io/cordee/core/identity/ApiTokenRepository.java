package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: partner API tokens, looked up by the SHA-256 of their value. */
public interface ApiTokenRepository {

    /** A token with its creator as they are now (a deactivated creator's tokens are refused). */
    record WithCreator(ApiToken token, User creator, boolean creatorDeactivated) {

        public WithCreator(ApiToken token, User creator) {
            this(token, creator, false);
        }
    }

    Mono<ApiToken> insert(ApiToken token, byte[] valueHash);

    /** The token whose value hashes to {@code valueHash}, revoked or expired or not, with its creator. */
    Mono<WithCreator> findByHash(byte[] valueHash);

    Mono<ApiToken> find(AgencyId agencyId, ApiTokenId id);

    /** The agency's tokens, newest first; revoked and expired ones too when {@code includeInactive}. */
    Mono<Page<ApiToken>> findPage(AgencyId agencyId, boolean includeInactive, Instant now, PageRequest page);

    /** Marks the token revoked at {@code now} unless it already is; the token as it is afterwards, or empty. */
    Mono<ApiToken> revoke(AgencyId agencyId, ApiTokenId id, Instant now);

    /** The agency's users among {@code ids} (the creators of a page of tokens), in one read. */
    Flux<User> findUsers(AgencyId agencyId, Collection<UserId> ids);

    /** Records a use at {@code now}; a use older than the last one recorded (reported late) changes nothing. */
    Mono<Void> touch(AgencyId agencyId, ApiTokenId id, Instant now);
}
