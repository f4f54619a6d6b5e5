package io.cordee.core.identity;

/** What a partner API token may do beyond reading: nothing, or the mutations of its named areas. */
public enum ApiTokenAccess {
    READ_ONLY,
    READ_WRITE
}
