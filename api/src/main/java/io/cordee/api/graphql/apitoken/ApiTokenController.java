package io.cordee.api.graphql.apitoken;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenAccess;
import io.cordee.core.identity.ApiTokenArea;
import io.cordee.core.identity.ApiTokenId;
import io.cordee.core.identity.ApiTokenService;
import io.cordee.core.identity.CreateApiTokenCommand;
import io.cordee.core.identity.User;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Partner API tokens: an owner creates, lists and revokes them from a browser session. A request made
 * with a token cannot manage tokens (see {@code ApiTokenScopes} for the mutations, and here for the list).
 */
@Controller
public class ApiTokenController {

    public static final String TYPE = "ApiToken";

    public record CreateApiTokenInput(String name, ApiTokenAccess access, List<ApiTokenArea> areas,
                                      OffsetDateTime expiresAt) {
    }

    public record RevokeApiTokenInput(String id) {
    }

    public record CreateApiTokenPayload(ApiToken apiToken, String token, List<UserError> userErrors) {
    }

    public record RevokeApiTokenPayload(ApiToken apiToken, List<UserError> userErrors) {
    }

    private final ApiTokenService apiTokens;
    private final Clock clock;

    public ApiTokenController(ApiTokenService apiTokens, Clock clock) {
        this.apiTokens = apiTokens;
        this.clock = clock;
    }

    @QueryMapping
    public Mono<Connection<ApiToken>> apiTokens(@Argument Integer first, @Argument String after,
                                                @Argument Boolean includeInactive,
                                                DataFetchingFieldSelectionSet selection) {
        return Connection.read(Callers.signedInPerson("see API tokens"), first, after, selection,
                (caller, page) -> apiTokens.list(caller, Boolean.TRUE.equals(includeInactive), page));
    }

    @MutationMapping
    public Mono<CreateApiTokenPayload> createApiToken(@Argument CreateApiTokenInput input) {
        return Mutations.asSignedInPerson("create API tokens", caller -> apiTokens.create(caller,
                        new CreateApiTokenCommand(input.name(), input.access(),
                                input.areas() == null ? Set.of() : Set.copyOf(input.areas()),
                                input.expiresAt() == null ? null : input.expiresAt().toInstant(), clock.instant())),
                created -> new CreateApiTokenPayload(created.token(), created.value(), List.of()),
                errors -> new CreateApiTokenPayload(null, null, errors));
    }

    @MutationMapping
    public Mono<RevokeApiTokenPayload> revokeApiToken(@Argument RevokeApiTokenInput input) {
        return Mutations.asSignedInPerson("revoke API tokens", caller -> apiTokens.revoke(caller,
                        new ApiTokenId(GlobalId.decode(input.id(), TYPE, "id"))),
                RevokeApiTokenPayload::new);
    }

    @SchemaMapping(typeName = TYPE)
    public List<ApiTokenArea> areas(ApiToken token) {
        return token.areas().stream().sorted().toList();
    }

    @SchemaMapping(typeName = TYPE)
    public boolean active(ApiToken token) {
        return token.isActive(clock.instant());
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<ApiToken, User>> createdBy(List<ApiToken> batch) {
        return Callers.current().flatMap(caller -> apiTokens.creators(caller, batch))
                .map(users -> Batches.join(batch, ApiToken::createdBy, users));
    }
}
