package io.cordee.api.security;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import io.cordee.core.identity.TotpCodes;
import java.security.InvalidKeyException;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * TOTP codes (RFC 6238) with com.eatthepath:java-otp (ADR 44): HMAC-SHA1 over the 30-second step counter, 6
 * digits — what every authenticator app computes by default. The step is the counter of RFC 4226's HOTP, so the
 * HOTP generator of the library computes it exactly.
 */
@Component
public class JavaOtpCodes implements TotpCodes {

    private final HmacOneTimePasswordGenerator hotp = new HmacOneTimePasswordGenerator(6);

    @Override
    public String code(byte[] secret, long step) {
        try {
            return hotp.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), step);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of " + secret.length + " bytes", e);
        }
    }
}
