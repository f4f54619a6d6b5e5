package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A word on one agreement or one commitment of a client, from either side: a CLIENT user commenting on
 * the game plan, or saying something as they mark a commitment delivered ({@code delivery}). Shown in
 * the relationship's timeline. Exactly one of {@code agreementId} and {@code commitmentId}.
 */
public record RelationshipComment(UUID id, AgencyId agencyId, ClientId clientId, AgreementId agreementId,
                                  CommitmentId commitmentId, Side side, UserId authorId, String body,
                                  boolean delivery, Instant createdAt) {

    public static final int BODY_MAX_LENGTH = 2_000;

    public RelationshipComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((agreementId == null) == (commitmentId == null)) {
            throw new IllegalArgumentException("a comment is on one agreement or one commitment");
        }
    }
}
