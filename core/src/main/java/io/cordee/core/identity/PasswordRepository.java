package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.mail.Letterhead;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Port: setting passwords, ending sessions, and password reset links (V27). */
public interface PasswordRepository {

    /** The agency's name and language, for the reset mail. */
    Mono<Letterhead> letterhead(AgencyId agencyId);

    /** Sets the user's password hash and {@code password_changed_at}. */
    Mono<Void> setPassword(AgencyId agencyId, UserId userId, String passwordHash, Instant now);

    /** Revokes every live session of the user except the one whose token hashes to {@code keep} (null: all). */
    Mono<Void> revokeSessions(AgencyId agencyId, UserId userId, byte[] keep, Instant now);

    Mono<Void> insertReset(PasswordReset reset, byte[] tokenHash);

    /** The reset behind a link, in any agency; locks its row until the end of the transaction. */
    Mono<PasswordReset> findResetForUpdate(byte[] tokenHash);

    Mono<Void> markResetUsed(AgencyId agencyId, UUID id, Instant now);
}
