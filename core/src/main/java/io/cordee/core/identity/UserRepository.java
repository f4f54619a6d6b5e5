package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import reactor.core.publisher.Mono;

/** Port: users. E-mail addresses are unique across agencies: an address signs in to one agency. */
public interface UserRepository {

    /** The user who signs in with {@code email}; empty for a deactivated user, who cannot sign in. */
    Mono<User> findByEmail(String email);

    Mono<User> findById(AgencyId agencyId, UserId id);

    Mono<User> insert(User user);
}
