package io.cordee.persistence.relationship;

import io.cordee.core.relationship.Agreement;
import io.cordee.core.relationship.AgreementId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.Interaction;
import io.cordee.core.relationship.InteractionId;
import io.cordee.core.relationship.StrengthsMap;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper(config = PersistenceMapperConfig.class, uses = StrengthsJson.class)
public interface RelationshipRowMapper {

    Interaction toDomain(InteractionRow row);

    InteractionRow toRow(Interaction interaction);

    Agreement toDomain(AgreementRow row);

    AgreementRow toRow(Agreement agreement);

    Commitment toDomain(CommitmentRow row);

    CommitmentRow toRow(Commitment commitment);

    StrengthsMap toDomain(StrengthsMapRow row);

    StrengthsMapRow toRow(StrengthsMap map);

    default InteractionId interactionId(UUID value) {
        return value == null ? null : new InteractionId(value);
    }

    default UUID uuid(InteractionId id) {
        return id == null ? null : id.value();
    }

    default AgreementId agreementId(UUID value) {
        return value == null ? null : new AgreementId(value);
    }

    default UUID uuid(AgreementId id) {
        return id == null ? null : id.value();
    }

    default CommitmentId commitmentId(UUID value) {
        return value == null ? null : new CommitmentId(value);
    }

    default UUID uuid(CommitmentId id) {
        return id == null ? null : id.value();
    }
}
