package io.cordee.core.idempotency;

/** What a key already holds: the fingerprint of the request that claimed it and that request's response. */
public record StoredResponse(String fingerprint, String body) {
}
