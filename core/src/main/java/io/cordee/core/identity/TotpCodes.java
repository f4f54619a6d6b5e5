package io.cordee.core.identity;

/**
 * Port: the 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) of a secret at a step, a step being the
 * number of whole 30-second periods since the Unix epoch. Implemented in api with a library (ADR 44).
 */
public interface TotpCodes {

    long STEP_SECONDS = 30;

    String code(byte[] secret, long step);
}
