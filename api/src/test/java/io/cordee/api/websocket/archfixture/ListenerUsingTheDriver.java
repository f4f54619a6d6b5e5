package io.cordee.api.websocket.archfixture;

/** A deliberate violation, for ArchitectureTest to prove its rules bite: api must not use the PostgreSQL driver. */
public class ListenerUsingTheDriver {
    Object connection = io.r2dbc.postgresql.api.PostgresqlConnection.class;
}
