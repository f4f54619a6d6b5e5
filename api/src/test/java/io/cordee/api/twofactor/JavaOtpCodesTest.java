package io.cordee.api.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.security.JavaOtpCodes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The library computes RFC 6238's own test vectors (Appendix B, SHA-1, last 6 of the 8 digits). */
class JavaOtpCodesTest {

    @Test
    void rfc6238VectorsForSha1() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        JavaOtpCodes codes = new JavaOtpCodes();
        // T = 59 s → step 59 / 30 = 1 → 94287082; 6 digits: 287082
        assertThat(codes.code(secret, 59 / 30)).isEqualTo("287082");
        // T = 1111111109 s → step 37037036 → 07081804 → 081804 (the leading zero kept)
        assertThat(codes.code(secret, 1111111109L / 30)).isEqualTo("081804");
        // T = 1234567890 s → step 41152263 → 89005924 → 005924
        assertThat(codes.code(secret, 1234567890L / 30)).isEqualTo("005924");
        // T = 20000000000 s → step 666666666 → 65353130 → 353130
        assertThat(codes.code(secret, 20000000000L / 30)).isEqualTo("353130");
    }
}
