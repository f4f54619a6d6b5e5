package io.cordee.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedded server's memory settings per machine size (ADR 66); figures worked out by hand. */
class EmbeddedMemoryTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void settingsFollowTheMachinesMemoryWithinBounds() {
        // 24 GB = 24,576 MB: buffers 24,576 / 8 = 3,072 MB; cache 12,288 MB; work_mem 24,576 / 800 = 30 MB
        assertThat(EmbeddedMemory.forMachine(24 * GB)).isEqualTo(new EmbeddedMemory(3072, 12288, 30));
        // 2 GB = 2,048 MB: buffers 256 MB; cache 1,024 MB; work_mem 2 MB, raised to the 4 MB floor
        assertThat(EmbeddedMemory.forMachine(2 * GB)).isEqualTo(new EmbeddedMemory(256, 1024, 4));
        // 512 MB: buffers 64 MB raised to 128; cache 256 raised to 512; work_mem 4
        assertThat(EmbeddedMemory.forMachine(GB / 2)).isEqualTo(new EmbeddedMemory(128, 512, 4));
        // 256 GB = 262,144 MB: buffers 32,768 capped at 8,192; cache 131,072; work_mem 327 capped at 64
        assertThat(EmbeddedMemory.forMachine(256 * GB)).isEqualTo(new EmbeddedMemory(8192, 131072, 64));
        // unknown (0): the floors
        assertThat(EmbeddedMemory.forMachine(0)).isEqualTo(new EmbeddedMemory(128, 512, 4));
        assertThat(EmbeddedMemory.forMachine(24 * GB).arguments())
                .containsExactly("-c", "shared_buffers=3072MB", "-c", "effective_cache_size=12288MB", "-c", "work_mem=30MB");
    }
}
