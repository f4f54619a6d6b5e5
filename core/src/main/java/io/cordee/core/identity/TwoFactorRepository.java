package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Port: TOTP secrets, recovery codes, sign-in challenges and the agency's requirement (V31, ADR 44). */
public interface TwoFactorRepository {

    /** A user's TOTP: pending while {@code enabledAt} is null. */
    record TwoFactor(AgencyId agencyId, UserId userId, byte[] secret, Instant enabledAt, long lastStep) {
        public boolean enabled() {
            return enabledAt != null;
        }
    }

    /** The second step of a sign-in. */
    record Challenge(AgencyId agencyId, UserId userId, boolean enrol, Instant expiresAt, Instant usedAt,
                     int failures) {
    }

    Mono<TwoFactor> find(AgencyId agencyId, UserId userId);

    /** Stores a new pending secret for the user, replacing a pending one; never touches an enabled one. */
    Mono<Void> savePending(AgencyId agencyId, UserId userId, byte[] secret);

    /** Records {@code step} as the last code used, when it is later than the last: false for a replayed step. */
    Mono<Boolean> useStep(AgencyId agencyId, UserId userId, long step);

    Mono<Void> enable(AgencyId agencyId, UserId userId, Instant now);

    /** Deletes the user's TOTP and recovery codes. */
    Mono<Void> disable(AgencyId agencyId, UserId userId);

    Mono<Void> replaceRecoveryCodes(AgencyId agencyId, UserId userId, List<byte[]> codeHashes);

    /** Marks an unused recovery code used: false when there is no such unused code. */
    Mono<Boolean> useRecoveryCode(AgencyId agencyId, UserId userId, byte[] codeHash, Instant now);

    Mono<Long> recoveryCodesLeft(AgencyId agencyId, UserId userId);

    Mono<Void> insertChallenge(AgencyId agencyId, byte[] tokenHash, UserId userId, boolean enrol, Instant now,
                               Instant expiresAt);

    /** The challenge behind a token, in any agency. */
    Mono<Challenge> findChallenge(byte[] tokenHash);

    /** Uses a challenge up, when still unused and unexpired at {@code now}: false otherwise. */
    Mono<Boolean> useChallenge(byte[] tokenHash, Instant now);

    Mono<Void> challengeFailed(byte[] tokenHash);

    Mono<Set<Role>> requiredRoles(AgencyId agencyId);

    /** Sets the roles that must use two factors, when the agency is still at {@code version}: false when stale. */
    Mono<Boolean> setRequiredRoles(AgencyId agencyId, Set<Role> roles, long version);

    /** Ends the sessions of the active users of {@code roles} without enabled TOTP, but {@code except}'s. */
    Mono<Void> revokeSessionsWithoutTwoFactor(AgencyId agencyId, Set<Role> roles, UserId except, Instant now);
}
