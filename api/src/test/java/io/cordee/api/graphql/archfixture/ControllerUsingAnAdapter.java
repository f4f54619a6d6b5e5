package io.cordee.api.graphql.archfixture;

/** A deliberate violation, for ArchitectureTest to prove its rules bite: GraphQL code must not reach persistence. */
public class ControllerUsingAnAdapter {
    Object adapter = io.cordee.persistence.client.ClientPersistenceAdapter.class;
}
