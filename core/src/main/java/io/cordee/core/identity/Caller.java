package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Forbidden;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;

/**
 * Who is asking: the signed-in user, their agency (the only tenant they can ever reach) and role.
 * Every use case takes one; the agency never comes from a request argument.
 */
public record Caller(UserId userId, AgencyId agencyId, Role role, ClientId clientId) {

    /** Roles that see internal numbers: costs, cash, exposure. */
    public static final Set<Role> MONEY_ROLES = EnumSet.of(Role.OWNER, Role.FINANCE);
    /** Roles of the agency's own staff. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.OWNER, Role.FINANCE, Role.LEAD);

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isClientUser() {
        return role == Role.CLIENT;
    }

    public boolean seesMoney() {
        return MONEY_ROLES.contains(role);
    }

    public boolean hasAnyRole(Set<Role> roles) {
        return roles.contains(role);
    }

    /** Throws {@link Forbidden} unless the caller has one of {@code roles}. */
    public Caller require(Set<Role> roles, String action) {
        if (!roles.contains(role)) {
            throw new Forbidden("Your role (" + role + ") does not allow you to " + action);
        }
        return this;
    }

    /**
     * The command of a use case, built once the caller may {@code action} (ADR 79): a caller without one of
     * {@code roles} is refused before the input's own rules are told.
     */
    public <C> Mono<C> command(Set<Role> roles, String action, Callable<C> build) {
        return Mono.fromCallable(() -> require(roles, action)).then(Mono.fromCallable(build));
    }

    /**
     * Throws {@link Forbidden} naming {@code field} when a money input is given by a caller who may not
     * change money (anyone but {@code OWNER} and {@code FINANCE}): a {@code LEAD} may change a project's
     * status, never its fee budget. A {@code null} value is no input at all and passes. See docs/roles.md.
     */
    public Caller requireMoneyInput(Object value, String field) {
        if (value != null && !seesMoney()) {
            throw new Forbidden("Your role (" + role + ") does not allow you to change money: " + field, field);
        }
        return this;
    }
}
