package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Create an API token (use case {@link ApiTokenService#create(Caller, CreateApiTokenCommand)}). Valid on its own
 * (ADR 79): a name of 1 to {@value ApiTokenService#NAME_MAX_LENGTH} characters (stripped), an access, no area for a
 * {@code READ_ONLY} token and at least one for a {@code READ_WRITE} token, an expiry (none: never) after
 * {@code asOf}, the instant the command is built and used at (so "in the future" is one of its rules, told with the
 * others). Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Who
 * may create tokens (an OWNER) stays with the service.
 */
public record CreateApiTokenCommand(String name, ApiTokenAccess access, Set<ApiTokenArea> areas, Instant expiresAt,
                                    Instant asOf) {

    public CreateApiTokenCommand {
        areas = areas == null || areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
        new Validator()
                .requiredText("name", name == null ? null : name.strip(), ApiTokenService.NAME_MAX_LENGTH)
                .required("access", access)
                .check(access != ApiTokenAccess.READ_ONLY || areas.isEmpty(), "areas",
                        "must be empty for a READ_ONLY token", ErrorCode.OUT_OF_RANGE)
                .check(access != ApiTokenAccess.READ_WRITE || !areas.isEmpty(), "areas",
                        "name at least one area a READ_WRITE token may change", ErrorCode.REQUIRED)
                .required("asOf", asOf)
                .check(expiresAt == null || asOf == null || expiresAt.isAfter(asOf), "expiresAt",
                        "must be in the future", ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
        name = name.strip();
    }

    /** The command from a draft, as of {@code asOf}. */
    public CreateApiTokenCommand(ApiTokenDraft draft, Instant asOf) {
        this(draft.name(), draft.access(), draft.areas(), draft.expiresAt(), asOf);
    }
}
