package io.cordee.persistence.embedded;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The embedded server's memory settings, worked out from the machine's memory at start (issue 20, ADR 66).
 * PostgreSQL's own defaults (128 MB of shared buffers, 4 GB of assumed cache, 4 MB per sort) fit a small
 * laptop and waste a 24 GB server. The embedded server shares its machine with the JVM, so it takes less
 * than the usual quarter for a dedicated database server:
 * <ul>
 *   <li>{@code shared_buffers}: an eighth of the memory, between 128 MB and 8 GB;
 *   <li>{@code effective_cache_size} (a planner hint, nothing allocated): half of it, at least 512 MB;
 *   <li>{@code work_mem} (per sort or hash, per query node): the memory over 800 (200 connections, a
 *       few nodes each), between 4 MB and 64 MB.
 * </ul>
 * A throw-away server (tests) keeps PostgreSQL's defaults: many run side by side on one machine.
 */
record EmbeddedMemory(long sharedBuffersMb, long effectiveCacheSizeMb, long workMemMb) {

    private static final long MB = 1024L * 1024L;

    /** PostgreSQL's defaults. */
    static final EmbeddedMemory DEFAULTS = new EmbeddedMemory(128, 4096, 4);

    /** The settings for a machine with {@code totalBytes} of memory. */
    static EmbeddedMemory forMachine(long totalBytes) {
        long totalMb = Math.max(totalBytes / MB, 0);
        return new EmbeddedMemory(
                clamp(totalMb / 8, 128, 8 * 1024),
                Math.max(totalMb / 2, 512),
                clamp(totalMb / 800, 4, 64));
    }

    /** The memory the JVM sees: the container's limit inside one, else the machine's. */
    static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0; // unknown: the smallest settings
    }

    /** As {@code postgres -c} arguments. */
    List<String> arguments() {
        return List.of("-c", "shared_buffers=" + sharedBuffersMb + "MB",
                "-c", "effective_cache_size=" + effectiveCacheSizeMb + "MB",
                "-c", "work_mem=" + workMemMb + "MB");
    }

    private static long clamp(long value, long min, long max) {
        return Math.min(Math.max(value, min), max);
    }
}
