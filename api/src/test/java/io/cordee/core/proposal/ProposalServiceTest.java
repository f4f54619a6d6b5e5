package io.cordee.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Milestone;
import io.cordee.core.cash.CashService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link ProposalService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * computing writes nothing; a sent proposal is a fact of today or before; an accepted deposit becomes the billing
 * plan of the client's running project, with the answer, worked out by hand; an accepted proposal is final;
 * roles and agencies. The clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class ProposalServiceTest extends TenantServiceTest {

    private static final PageRequest ALL = new PageRequest(20, null);

    @Autowired
    ProposalService proposals;
    @Autowired
    BillingService billing;
    @Autowired
    CashService cash;
    @Autowired
    ProjectService projects;

    Caller finance;
    Project project;

    @Override
    protected String tenantName() {
        return "Proposal Studio";
    }

    /**
     * 10,000.00 in the bank on Monday 12 April (a proposal sent yesterday reads the facts of yesterday); the client's
     * project: 20,000.00 from 3 May to 30 July, all billed at the launch.
     */
    @BeforeEach
    void aClientBilledAtTheLaunch() {
        finance = as(Role.FINANCE);
        block(cash.recordBalance(owner, LocalDate.of(2027, 4, 12), Money.of(1_000_000, "EUR")));
        project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Site", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 7, 30), null, Money.of(2_000_000, "EUR"), 30)));
        block(billing.setPlan(finance, project.id(), null, new BillingPlan(0, List.of(
                new Milestone("Launch", LocalDate.of(2027, 7, 30), 100)), false)));
    }

    private SentProposal sent() {
        return block(proposals.recordSent(finance, tenant.ownClient().id(), ProposalOption.DEFAULTS, Language.EN,
                null));
    }

    private List<Invoice> invoices() {
        return block(billing.invoicesOfProjects(owner, List.of(project.id()))).invoices();
    }

    @Test
    void anAcceptedDepositBecomesTheRunningProjectsPlanWithTheAnswer() {
        SentProposal proposal = sent();
        assertThat(proposal).extracting(SentProposal::sentOn, SentProposal::channel, SentProposal::answer)
                .containsExactly(TODAY, SendChannel.EMAIL, null);
        assertThat(proposal.options()).hasSize(3);
        assertThat(proposal.letterMarkdown()).contains("Proposal Studio");

        // option 1 of the defaults: a 30 % deposit
        SentProposal accepted = block(proposals.recordAnswer(finance, proposal.id(), proposal.version(),
                ProposalAnswer.ACCEPTED, 1, " Signed on the call "));
        assertThat(accepted).extracting(SentProposal::answer, SentProposal::acceptedOption,
                SentProposal::answerNote, SentProposal::answeredOn)
                .containsExactly(ProposalAnswer.ACCEPTED, 1, "Signed on the call", TODAY);

        // the plan keeps its rhythm: 30 % on the start, the launch milestone scaled to the 70 % left;
        // 30 % of 20,000.00 = 6,000.00 on 3 May, 20,000 − 6,000 = 14,000.00 on 30 July
        assertThat(block(billing.plan(owner, project.id())).plan()).isEqualTo(new BillingPlan(30, List.of(
                new Milestone("Launch", LocalDate.of(2027, 7, 30), 70)), false));
        assertThat(invoices()).extracting(Invoice::planKey, Invoice::issueDate, Invoice::amount)
                .containsExactly(tuple("deposit", LocalDate.of(2027, 5, 3), Money.of(600_000, "EUR")),
                        tuple("milestone:1", LocalDate.of(2027, 7, 30), Money.of(1_400_000, "EUR")));

        // an accepted proposal is final
        assertThat(refusal(catchThrowable(() -> block(proposals.recordAnswer(finance, proposal.id(),
                accepted.version(), ProposalAnswer.DECLINED, null, null))))).containsExactly("answer INVALID_FORMAT");
    }

    @Test
    void aDeclinedProposalChangesNoBillingAndAStaleOrImpossibleAnswerWritesNothing() {
        SentProposal proposal = sent();
        SentProposal declined = block(proposals.recordAnswer(finance, proposal.id(), proposal.version(),
                ProposalAnswer.DECLINED, null, null));
        assertThat(declined.answer()).isEqualTo(ProposalAnswer.DECLINED);
        assertThat(invoices()).extracting(Invoice::planKey, Invoice::amount)
                .containsExactly(tuple("milestone:1", Money.of(2_000_000, "EUR")));

        // the version read before the answer; an option the proposal does not have (it has 3)
        assertThat(catchThrowable(() -> block(proposals.recordAnswer(finance, proposal.id(), proposal.version(),
                ProposalAnswer.ACCEPTED, 1, null)))).isInstanceOf(Conflict.class);
        assertThat(refusal(catchThrowable(() -> block(proposals.recordAnswer(finance, proposal.id(),
                declined.version(), ProposalAnswer.ACCEPTED, 4, null))))).containsExactly("acceptedOption OUT_OF_RANGE");
        assertThat(block(proposals.find(owner, proposal.id()))).extracting(SentProposal::answer,
                SentProposal::version).containsExactly(ProposalAnswer.DECLINED, declined.version());
        assertThat(invoices()).hasSize(1);
        assertThat(invoices().get(0).status()).isEqualTo(InvoiceStatus.PLANNED);
    }

    @Test
    void computingWritesNothingAndASentProposalIsNotInTheFuture() {
        RenegotiationProposal computed = block(proposals.compute(owner, tenant.ownClient().id(), null, null, 26));
        assertThat(computed.options()).hasSize(3);
        assertThat(block(proposals.list(owner, null, ALL)).items()).isEmpty();
        assertThat(refusal(catchThrowable(() -> block(proposals.compute(owner, tenant.ownClient().id(), null, null,
                0))))).containsExactly("horizonWeeks OUT_OF_RANGE");

        assertThat(refusal(catchThrowable(() -> block(proposals.recordSent(finance, tenant.ownClient().id(),
                ProposalOption.DEFAULTS, Language.FR, TODAY.plusDays(1)))))).containsExactly("sentOn OUT_OF_RANGE");
        assertThat(block(proposals.list(owner, null, ALL)).items()).isEmpty();
        // sent yesterday, by post: as of that day
        SentProposal yesterday = block(proposals.recordSent(finance, tenant.ownClient().id(),
                ProposalOption.DEFAULTS, Language.FR, TODAY.minusDays(1), SendChannel.POST));
        assertThat(yesterday).extracting(SentProposal::sentOn, SentProposal::channel, SentProposal::language)
                .containsExactly(TODAY.minusDays(1), SendChannel.POST, Language.FR);
    }

    @Test
    void aLeadSeesNoneTheClientUserItsOwnAndAnotherAgencyNothing() {
        SentProposal proposal = sent();
        Caller lead = as(Role.LEAD);
        Caller client = as(Role.CLIENT);

        assertThat(catchThrowable(() -> block(proposals.compute(lead, tenant.ownClient().id(), null, null, 26))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(proposals.recordAnswer(lead, proposal.id(), proposal.version(),
                ProposalAnswer.DECLINED, null, null)))).isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(proposals.list(lead, null, ALL)))).isInstanceOf(Forbidden.class);
        assertThat(block(proposals.find(lead, proposal.id()))).isNull();
        // the client user reads the letters sent to its own client, and cannot answer for the agency
        assertThat(block(proposals.list(client, null, ALL)).items()).extracting(SentProposal::id)
                .containsExactly(proposal.id());
        assertThat(block(proposals.find(client, proposal.id())).letterHtml()).isEqualTo(proposal.letterHtml());
        assertThat(catchThrowable(() -> block(proposals.recordAnswer(client, proposal.id(), proposal.version(),
                ProposalAnswer.ACCEPTED, 1, null)))).isInstanceOf(Forbidden.class);

        Caller stranger = tenants.create("Proposal Stranger").owner();
        assertThat(block(proposals.find(stranger, proposal.id()))).isNull();
        assertThat(block(proposals.list(stranger, tenant.ownClient().id(), ALL)).items()).isEmpty();
        assertThat(refusal(catchThrowable(() -> block(proposals.compute(stranger, tenant.ownClient().id(), null,
                null, 26))))).containsExactly("clientId NOT_FOUND");
        assertThat(refusal(catchThrowable(() -> block(proposals.recordAnswer(stranger, proposal.id(),
                proposal.version(), ProposalAnswer.ACCEPTED, 1, null))))).containsExactly("proposalId NOT_FOUND");
        assertThat(block(proposals.find(owner, proposal.id())).answer()).isNull();
        assertThat(invoices()).extracting(Invoice::planKey).containsExactly("milestone:1");
    }
}
