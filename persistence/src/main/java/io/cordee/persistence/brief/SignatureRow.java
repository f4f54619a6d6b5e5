package io.cordee.persistence.brief;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("brief_signature")
public record SignatureRow(UUID agencyId, UUID briefVersionId, String party, UUID signedBy, String signerName,
                           OffsetDateTime signedAt, int versionNumber) {
}
