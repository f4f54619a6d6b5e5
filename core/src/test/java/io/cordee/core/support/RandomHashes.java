package io.cordee.core.support;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Stand-ins for the SHA-256 of a token, for contracts of ports that look tokens up by their hash. */
public final class RandomHashes {

    private RandomHashes() {
    }

    /** 32 random bytes: two random ids side by side. */
    public static byte[] sha256Sized() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        return ByteBuffer.allocate(32).putLong(a.getMostSignificantBits()).putLong(a.getLeastSignificantBits())
                .putLong(b.getMostSignificantBits()).putLong(b.getLeastSignificantBits()).array();
    }
}
