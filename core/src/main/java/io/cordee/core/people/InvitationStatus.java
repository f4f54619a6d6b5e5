package io.cordee.core.people;

/** Where an invitation stands: a pending one can still be accepted; an expired one can be re-sent. */
public enum InvitationStatus { PENDING, EXPIRED, ACCEPTED, REVOKED }
