package io.cordee.core.staffing;

import io.cordee.core.support.InMemoryAllocations;
import io.cordee.core.support.InMemoryWorld;

/** The in-memory twin {@code StaffingServiceTest} uses keeps the {@link AllocationRepository} contract. */
class InMemoryAllocationsContractTest extends AllocationRepositoryContract {

    InMemoryAllocationsContractTest() {
        super(new InMemoryWorld());
    }

    /** Reads a project's client from the world's projects, as the adapter reads the project table. */
    @Override
    protected AllocationRepository allocations() {
        return new InMemoryAllocations(world(InMemoryWorld.class).projects());
    }
}
