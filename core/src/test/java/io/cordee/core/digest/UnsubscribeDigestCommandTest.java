package io.cordee.core.digest;

import static io.cordee.core.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** The token of a digest's unsubscribe link (ADR 79): required like every text, and refused unread when overlong. */
class UnsubscribeDigestCommandTest {

    @Test
    void aTokenIsKeptStripped() {
        // 43 characters, the length of every token issued (32 random bytes in base64url)
        String issued = "t".repeat(43);
        assertThat(new UnsubscribeDigestCommand("  " + issued + "\n").token()).isEqualTo(issued);
        // 200 characters once stripped: the longest one the service looks up
        assertThat(new UnsubscribeDigestCommand(" " + "t".repeat(200) + " ").token()).hasSize(200);
        assertThat(new UnsubscribeDigestCommand(issued).toString()).doesNotContain(issued);
    }

    @Test
    void aBlankTokenIsRequiredAndAnOverlongOneWasNeverIssued() {
        // a blank token used to be looked up and answered NOT_FOUND: it is a missing one
        assertThat(refused(() -> new UnsubscribeDigestCommand("   "), "token", ErrorCode.REQUIRED))
                .isEqualTo("must not be empty");
        refused(() -> new UnsubscribeDigestCommand(""), "token", ErrorCode.REQUIRED);
        refused(() -> new UnsubscribeDigestCommand(null), "token", ErrorCode.REQUIRED);
        // 201 characters: the answer of a link never issued, word for word
        assertThat(refused(() -> new UnsubscribeDigestCommand("t".repeat(201)), "token", ErrorCode.NOT_FOUND))
                .isEqualTo("This link is unknown or expired: untick \"Weekly digest by e-mail\" on the Alerts page"
                        + " instead");
    }
}
