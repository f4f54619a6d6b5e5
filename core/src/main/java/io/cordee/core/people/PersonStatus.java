package io.cordee.core.people;

/** A person on the people page: invited (an open invitation), active, or deactivated. */
public enum PersonStatus { INVITED, ACTIVE, DEACTIVATED }
