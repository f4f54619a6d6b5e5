package io.cordee.core.export;

import io.cordee.core.agency.AgencyId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the records of archive format 4 (ADR 70) as the tables hold them, always for one agency. */
public interface ArchiveRecordsRepository {

    /** Every brief, version, requirement, signature, proposal and comment of the agency, each list in a stable order. */
    Mono<ArchiveRecords> read(AgencyId agency);

    /** Inserts them in foreign-key order into {@code agency} (inside the caller's transaction). */
    Mono<Void> insert(AgencyId agency, ArchiveRecords records);

    /** The agency's users, to map the archive's e-mails. */
    Flux<ArchiveRecords.Account> accounts(AgencyId agency);
}
