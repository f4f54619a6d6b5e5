package io.cordee.api.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for a condition whose outcome a test reports before it asserts it (ADR 89). A test that only
 * asserts it calls Awaitility's {@code await().atMost(…).until(…)} itself.
 */
public final class Conditions {

    private Conditions() {
    }

    /** Whether {@code condition} came to hold within {@code timeout}, polled every 20 ms. */
    public static boolean holdsWithin(Duration timeout, BooleanSupplier condition) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
