package io.cordee.api.graphql.brief;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefComparison;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionDraft;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Feasibility;
import io.cordee.core.brief.Priority;
import io.cordee.core.brief.Requirement;
import io.cordee.core.brief.Signature;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Briefs, their versions, requirements, signatures and feasibility; every nested field in one batch per level. */
@Controller
public class BriefController {

    public static final String TYPE = "Brief";
    public static final String VERSION_TYPE = "BriefVersion";

    public record RequirementInput(String key, String title, String userStory, Priority priority,
                                   String estimateDays) {
    }

    public record CreateBriefInput(String projectId, String title, List<String> objectives, List<String> targetUsers,
                                   List<RequirementInput> requirements, List<String> constraints,
                                   List<String> assumptions, List<String> outOfScope, LocalDate launchDate,
                                   LocalDate communicationPlanDate) {
    }

    public record UpdateBriefVersionInput(String id, Long version, List<String> objectives, List<String> targetUsers,
                                          List<RequirementInput> requirements, List<String> constraints,
                                          List<String> assumptions, List<String> outOfScope, LocalDate launchDate,
                                          LocalDate communicationPlanDate) {
    }

    public record SignBriefVersionInput(String id, Long version) {
    }

    public record PreviewBriefFeasibilityInput(String briefId, List<RequirementInput> requirements, LocalDate launchDate) {
    }

    public record PreviewBriefFeasibilityPayload(FeasibilityView feasibility, List<UserError> userErrors) {
    }

    public record StartBriefVersionInput(String id, Long version) {
    }

    public record ApplyFeasibilitySuggestionInput(String id, Long version, BriefService.Suggestion suggestion) {
    }

    public record CreateBriefPayload(Brief brief, List<UserError> userErrors) {
    }

    public record BriefVersionPayload(BriefVersion briefVersion, List<UserError> userErrors) {
    }

    public record BriefSignature(String party, String signedBy, OffsetDateTime signedAt, int versionNumber) {
        static BriefSignature of(Signature s) {
            return new BriefSignature(s.party().name(), s.signerName(), DateTimes.utc(s.signedAt()),
                    s.versionNumber());
        }
    }

    public record RequirementToDrop(Requirement requirement) {
    }

    public record FeasibilityView(LocalDate asOf, LocalDate launchDate, Double ratio, Feasibility.Verdict verdict,
                                  double capacityDays, double scopeDays, List<RequirementToDrop> drop,
                                  LocalDate earliestRealisticLaunch, boolean launchAfterCommunicationPlan,
                                  BriefFeasibility.Budget budget) {
        static FeasibilityView of(BriefFeasibility b) {
            Feasibility f = b.feasibility();
            return new FeasibilityView(b.asOf(), b.launchDate(), f.ratio() == null ? null : f.ratio().doubleValue(),
                    f.verdict(), f.capacityDays().doubleValue(), f.scopeDays().doubleValue(),
                    b.toDrop().stream().map(RequirementToDrop::new).toList(), f.earliestRealisticLaunch(),
                    f.launchAfterCommunicationPlan(), b.budget());
        }
    }

    public record ComparisonView(BriefVersion from, BriefVersion to, List<Requirement> added, List<Requirement> removed,
                                 List<BriefComparison.Changed> changed) {
    }

    private final BriefService briefs;
    private final ProjectService projects;

    public BriefController(BriefService briefs, ProjectService projects) {
        this.briefs = briefs;
        this.projects = projects;
    }

    @QueryMapping
    public Mono<Brief> brief(@Argument String id) {
        return Callers.current().flatMap(caller -> briefs.find(caller, new BriefId(GlobalId.decode(id, TYPE, "id"))));
    }

    @QueryMapping
    public Mono<Connection<Brief>> briefs(@Argument Integer first, @Argument String after,
                                          @Argument String projectId,
                                          DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> briefs.list(caller,
                ProjectController.optionalId(projectId, "projectId"), page));
    }

    @QueryMapping
    public Mono<ComparisonView> compareBriefVersions(@Argument String from, @Argument String to) {
        return Callers.current().flatMap(caller -> briefs.compare(caller,
                        new BriefVersionId(GlobalId.decode(from, VERSION_TYPE, "from")),
                        new BriefVersionId(GlobalId.decode(to, VERSION_TYPE, "to"))))
                .map(c -> new ComparisonView(c.from(), c.to(), c.diff().added(), c.diff().removed(),
                        c.diff().changed()));
    }

    @MutationMapping
    public Mono<CreateBriefPayload> createBrief(@Argument CreateBriefInput input) {
        return Mutations.asCaller(caller -> briefs.create(caller,
                        new ProjectId(GlobalId.decode(input.projectId(), ProjectController.TYPE, "projectId")),
                        input.title(), new BriefVersionDraft(input.objectives(), input.targetUsers(),
                                drafts(input.requirements()), input.constraints(), input.assumptions(),
                                input.outOfScope(), input.launchDate(), input.communicationPlanDate())),
                CreateBriefPayload::new);
    }

    @MutationMapping
    public Mono<BriefVersionPayload> updateBriefVersion(@Argument UpdateBriefVersionInput input) {
        return Mutations.asCaller(caller -> briefs.update(caller,
                        new BriefVersionId(GlobalId.decode(input.id(), VERSION_TYPE, "id")), input.version(),
                        new BriefVersionDraft(input.objectives(), input.targetUsers(),
                                drafts(input.requirements()), input.constraints(), input.assumptions(),
                                input.outOfScope(), input.launchDate(), input.communicationPlanDate())),
                BriefVersionPayload::new);
    }

    @MutationMapping
    public Mono<BriefVersionPayload> signBriefVersion(@Argument SignBriefVersionInput input) {
        return Mutations.asCaller(caller -> briefs.sign(caller,
                        new BriefVersionId(GlobalId.decode(input.id(), VERSION_TYPE, "id")), input.version()),
                BriefVersionPayload::new);
    }

    @QueryMapping
    public Mono<PreviewBriefFeasibilityPayload> previewBriefFeasibility(@Argument PreviewBriefFeasibilityInput input) {
        return Mutations.asCaller(caller -> briefs.previewFeasibility(caller,
                                new BriefId(GlobalId.decode(input.briefId(), TYPE, "briefId")),
                                drafts(input.requirements()), input.launchDate())
                        .map(f -> java.util.Optional.of(FeasibilityView.of(f)))
                        .defaultIfEmpty(java.util.Optional.empty()),
                f -> new PreviewBriefFeasibilityPayload(f.orElse(null), List.of()),
                errors -> new PreviewBriefFeasibilityPayload(null, errors));
    }

    @MutationMapping
    public Mono<BriefVersionPayload> startBriefVersion(@Argument StartBriefVersionInput input) {
        return Mutations.asCaller(caller -> briefs.startVersion(caller,
                        new BriefVersionId(GlobalId.decode(input.id(), VERSION_TYPE, "id")), input.version()),
                BriefVersionPayload::new);
    }

    @MutationMapping
    public Mono<BriefVersionPayload> applyFeasibilitySuggestion(@Argument ApplyFeasibilitySuggestionInput input) {
        return Mutations.asCaller(caller -> briefs.applySuggestion(caller,
                        new BriefVersionId(GlobalId.decode(input.id(), VERSION_TYPE, "id")), input.version(),
                        input.suggestion()),
                BriefVersionPayload::new);
    }

    // ---- Brief

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Brief, Project>> project(List<Brief> batch) {
        return Batches.load(batch, Brief::projectId, projects::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Brief, List<BriefVersion>>> versions(List<Brief> batch) {
        return Batches.load(batch, Brief::id, briefs::versions);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Brief, BriefVersion>> currentVersion(List<Brief> batch) {
        return versions(batch).map(byBrief -> Batches.mapValues(byBrief, list -> list.get(list.size() - 1)));
    }

    @BatchMapping(typeName = ProjectController.TYPE, field = "briefs")
    public Mono<Map<Project, List<Brief>>> projectBriefs(List<Project> batch) {
        return Batches.loadLists(batch, Project::id, briefs::byProjects);
    }

    // ---- BriefVersion

    @BatchMapping(typeName = VERSION_TYPE)
    public Mono<Map<BriefVersion, Brief>> brief(List<BriefVersion> batch) {
        return Batches.load(batch, BriefVersion::briefId, briefs::findAll);
    }

    @BatchMapping(typeName = VERSION_TYPE)
    public Mono<Map<BriefVersion, List<Requirement>>> requirements(List<BriefVersion> batch) {
        return Batches.loadLists(batch, BriefVersion::id, briefs::requirements);
    }

    @BatchMapping(typeName = VERSION_TYPE)
    public Mono<Map<BriefVersion, List<BriefSignature>>> signatures(List<BriefVersion> batch) {
        return Batches.loadLists(batch, BriefVersion::id, briefs::signatures)
                .map(byVersion -> Batches.mapValues(byVersion, list -> list.stream().map(BriefSignature::of).toList()));
    }

    @BatchMapping(typeName = VERSION_TYPE)
    public Mono<Map<BriefVersion, FeasibilityView>> feasibility(List<BriefVersion> batch) {
        return Callers.current().flatMap(caller -> briefs.feasibility(caller, batch))
                .map(byId -> Batches.mapValues(Batches.join(batch, BriefVersion::id, byId), FeasibilityView::of));
    }

    // ---- Requirement

    @SchemaMapping(typeName = "Requirement")
    public String estimateDays(Requirement requirement) {
        return requirement.estimateDays().stripTrailingZeros().toPlainString();
    }

    private static List<BriefVersionDraft.RequirementDraft> drafts(List<RequirementInput> inputs) {
        return inputs == null ? null : inputs.stream().map(r -> r == null ? null
                : new BriefVersionDraft.RequirementDraft(r.key(), r.title(), r.userStory(), r.priority(),
                        r.estimateDays())).toList();
    }
}
