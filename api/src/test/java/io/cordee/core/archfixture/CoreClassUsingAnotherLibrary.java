package io.cordee.core.archfixture;

/**
 * A deliberate violation, for ArchitectureTest to prove its rules bite: core uses no library but Reactor, not
 * even one no list of frameworks names (here the TOTP library api uses).
 */
public class CoreClassUsingAnotherLibrary {
    Object generator = com.eatthepath.otp.TimeBasedOneTimePasswordGenerator.class;
}
