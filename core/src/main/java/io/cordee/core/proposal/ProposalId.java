package io.cordee.core.proposal;

import java.util.Objects;
import java.util.UUID;

public record ProposalId(UUID value) {

    public ProposalId {
        Objects.requireNonNull(value, "value");
    }
}
