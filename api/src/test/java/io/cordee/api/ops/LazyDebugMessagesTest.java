package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.SpringVersion;
import org.springframework.core.log.LogMessage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * Spring and Spring Security log through Commons Logging's API with lazy messages ({@link LogMessage}), several per
 * request. They must stay unrendered while their level is off: commons-logging 1.3's SLF4J adapter rendered every one
 * of them, about 4 % of a small request's processor time; jcl-over-slf4j asks the level first (ADR 101).
 */
class LazyDebugMessagesTest {

    @Test
    void aDebugMessageIsRenderedOnlyWhenDebugIsOn() {
        String name = "io.cordee.test.LazyDebugMessages";
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
        Level before = logger.getLevel();
        AtomicInteger rendered = new AtomicInteger();
        LogMessage message = LogMessage.of(() -> "rendered " + rendered.incrementAndGet());
        Log log = LogFactory.getLog(name);
        try {
            logger.setLevel(Level.INFO);
            log.debug(message);
            log.trace(message);
            assertThat(rendered).as("renderings while DEBUG is off").hasValue(0);

            logger.setLevel(Level.DEBUG);
            log.debug(message);
            assertThat(rendered).as("renderings once DEBUG is on: the counter counts").hasValue(1);
        } finally {
            logger.setLevel(before);
        }
    }

    /**
     * Were commons-logging back beside jcl-over-slf4j (a new dependency bringing it), which {@code LogFactory} wins
     * would depend on the classpath's order: its adapter must not be there at all.
     */
    @Test
    void commonsLoggingItselfIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.commons.logging.impl.Slf4jLogFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /**
     * spring-core is managed apart from the rest of Spring Framework (pom.xml, for its exclusion): a Spring Boot upgrade
     * that left {@code spring-framework.version} behind would mix two versions of the framework.
     */
    @Test
    void springCoreIsTheVersionOfTheRestOfSpringFramework() {
        assertThat(SpringVersion.getVersion()).isNotNull()
                .isEqualTo(DispatcherHandler.class.getPackage().getImplementationVersion())
                .isEqualTo(DatabaseClient.class.getPackage().getImplementationVersion());
    }
}
