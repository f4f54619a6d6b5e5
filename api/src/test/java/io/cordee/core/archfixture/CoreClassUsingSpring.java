package io.cordee.core.archfixture;

/** A deliberate violation, for ArchitectureTest to prove its rules bite: core must not use Spring. */
@org.springframework.stereotype.Component
public class CoreClassUsingSpring {
}
