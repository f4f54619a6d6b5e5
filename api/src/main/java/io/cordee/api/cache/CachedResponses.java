package io.cordee.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.SerializableString;

/**
 * The answers kept by the response cache (ADR 91): the JSON of each answer's {@code data}, as bytes, per
 * {@link Key}, bounded by the bytes they hold (least used out first), with the count of hits and misses for the
 * metrics. Keeping an answer for a newer data version of an agency lets its older ones go at once: no request will
 * ask for them again (the version only grows), and a polling dashboard would otherwise fill the bound with them.
 */
final class CachedResponses {

    /** What an answer depends on; two requests with equal keys get the same bytes. */
    record Key(AgencyId agencyId, long dataVersion, ZoneId zone, LocalDate today, Role role, String locale,
               String document, String operationName, Map<String, Object> variables) {

        /** The characters the key itself holds, weighed with its answer. */
        int weight() {
            return 2 * (document.length() + (operationName == null ? 0 : operationName.length())
                    + String.valueOf(variables).length() + locale.length()) + 128;
        }
    }

    private final long maxBytes;
    private final Cache<Key, Json> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    CachedResponses(long maxBytes) {
        this.maxBytes = maxBytes;
        this.entries = Caffeine.newBuilder().maximumWeight(Math.max(0, maxBytes))
                .weigher((Key key, Json json) -> (int) Math.min(Integer.MAX_VALUE, (long) json.bytes.length + key.weight()))
                .executor(Runnable::run) // evicted as it is written, not later on the common pool
                .build();
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** The answer kept for {@code key}, counted as a hit; null, counted as a miss. */
    Json get(Key key) {
        Json json = entries.getIfPresent(key);
        (json == null ? misses : hits).incrementAndGet();
        return json;
    }

    /** A miss that did not look: the caller asked for a fresh answer ({@code Cache-Control: no-cache}). */
    void countMiss() {
        misses.incrementAndGet();
    }

    void put(Key key, byte[] data) {
        entries.asMap().keySet().removeIf(k -> k.agencyId().equals(key.agencyId()) && k.dataVersion() < key.dataVersion());
        entries.put(key, new Json(data));
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    /** How many answers are kept. */
    long entries() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The bytes the kept answers and their keys weigh, at most the bound. */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().flatMap(e -> e.weightedSize().stream().boxed().findFirst()).orElse(0L);
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * JSON already written, for Jackson to copy as it is ({@code RawValue}): the bytes are copied into the
     * answer's buffer, nothing is encoded again. Only the unquoted forms are ever asked for a raw value.
     */
    static final class Json implements SerializableString {

        private final byte[] bytes;

        Json(byte[] bytes) {
            this.bytes = bytes;
        }

        int length() {
            return bytes.length;
        }

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is written as it is, never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }
}
