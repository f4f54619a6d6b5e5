package io.cordee.api.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: it ticks like the system clock, from an instant a test may choose.
 * {@code -Dcordee.test.now=2026-11-30T23:30:00+01:00} starts the whole test run (the demo agency's dates
 * included) at that instant, without touching the machine's clock — how the browser tests are run at
 * 23:30 and 00:30 in Paris (issue 13 point 10). A test that moves it ({@link #startAt}) puts it back ({@link #reset}).
 */
public final class TestClock extends Clock {

    public static final String PROPERTY = "cordee.test.now";
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The run's offset from the machine's clock ({@link #PROPERTY}); {@link #reset} comes back to it. */
    private final Duration initial;
    private volatile Duration offset;
    /** Where time stands still since {@link #stop}, or null while it runs. */
    private volatile Instant stoppedAt;

    public TestClock() {
        String start = System.getProperty(PROPERTY, "").strip();
        this.initial = start.isEmpty() ? Duration.ZERO : offsetTo(OffsetDateTime.parse(start).toInstant());
        this.offset = initial;
        if (!start.isEmpty()) {
            System.out.println("[clock] the application's clock starts at " + start + " (" + instant().atZone(PARIS)
                    + "); the machine's clock says " + Instant.now());
        }
    }

    private static Duration offsetTo(Instant start) {
        return Duration.between(Instant.now(), start);
    }

    /** From now on, time runs from {@code start}. */
    public void startAt(Instant start) {
        stoppedAt = null;
        offset = offsetTo(start);
    }

    /** From now on, time stands still at this clock's present instant, until {@link #startAt} or {@link #reset}. */
    public void stop() {
        stoppedAt = instant();
    }

    /** Back to the run's time: the machine's, or the one {@link #PROPERTY} chose. */
    public void reset() {
        stoppedAt = null;
        offset = initial;
    }

    /** The date in Paris (the test agencies' and the demo's time zone) by this clock. */
    public LocalDate todayInParis() {
        return LocalDate.ofInstant(instant(), PARIS);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
