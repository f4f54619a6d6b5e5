package io.cordee.core.brief;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: briefs, their versions, requirements and signatures, always within one agency. */
public interface BriefRepository {

    Mono<Brief> findById(AgencyId agencyId, BriefId id);

    /** Many briefs in one statement; missing ids are left out. */
    Flux<Brief> findAllById(AgencyId agencyId, Collection<BriefId> ids);

    /** Ordered by title, then id; narrowed to a project or to a client's projects when those are not null. */
    Mono<Page<Brief>> findPage(AgencyId agencyId, ProjectId projectId, ClientId clientId, PageRequest page);

    /** Every brief of the given projects, by title then id, in one statement. */
    Flux<Brief> findByProjects(AgencyId agencyId, Collection<ProjectId> projectIds);

    Mono<BriefVersion> findVersion(AgencyId agencyId, BriefVersionId id);

    /** Every version of the given briefs, by brief then number, in one statement. */
    Flux<BriefVersion> findVersions(AgencyId agencyId, Collection<BriefId> briefIds);

    /** The latest version of a brief: the only one that can be signed or edited in place. */
    Mono<BriefVersion> findLatestVersion(AgencyId agencyId, BriefId briefId);

    /** The requirements of each version, in their order, in one statement; versions without any are absent. */
    Mono<Map<BriefVersionId, List<Requirement>>> findRequirements(AgencyId agencyId,
                                                                  Collection<BriefVersionId> versionIds);

    /** The signatures of the given versions, in one statement. */
    Flux<Signature> findSignatures(AgencyId agencyId, Collection<BriefVersionId> versionIds);

    Mono<Brief> insert(Brief brief);

    /** Inserts a version and its requirements; empty if the brief already has a version with that number. */
    Mono<BriefVersion> insertVersion(BriefVersion version, List<Requirement> requirements);

    /** Writes the content if the stored version is still {@code version.version()} and a draft; empty otherwise. */
    Mono<BriefVersion> updateVersion(BriefVersion version);

    /** Replaces the requirements of a version. */
    Mono<Void> replaceRequirements(AgencyId agencyId, BriefVersionId versionId, List<Requirement> requirements);

    /**
     * Locks the version's row until the end of the transaction if it is still a draft at
     * {@code expectedVersion}; empty otherwise. Two signatures of one draft are so taken one after the
     * other, and the second sees the first.
     */
    Mono<BriefVersion> lockDraft(AgencyId agencyId, BriefVersionId id, long expectedVersion);

    /** Sets the status if the stored version is still {@code expectedVersion}, bumping it; empty otherwise. */
    Mono<BriefVersion> setStatus(AgencyId agencyId, BriefVersionId id, long expectedVersion, BriefStatus status);

    /**
     * Records a signature, replacing the same party's earlier one on that version. Its {@code signedBy} names a user
     * of the agency: a signature without an account comes only from an archive import (ADR 70), which keeps the
     * signer's address instead.
     */
    Mono<Signature> sign(AgencyId agencyId, Signature signature);

    /** Removes every signature of a version. */
    Mono<Void> clearSignatures(AgencyId agencyId, BriefVersionId versionId);

    /** Marks the brief's other agreed versions as superseded. */
    Mono<Void> supersedeOthers(AgencyId agencyId, BriefId briefId, BriefVersionId agreed);
}
