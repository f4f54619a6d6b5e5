package io.cordee.core.setup;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Port: the first-run state of the instance — its setup tokens and the one-row claim (ADR 27). */
public interface SetupRepository {

    /** True while the instance has no agency and has never been set up. */
    Mono<Boolean> needed();

    /** Keeps a setup token's SHA-256; every token kept is valid until setup. */
    Mono<Void> saveToken(byte[] tokenHash, Instant issuedAt);

    Mono<Boolean> tokenValid(byte[] tokenHash);

    /**
     * Inside the setup transaction: takes the instance's one claim row and deletes the setup tokens. True
     * when this transaction took it and no agency exists; false when another setup has (a concurrent one
     * waits on the row until the first commits, then finds it taken).
     */
    Mono<Boolean> claim(Instant at);

    /** True when a user, active or not, has this (normalised) address. */
    Mono<Boolean> emailTaken(String email);

    /** Records the agency's country and language, which the forecast does not read. */
    Mono<Void> saveProfile(AgencyId agencyId, String country, String language);
}
