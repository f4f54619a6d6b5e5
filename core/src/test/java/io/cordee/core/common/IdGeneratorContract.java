package io.cordee.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the adapters rely on from {@link IdGenerator} (ADR 0080): every id new, and ids made one after another in
 * ascending order, so that new rows land at the end of a primary-key index and "then by id" follows creation.
 */
public abstract class IdGeneratorContract {

    protected abstract IdGenerator ids();

    @Test
    void tenThousandIdsInARowAreAllDifferentAndAscending() {
        IdGenerator ids = ids();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.newId());
        }

        assertThat(new HashSet<>(made)).hasSize(10_000);
        // compared as PostgreSQL compares uuid values: byte by byte, unsigned (UUID.compareTo is signed)
        for (int i = 1; i < made.size(); i++) {
            assertThat(unsigned(made.get(i - 1)).compareTo(unsigned(made.get(i))))
                    .as("id %d after id %d", i, i - 1).isNegative();
        }
    }

    @Test
    void idsMadeOnSeveralThreadsAtOnceAreAllDifferent() throws InterruptedException {
        IdGenerator ids = ids();
        java.util.Set<UUID> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 2_500; i++) {
                    made.add(ids.newId());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        // 4 threads × 2,500 ids
        assertThat(made).hasSize(10_000);
    }

    private static String unsigned(UUID id) {
        return String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
