package io.cordee.persistence.common;

import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.IdGeneratorContract;

/** The UUID v7 generator keeps the {@link IdGenerator} contract. */
class UuidV7IdGeneratorContractTest extends IdGeneratorContract {

    @Override
    protected IdGenerator ids() {
        return new UuidV7IdGenerator();
    }
}
