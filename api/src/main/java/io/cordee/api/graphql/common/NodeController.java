package io.cordee.api.graphql.common;

import io.cordee.api.graphql.alert.AlertController;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertService;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.identity.ApiTokenId;
import io.cordee.core.identity.ApiTokenService;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.ProposalService;
import io.cordee.api.graphql.proposal.ProposalController;
import io.cordee.core.relationship.AgreementId;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.InteractionId;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamService;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relay's {@code node(id:)}: any object by global id, through the same services (and so the same
 * tenant and role rules) as everywhere else. Another agency's object is "not found", exactly like
 * one that does not exist.
 */
@Controller
public class NodeController {

    private final ClientService clients;
    private final ProjectService projects;
    private final TeamService team;
    private final AgencyService agencies;
    private final IdentityService identity;
    private final StaffingService staffing;
    private final BillingService billing;
    private final RelationshipService relationships;
    private final BriefService briefs;
    private final ProposalService proposals;
    private final AlertService alerts;
    private final ApiTokenService apiTokens;
    private final io.cordee.core.cash.CashService cash;

    public NodeController(ClientService clients, ProjectService projects, TeamService team, AgencyService agencies,
                          IdentityService identity, StaffingService staffing, BillingService billing,
                          RelationshipService relationships, BriefService briefs, ProposalService proposals,
                          AlertService alerts, ApiTokenService apiTokens, io.cordee.core.cash.CashService cash) {
        this.cash = cash;
        this.apiTokens = apiTokens;
        this.proposals = proposals;
        this.alerts = alerts;
        this.relationships = relationships;
        this.briefs = briefs;
        this.staffing = staffing;
        this.billing = billing;
        this.clients = clients;
        this.projects = projects;
        this.team = team;
        this.agencies = agencies;
        this.identity = identity;
    }

    @QueryMapping
    public Mono<Object> node(@Argument String id) {
        return Callers.current().flatMap(caller -> resolve(caller, GlobalId.decode(id, "id")))
                .switchIfEmpty(Mono.error(() -> new NotFound("Node", id)));
    }

    @QueryMapping
    public Mono<List<Object>> nodes(@Argument List<String> ids) {
        if (ids.size() > 100) {
            return Mono.error(InvalidInput.of("ids", "at most 100 ids at a time",
                    io.cordee.core.common.ErrorCode.OUT_OF_RANGE));
        }
        return Callers.current().flatMap(caller -> Flux.fromIterable(ids)
                .concatMap(id -> resolveQuietly(caller, id).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .collectList()
                .map(found -> found.stream().map(o -> o.orElse(null)).toList()));
    }

    private Mono<Object> resolveQuietly(Caller caller, String id) {
        return Mono.defer(() -> resolve(caller, GlobalId.decode(id, "ids")))
                .onErrorResume(InvalidInput.class, e -> Mono.empty());
    }

    private Mono<Object> resolve(Caller caller, GlobalId id) {
        return switch (id.type()) {
            case "Client" -> clients.find(caller, new ClientId(id.id())).cast(Object.class);
            case "Project" -> projects.find(caller, new ProjectId(id.id())).cast(Object.class);
            case "TeamMember" -> team.find(caller, new TeamMemberId(id.id())).cast(Object.class);
            case "Allocation" -> staffing.find(caller, new AllocationId(id.id())).cast(Object.class);
            case "Invoice" -> billing.find(caller, new InvoiceId(id.id())).cast(Object.class);
            case "Interaction" -> relationships.findInteraction(caller, new InteractionId(id.id())).cast(Object.class);
            case "Agreement" -> relationships.findAgreement(caller, new AgreementId(id.id())).cast(Object.class);
            case "Commitment" -> relationships.findCommitment(caller, new CommitmentId(id.id())).cast(Object.class);
            case "Brief" -> briefs.find(caller, new BriefId(id.id())).cast(Object.class);
            case "BriefVersion" -> briefs.findVersion(caller, new BriefVersionId(id.id())).cast(Object.class);
            case ProposalController.TYPE -> proposals.find(caller, new ProposalId(id.id()))
                    .map(p -> ProposalController.RenegotiationProposal.of(caller, p)).cast(Object.class);
            case AlertController.TYPE -> alerts.find(caller, new AlertId(id.id())).map(AlertController.Alert::new)
                    .cast(Object.class);
            case "Agency" -> caller.agencyId().equals(new AgencyId(id.id()))
                    ? agencies.current(caller).cast(Object.class) : Mono.empty();
            // an API token's own metadata is for owners in a browser session, as in Query.apiTokens
            case "ApiToken" -> Callers.viaApiToken().flatMap(viaToken -> viaToken ? Mono.empty()
                    : apiTokens.find(caller, new ApiTokenId(id.id())).cast(Object.class));
            case "User" -> caller.userId().equals(new UserId(id.id()))
                    ? identity.viewer(caller).cast(Object.class) : Mono.empty();
            // a role that sees no money finds no bank account, as with the list
            case "BankAccount" -> cash.account(caller, new io.cordee.core.cash.BankAccountId(id.id()))
                    .cast(Object.class).onErrorResume(io.cordee.core.common.Forbidden.class, e -> Mono.empty());
            default -> Mono.empty();
        };
    }
}
