package io.cordee.api.graphql.proposal;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.proposal.Language;
import io.cordee.core.proposal.OptionEffect;
import io.cordee.core.proposal.ProposalAnswer;
import io.cordee.core.proposal.ProposalFacts;
import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.ProposalLetter;
import io.cordee.core.proposal.ProposalOption;
import io.cordee.core.proposal.ProposalService;
import io.cordee.core.proposal.RecordProposalAnswerCommand;
import io.cordee.core.proposal.RecordProposalSentCommand;
import io.cordee.core.proposal.RenegotiationProposalCommand;
import io.cordee.core.proposal.SendChannel;
import io.cordee.core.proposal.SentProposal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Renegotiation proposals: computed for OWNER and FINANCE, recorded when sent and answered; a CLIENT
 * user reads the letters sent to their own client and nothing of the numbers behind them.
 */
@Controller
public class ProposalController {

    public static final String TYPE = "RenegotiationProposal";

    public record ProposalOptionInput(Integer depositPercent, Boolean monthlyInArrears, Integer paymentTermsDays) {

        ProposalOption toOption() {
            return new ProposalOption(depositPercent, Boolean.TRUE.equals(monthlyInArrears), paymentTermsDays);
        }
    }

    public record RecordProposalSentInput(String clientId, List<ProposalOptionInput> options, Language language,
                                          LocalDate sentOn, SendChannel channel) {
    }

    public record RecordProposalAnswerInput(String proposalId, Long version, ProposalAnswer answer,
                                            Integer acceptedOption, String note) {
    }

    /** An option with its number and effect, as the API shows it. */
    public record ProposalOptionEffect(int number, Integer depositPercent, boolean monthlyInArrears,
                                       Integer paymentTermsDays, Money basePeakExposure, Money optionPeakExposure,
                                       Money peakExposureChange, Money baseLowestBalance, Money optionLowestBalance,
                                       Money lowestBalanceLift, ProposalOption option, ClientId clientId,
                                       LocalDate previewAsOf) {

        static List<ProposalOptionEffect> of(List<OptionEffect> effects) {
            return of(effects, null, null);
        }

        /**
         * A computed proposal's options know their client and date, so that {@code cashRiskAfter} can run them
         * (ADR 55); a sent proposal's do not (null).
         */
        static List<ProposalOptionEffect> of(List<OptionEffect> effects, ClientId clientId, LocalDate previewAsOf) {
            List<ProposalOptionEffect> views = new ArrayList<>();
            for (int i = 0; i < effects.size(); i++) {
                OptionEffect e = effects.get(i);
                views.add(new ProposalOptionEffect(i + 1, e.option().depositPercent(), e.option().monthlyInArrears(),
                        e.option().paymentTermsDays(), e.basePeakExposure(), e.optionPeakExposure(),
                        e.peakExposureChange(), e.baseLowestBalance(), e.optionLowestBalance(),
                        e.lowestBalanceLift(), e.option(), clientId, previewAsOf));
            }
            return views;
        }
    }

    public record ProposalPreview(ClientId clientId, ProposalFacts facts, List<ProposalOptionEffect> options,
                                  io.cordee.core.proposal.RenegotiationProposal proposal) {
    }

    public record ProposalPaymentHistory(int expectedDelayDays, int p90DelayDays, int basedOnInvoices) {
    }

    /**
     * A sent proposal as the caller may see it: the internal numbers and the agency's note only for
     * OWNER and FINANCE. Named after its GraphQL type, so {@code node(id:)} resolves it.
     */
    public record RenegotiationProposal(ProposalId proposalId, long version, ClientId clientId, Language language,
                                        LocalDate sentOn, SendChannel channel, String letterMarkdown, String letterHtml,
                                        ProposalAnswer answer, Integer acceptedOption, LocalDate answeredOn,
                                        String answerNote, ProposalFacts facts, List<ProposalOptionEffect> options) {

        public static RenegotiationProposal of(Caller caller, SentProposal p) {
            boolean internal = caller.seesMoney();
            return new RenegotiationProposal(p.id(), p.version(), p.clientId(), p.language(), p.sentOn(),
                    p.channel(), p.letterMarkdown(), p.letterHtml(), p.answer(), p.acceptedOption(), p.answeredOn(),
                    internal ? p.answerNote() : null, internal ? p.facts() : null,
                    internal ? ProposalOptionEffect.of(p.options()) : null);
        }
    }

    public record RenegotiationProposalPayload(RenegotiationProposal proposal, List<UserError> userErrors) {
    }

    private final ProposalService proposals;
    private final ClientService clients;

    public ProposalController(ProposalService proposals, ClientService clients) {
        this.proposals = proposals;
        this.clients = clients;
    }

    @QueryMapping
    public Mono<ProposalPreview> renegotiationProposal(@Argument String clientId,
                                                       @Argument List<ProposalOptionInput> options,
                                                       @Argument LocalDate asOf, @Argument Integer horizonWeeks) {
        return Callers.current().flatMap(caller -> {
            ClientId id = new ClientId(GlobalId.decode(clientId, ClientController.TYPE, "clientId"));
            return proposals.compute(caller, new RenegotiationProposalCommand(id, options(options), asOf,
                            horizonWeeks == null ? ProposalService.DEFAULT_HORIZON_WEEKS : horizonWeeks))
                    .map(p -> new ProposalPreview(id, p.facts(),
                            ProposalOptionEffect.of(p.options(), id, p.facts().asOf()), p));
        });
    }

    @QueryMapping
    public Mono<Connection<RenegotiationProposal>> proposals(@Argument String clientId, @Argument Integer first,
                                                             @Argument String after,
                                                             DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> {
            ClientId id = ClientController.optionalId(clientId, "clientId");
            return proposals.list(caller, id, page).map(read -> read.map(p -> RenegotiationProposal.of(caller, p)));
        });
    }

    @MutationMapping
    public Mono<RenegotiationProposalPayload> recordProposalSent(@Argument RecordProposalSentInput input) {
        return Mutations.asCaller(caller -> proposals.recordSent(caller,
                                new RecordProposalSentCommand(new ClientId(GlobalId.decode(input.clientId(),
                                        ClientController.TYPE, "clientId")), options(input.options()), input.language(),
                                        input.sentOn(), input.channel() == null ? SendChannel.EMAIL : input.channel()))
                        .map(p -> RenegotiationProposal.of(caller, p)),
                RenegotiationProposalPayload::new);
    }

    @MutationMapping
    public Mono<RenegotiationProposalPayload> recordProposalAnswer(@Argument RecordProposalAnswerInput input) {
        return Mutations.asCaller(caller -> proposals.recordAnswer(caller,
                                new RecordProposalAnswerCommand(new ProposalId(GlobalId.decode(input.proposalId(), TYPE,
                                        "proposalId")), input.version(), input.answer(), input.acceptedOption(),
                                        input.note()))
                        .map(p -> RenegotiationProposal.of(caller, p)),
                RenegotiationProposalPayload::new);
    }

    // ---- ProposalPreview -----------------------------------------------------------------------

    @SchemaMapping(typeName = "ProposalPreview")
    public Mono<Client> client(ProposalPreview preview) {
        return Callers.current().flatMap(caller -> clients.get(caller, preview.clientId()));
    }

    @SchemaMapping(typeName = "ProposalPreview")
    public Mono<String> letter(ProposalPreview preview, @Argument Language language,
                               @Argument ProposalLetter.Format format) {
        return Callers.current().flatMap(caller -> proposals.letter(caller, preview.proposal(), language, format,
                preview.facts().asOf()));
    }

    @SchemaMapping(typeName = "ProposalFacts")
    public ProposalPaymentHistory paymentHistory(ProposalFacts facts) {
        return new ProposalPaymentHistory(facts.expectedDelayDays(), facts.p90DelayDays(), facts.basedOnInvoices());
    }

    @SchemaMapping(typeName = "ProposalProjectCash")
    public String projectId(ProposalFacts.ProjectCash project) {
        return GlobalId.of("Project", project.projectId().value());
    }

    @SchemaMapping(typeName = "ProposalOptionEffect")
    public String description(ProposalOptionEffect effect, @Argument Language language) {
        return ProposalLetter.describe(effect.option(), language == null ? Language.EN : language);
    }

    // ---- RenegotiationProposal -----------------------------------------------------------------

    @BatchMapping(typeName = TYPE)
    public Mono<Map<RenegotiationProposal, Client>> client(List<RenegotiationProposal> batch) {
        return Batches.load(batch, RenegotiationProposal::clientId, clients::findAll);
    }

    private static List<ProposalOption> options(List<ProposalOptionInput> inputs) {
        return inputs == null ? null : inputs.stream().map(ProposalOptionInput::toOption).toList();
    }
}
