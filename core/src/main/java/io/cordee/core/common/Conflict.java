package io.cordee.core.common;

/** A concurrent change won: the caller's expected version is stale. Nothing was written. */
public final class Conflict extends DomainException {

    public Conflict(String entity, long expectedVersion) {
        super(ErrorCode.CONFLICT, entity + " was changed by someone else (your version " + expectedVersion
                + " is out of date); reload it and apply your change again");
    }
}
