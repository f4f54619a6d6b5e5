package io.cordee.persistence.client;

import io.cordee.core.client.Client;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.persistence.common.PersistenceMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class, uses = ContactsJson.class)
public interface ClientRowMapper {

    @Mapping(target = "funding", expression = "java(funding(row))")
    Client toDomain(ClientRow row);

    @Mapping(target = "fundingStage", source = "funding.stage")
    @Mapping(target = "runwayEnd", source = "funding.runwayEnd")
    @Mapping(target = "nextRoundExpected", source = "funding.nextRoundExpected")
    @Mapping(target = "nextRoundStatus", source = "funding.nextRoundStatus")
    ClientRow toRow(Client client);

    default FundingProfile funding(ClientRow row) {
        if (row.fundingStage() == null && row.runwayEnd() == null && row.nextRoundExpected() == null
                && row.nextRoundStatus() == null) {
            return null;
        }
        return new FundingProfile(row.fundingStage() == null ? null : FundingStage.valueOf(row.fundingStage()),
                row.runwayEnd(), row.nextRoundExpected(),
                row.nextRoundStatus() == null ? null : RoundStatus.valueOf(row.nextRoundStatus()));
    }
}
