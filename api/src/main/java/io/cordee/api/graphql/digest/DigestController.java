package io.cordee.api.graphql.digest;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.identity.IdentityController.Viewer;
import io.cordee.core.common.Forbidden;
import io.cordee.core.digest.DigestService;
import io.cordee.core.digest.UnsubscribeDigestCommand;
import io.cordee.core.identity.Caller;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The weekly digest's opt-out of the signed-in user (ADR 40). */
@Controller
public class DigestController {

    public record SetDigestOptOutInput(Boolean optOut) {
    }

    public record SetDigestOptOutPayload(Boolean optOut, List<UserError> userErrors) {
    }

    public record UnsubscribeDigestInput(String token) {
    }

    private final DigestService digests;

    public DigestController(DigestService digests) {
        this.digests = digests;
    }

    @MutationMapping
    public Mono<SetDigestOptOutPayload> setDigestOptOut(@Argument SetDigestOptOutInput input) {
        Mono<Caller> person = Callers.viaApiToken().flatMap(viaToken -> viaToken
                ? Mono.error(new Forbidden("An API token cannot change a person's mail: sign in"))
                : Callers.current());
        return Mutations.payload(person.flatMap(caller -> digests.setOptOut(caller, Boolean.TRUE.equals(input.optOut()))),
                SetDigestOptOutPayload::new);
    }

    /** The link of a digest mail, anonymous: the token is the credential, and it can only switch the digest off. */
    @MutationMapping
    public Mono<SetDigestOptOutPayload> unsubscribeDigest(@Argument UnsubscribeDigestInput input) {
        return Mutations.payload(Mono.fromCallable(() -> new UnsubscribeDigestCommand(input.token()))
                        .flatMap(digests::unsubscribe),
                optOut -> new SetDigestOptOutPayload(true, List.of()), errors -> new SetDigestOptOutPayload(null, errors));
    }

    @SchemaMapping(typeName = "Viewer")
    public Mono<Boolean> digestOptOut(Viewer viewer) {
        Caller caller = viewer.user().asCaller();
        return caller.seesMoney() ? digests.optedOut(caller) : Mono.empty();
    }
}
