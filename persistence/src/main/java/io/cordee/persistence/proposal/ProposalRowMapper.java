package io.cordee.persistence.proposal;

import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.SentProposal;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper(config = PersistenceMapperConfig.class, uses = ProposalJson.class)
public interface ProposalRowMapper {

    SentProposal toDomain(ProposalRow row);

    ProposalRow toRow(SentProposal proposal);

    default ProposalId proposalId(UUID value) {
        return value == null ? null : new ProposalId(value);
    }

    default UUID uuid(ProposalId id) {
        return id == null ? null : id.value();
    }
}
