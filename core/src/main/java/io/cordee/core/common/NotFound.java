package io.cordee.core.common;

/**
 * The entity does not exist <em>for the caller</em>: another agency's rows and rows a role may not
 * see are reported exactly like missing ones, so their existence never leaks.
 */
public final class NotFound extends DomainException {

    private final String entity;

    public NotFound(String entity, Object id) {
        super(ErrorCode.NOT_FOUND, entity + " not found: " + id);
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
