package io.cordee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cordee.api.graphql.archfixture.ControllerUsingAnAdapter;
import io.cordee.api.websocket.archfixture.ListenerUsingJdbc;
import io.cordee.api.websocket.archfixture.ListenerUsingTheDriver;
import io.cordee.core.archfixture.CoreClassUsingAnotherLibrary;
import io.cordee.core.archfixture.CoreClassUsingSpring;
import io.cordee.persistence.archfixture.AdapterUsingTheApi;
import org.junit.jupiter.api.Test;

/** The hexagon: core is framework-free; the GraphQL side and the persistence side only meet in core. */
@AnalyzeClasses(packages = "io.cordee",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Core's test-jar (its in-memory twins and tests, on api's test path) is test code: not under the rules. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule coreDependsOnNoFramework = noClasses().that().resideInAPackage("io.cordee.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax..",
                    "io.r2dbc..", "org.mapstruct..", "tools.jackson..", "com.fasterxml..", "graphql..", "org.slf4j..")
            .because("core is plain Java and Reactor");

    /** Not only no framework of a list: nothing but the JDK, Reactor and core itself (ADR 77). */
    @ArchTest
    static final ArchRule coreDependsOnNothingButReactor = classes().that().resideInAPackage("io.cordee.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "reactor..", "org.reactivestreams..",
                    "io.cordee.core..")
            .because("core is plain Java and Reactor");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses().that().resideInAPackage("io.cordee.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cordee.api..", "io.cordee.persistence..");

    @ArchTest
    static final ArchRule apiDoesNotSeePersistence = noClasses().that().resideInAPackage("io.cordee.api..")
            .should().dependOnClassesThat().resideInAPackage("io.cordee.persistence..")
            .because("the API talks to core's services and ports; persistence is wired in at runtime");

    @ArchTest
    static final ArchRule persistenceDoesNotSeeApi = noClasses().that().resideInAPackage("io.cordee.persistence..")
            .should().dependOnClassesThat().resideInAPackage("io.cordee.api..");

    /** The PostgreSQL drivers stay in persistence: cross-instance events come through core's ports (ADR 77). */
    @ArchTest
    static final ArchRule apiDoesNotUseThePostgresDriver = noClasses()
            .that().resideOutsideOfPackages("io.cordee.core..", "io.cordee.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.r2dbc.postgresql..", "org.postgresql..")
            .because("LISTEN/NOTIFY and every driver call live in persistence, behind core's ports");

    @ArchTest
    static final ArchRule graphQlDoesNotTouchTheDatabase = noClasses().that().resideInAPackage("io.cordee.api.graphql..")
            .should().dependOnClassesThat().resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..",
                    "org.springframework.data..");

    /** The rules are not vacuous: deliberate violations (test fixtures, outside the analysed classes) are caught. */
    @Test
    void theRulesCatchViolations() {
        JavaClasses badCore = new ClassFileImporter().importClasses(CoreClassUsingSpring.class);
        assertThat(coreDependsOnNoFramework.evaluate(badCore).hasViolation()).isTrue();

        JavaClasses badController = new ClassFileImporter().importClasses(ControllerUsingAnAdapter.class);
        assertThat(apiDoesNotSeePersistence.evaluate(badController).hasViolation()).isTrue();

        JavaClasses otherLibrary = new ClassFileImporter().importClasses(CoreClassUsingAnotherLibrary.class);
        assertThat(coreDependsOnNoFramework.evaluate(otherLibrary).hasViolation()).as("the list misses it").isFalse();
        assertThat(coreDependsOnNothingButReactor.evaluate(otherLibrary).hasViolation()).isTrue();
        assertThat(coreDependsOnNothingButReactor.evaluate(badCore).hasViolation()).isTrue();

        for (Class<?> listener : new Class<?>[] {ListenerUsingTheDriver.class, ListenerUsingJdbc.class}) {
            JavaClasses badListener = new ClassFileImporter().importClasses(listener);
            assertThat(apiDoesNotUseThePostgresDriver.evaluate(badListener).hasViolation()).as(listener.getSimpleName())
                    .isTrue();
        }

        JavaClasses badAdapter = new ClassFileImporter().importClasses(AdapterUsingTheApi.class);
        assertThat(persistenceDoesNotSeeApi.evaluate(badAdapter).hasViolation()).isTrue();
    }
}
