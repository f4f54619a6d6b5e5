package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.EnumSet;
import java.util.Set;

/**
 * Set the roles that must sign in with two factors (use case {@link TwoFactorService#setRequirement(Caller,
 * SetTwoFactorRequirementCommand)}). Valid on its own (ADR 79): a set of roles, none but those of
 * {@link #REQUIRABLE} (OWNER and FINANCE), and the agency's version read. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} on {@code roles}. Who may set it (an OWNER) and "an owner requiring it
 * of owners has it on first" stay with the service.
 */
public record SetTwoFactorRequirementCommand(Set<Role> roles, long version) {

    /** The roles two factors can be required of. */
    public static final Set<Role> REQUIRABLE = Set.copyOf(EnumSet.of(Role.OWNER, Role.FINANCE));

    public SetTwoFactorRequirementCommand {
        new Validator().check(roles != null && roles.stream().allMatch(r -> r != null && REQUIRABLE.contains(r)),
                "roles", "Only OWNER and FINANCE can be required to use two factors", ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
        roles = Set.copyOf(roles);
    }
}
