package io.cordee.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * On an {@link ApiTest} class: before each test (and before its {@code @BeforeEach} methods) the application's
 * {@link TestClock} starts at {@link #value}, an ISO instant; after it, the clock is back to the run's time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ClockAt.Extension.class)
public @interface ClockAt {

    /** The instant each test starts at, e.g. {@code 2026-12-03T10:00:00Z} (a Thursday, 11:00 in Paris). */
    String value();

    /** Starts and resets the clock; the clock is the application context's. */
    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            ClockAt at = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ClockAt.class).orElseThrow();
            clock(context).startAt(Instant.parse(at.value()));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            clock(context).reset();
        }

        private static TestClock clock(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(TestClock.class);
        }
    }
}
