package io.cordee.core.brief;

import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One party's signature of one brief version: who signed, their name then, when, and the version number they saw.
 * {@code signedBy} is null only for a signature imported from an agency archive whose signer has no account in
 * this agency (ADR 70): the name stays the evidence.
 */
public record Signature(BriefVersionId versionId, Party party, UserId signedBy, String signerName, Instant signedAt,
                        int versionNumber) {

    public Signature {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
