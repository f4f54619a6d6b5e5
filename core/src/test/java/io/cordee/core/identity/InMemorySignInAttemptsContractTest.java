package io.cordee.core.identity;

/** The in-memory twin {@code IdentityServiceTest} uses keeps the {@link SignInAttemptRepository} contract. */
class InMemorySignInAttemptsContractTest extends SignInAttemptRepositoryContract {

    @Override
    protected SignInAttemptRepository attempts() {
        return new InMemorySignInAttempts();
    }
}
