package io.cordee.core.support;

import java.util.Objects;

/**
 * What every contract test of an outbound port shares (ADR 0080): the world its rows live in. A subclass names
 * only the implementation and the world, {@code super(new DatabaseWorld())} or {@code super(new InMemoryWorld())}.
 */
public abstract class PortContract {

    private final TenantWorld world;

    protected PortContract(TenantWorld world) {
        this.world = Objects.requireNonNull(world);
    }

    /** Where the agencies, clients, projects, team members, users and invoices a test needs are made. */
    protected final TenantWorld world() {
        return world;
    }

    /** The world as the subclass made it, for an in-memory twin that reads the world's own tables. */
    protected final <W extends TenantWorld> W world(Class<W> kind) {
        return kind.cast(world);
    }
}
