package io.cordee.persistence.archfixture;

/** A deliberate violation, for ArchitectureTest to prove its rules bite: persistence must not reach api. */
public class AdapterUsingTheApi {
    Object feed = io.cordee.api.alert.AlertNotifications.class;
}
