package io.cordee.api.websocket.archfixture;

/** A deliberate violation, for ArchitectureTest to prove its rules bite: api must not use the PostgreSQL JDBC driver. */
public class ListenerUsingJdbc {
    Object connection = org.postgresql.PGConnection.class;
}
