package io.cordee.core.brief;

import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.Objects;

/** One party's signature of one brief version: who signed, their name then, when, and the version number they saw. */
public record Signature(BriefVersionId versionId, Party party, UserId signedBy, String signerName, Instant signedAt,
                        int versionNumber) {

    public Signature {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
