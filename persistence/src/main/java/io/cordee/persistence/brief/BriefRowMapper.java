package io.cordee.persistence.brief;

import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Requirement;
import io.cordee.core.brief.Signature;
import io.cordee.persistence.common.PersistenceMapperConfig;
import io.cordee.persistence.common.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface BriefRowMapper {

    Brief toDomain(BriefRow row);

    BriefRow toRow(Brief brief);

    BriefVersion toDomain(BriefVersionRow row);

    BriefVersionRow toRow(BriefVersion version);

    Requirement toDomain(RequirementRow row);

    @Mapping(target = "versionId", source = "briefVersionId")
    Signature toDomain(SignatureRow row);

    @Mapping(target = "briefVersionId", source = "signature.versionId")
    @Mapping(target = "agencyId", source = "agencyId")
    SignatureRow toRow(UUID agencyId, Signature signature);

    default BriefId briefId(UUID value) {
        return value == null ? null : new BriefId(value);
    }

    default UUID uuid(BriefId id) {
        return id == null ? null : id.value();
    }

    default BriefVersionId briefVersionId(UUID value) {
        return value == null ? null : new BriefVersionId(value);
    }

    default UUID uuid(BriefVersionId id) {
        return id == null ? null : id.value();
    }

    default List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    default String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    default Instant instant(OffsetDateTime value) {
        return Timestamps.instant(value);
    }

    default OffsetDateTime offsetDateTime(Instant value) {
        return Timestamps.utc(value);
    }
}
