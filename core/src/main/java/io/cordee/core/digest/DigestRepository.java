package io.cordee.core.digest;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port of the weekly digest (V28): who gets it, the week claims that make it run once, the opt-out. */
public interface DigestRepository {

    /**
     * The agency's active OWNER and FINANCE users who have not opted out, each with a language: the one of the
     * invitation they accepted, else the agency's, else English.
     */
    Flux<DigestRecipient> recipients(AgencyId agencyId);

    /**
     * The agencies whose digest of the week under way at {@code now} (the ISO week, Monday first, in each
     * agency's time zone) nobody has claimed yet: once a week's digest is claimed its agency is no longer read
     * by any instance's check until the next week, so a check reads only what may be due (ADR 82).
     */
    Flux<AgencyId> unclaimedThisWeek(Instant now);

    /** Claims the digest of {@code week} (a Monday) for this instance: true when no one had claimed it. */
    Mono<Boolean> claim(AgencyId agencyId, LocalDate week, Instant at);

    /** Records how a claimed week's sending ended. */
    Mono<Void> finish(AgencyId agencyId, LocalDate week, Instant at, int sent, int failed);

    /** Sets the user's opt-out; the value stored, empty when the user does not exist in the agency. */
    Mono<Boolean> setOptOut(AgencyId agencyId, UserId userId, boolean optOut);

    /** The user's opt-out (false when never set). */
    Mono<Boolean> optOut(AgencyId agencyId, UserId userId);

    /** Keeps the SHA-256 of one mail's unsubscribe link for {@code userId} until {@code expiresAt}; drops expired ones. */
    Mono<Void> saveUnsubscribeLink(byte[] tokenHash, AgencyId agencyId, UserId userId, Instant at, Instant expiresAt);

    /** Opts out the user of a link that has not expired at {@code at}; false when there is no such link. */
    Mono<Boolean> unsubscribe(byte[] tokenHash, Instant at);
}
