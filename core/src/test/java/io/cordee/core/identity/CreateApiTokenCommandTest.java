package io.cordee.core.identity;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A new API token's fields (ADR 79): each valid case at its bounds, each broken field with its code. */
class CreateApiTokenCommandTest {

    private static final Instant NINE_AM = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void aValidTokenKeepsItsStrippedName() {
        CreateApiTokenCommand c = new CreateApiTokenCommand("  Sync  ", ApiTokenAccess.READ_WRITE,
                Set.of(ApiTokenArea.BILLING), NINE_AM.plusSeconds(1), NINE_AM);
        assertThat(c.name()).isEqualTo("Sync");
        assertThat(c.areas()).containsExactly(ApiTokenArea.BILLING);
        // the bounds: a name of 100 characters, an expiry one second after now, none at all, no area when read-only
        new CreateApiTokenCommand("n".repeat(100), ApiTokenAccess.READ_ONLY, null, null, NINE_AM);
        assertThat(new CreateApiTokenCommand(new ApiTokenDraft("x", ApiTokenAccess.READ_ONLY, Set.of(), null), NINE_AM)
                .areas()).isEmpty();
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new CreateApiTokenCommand("n".repeat(101), ApiTokenAccess.READ_ONLY, null, null, NINE_AM),
                "name", ErrorCode.TOO_LONG);
        refused(() -> new CreateApiTokenCommand("Sync", null, null, null, NINE_AM), "access", ErrorCode.REQUIRED);
        assertThat(refused(() -> new CreateApiTokenCommand("Sync", ApiTokenAccess.READ_ONLY,
                Set.of(ApiTokenArea.CLIENTS), null, NINE_AM), "areas", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be empty for a READ_ONLY token");
        // an expiry at the very instant is not in the future
        assertThat(refused(() -> new CreateApiTokenCommand("Sync", ApiTokenAccess.READ_ONLY, null, NINE_AM, NINE_AM),
                "expiresAt", ErrorCode.OUT_OF_RANGE)).isEqualTo("must be in the future");
        refused(() -> new CreateApiTokenCommand("Sync", ApiTokenAccess.READ_ONLY, null, null, null), "asOf",
                ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CreateApiTokenCommand(" ", ApiTokenAccess.READ_WRITE, Set.of(), NINE_AM.minusSeconds(1),
                NINE_AM), "name REQUIRED", "areas REQUIRED", "expiresAt OUT_OF_RANGE");
    }
}
