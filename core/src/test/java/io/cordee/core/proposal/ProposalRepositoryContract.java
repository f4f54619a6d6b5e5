package io.cordee.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProposalRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class ProposalRepositoryContract extends PortContract {

    private static final LocalDate NOV_2 = LocalDate.of(2027, 11, 2);

    protected abstract ProposalRepository proposals();

    private ProposalRepository proposals;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId alpha;
    private ClientId bravo;

    protected ProposalRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgenciesAndTwoClients() {
        proposals = proposals();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        alpha = world().newClient(agency, "Alpha");
        bravo = world().newClient(agency, "Bravo");
    }

    @Test
    void aSentProposalIsFoundAsItWasSentFiguresToTheCentIncluded() {
        SentProposal sent = proposal(alpha, NOV_2);
        assertThat(proposals.insert(sent).block()).isEqualTo(sent);
        SentProposal found = proposals.find(agency, sent.id()).block();
        assertThat(found).isEqualTo(sent);
        // the peak exposure as the letter said it: 12,345.67 EUR
        assertThat(found.facts().peakExposure()).isEqualTo(Money.of(1_234_567, "EUR"));
        assertThat(found.options().get(1).optionLowestBalance()).isEqualTo(Money.of(-250_001, "EUR"));
        assertThat(proposals.find(agency, new ProposalId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void pagesNewestFirstThenByIdEachOnceWithTheWholeCount() {
        // sent 2, 9 (two) and 16 November to alpha, 5 November to bravo: newest first, ties by id descending
        SentProposal nov2 = proposals.insert(proposal(alpha, NOV_2)).block();
        SentProposal nov9a = proposals.insert(proposal(alpha, NOV_2.plusDays(7))).block();
        SentProposal nov16 = proposals.insert(proposal(alpha, NOV_2.plusDays(14))).block();
        SentProposal nov5 = proposals.insert(proposal(bravo, NOV_2.plusDays(3))).block();
        SentProposal nov9b = proposals.insert(proposal(alpha, NOV_2.plusDays(7))).block();
        List<SentProposal> nov9 = Stream.of(nov9a, nov9b)
                .sorted(Comparator.comparing((SentProposal p) -> p.id().value(), StoredOrder.IDS).reversed()).toList();

        // pages of 2 over 5: 2, 2, 1, the page break between the two of 9 November
        Pages.Walk<SentProposal> walk = Pages.walk(after -> proposals.findPage(agency, null,
                new PageRequest(2, after)).block());
        assertThat(walk.sizes()).containsExactly(2, 2, 1);
        assertThat(walk.totals()).containsOnly(5L);
        assertThat(walk.items()).containsExactly(nov16, nov9.get(0), nov9.get(1), nov5, nov2);

        // of one client: bravo's only
        Page<SentProposal> ofBravo = proposals.findPage(agency, bravo, new PageRequest(10, null)).block();
        assertThat(ofBravo.items()).containsExactly(nov5);
        assertThat(ofBravo.totalCount()).isEqualTo(1);
    }

    @Test
    void theAnswerIsWrittenFromTheVersionReadOnlyAndTheLetterNeverChanges() {
        SentProposal sent = proposals.insert(proposal(alpha, NOV_2)).block();
        SentProposal accepted = proposals.updateAnswer(sent.answered(ProposalAnswer.ACCEPTED, 2, "Option 2, fine",
                NOV_2.plusDays(6), 0)).block();
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(accepted.accepted()).isEqualTo(sent.options().get(1));
        // the letter and the figures are what was sent, whatever the answer carries
        assertThat(accepted.letterMarkdown()).isEqualTo(sent.letterMarkdown());
        assertThat(accepted.facts()).isEqualTo(sent.facts());
        // a second answer from version 0 is stale
        assertThat(proposals.updateAnswer(sent.answered(ProposalAnswer.DECLINED, null, null, NOV_2.plusDays(7), 0))
                .block()).isNull();
        assertThat(proposals.find(agency, sent.id()).block()).isEqualTo(accepted);
    }

    @Test
    void anotherAgencyNeverSeesNorAnswersTheProposal() {
        SentProposal sent = proposals.insert(proposal(alpha, NOV_2)).block();
        assertThat(proposals.find(otherAgency, sent.id()).block()).isNull();
        assertThat(proposals.findPage(otherAgency, null, new PageRequest(10, null)).block().totalCount()).isZero();
        assertThat(proposals.findPage(otherAgency, alpha, new PageRequest(10, null)).block().items()).isEmpty();
        // the right id and version, claimed by the other agency: nothing written
        SentProposal claimed = new SentProposal(sent.id(), otherAgency, alpha, sent.language(), sent.sentOn(),
                sent.channel(), sent.facts(), sent.options(), sent.letterMarkdown(), sent.letterHtml(), null, null,
                null, null, 0).answered(ProposalAnswer.DECLINED, null, "Hijack", NOV_2.plusDays(1), 0);
        assertThat(proposals.updateAnswer(claimed).block()).isNull();
        assertThat(proposals.find(agency, sent.id()).block()).isEqualTo(sent);
    }

    private SentProposal proposal(ClientId client, LocalDate sentOn) {
        Money peak = Money.of(1_234_567, "EUR");
        // capacity 43.3333 % in November, nothing in December; 30-day terms; the deposit option lowers the peak
        ProposalFacts facts = new ProposalFacts(client, "Atelier Nord", sentOn, 26, 30,
                List.of(new ProposalFacts.MonthShare(YearMonth.of(2027, 11), new BigDecimal("0.433333")),
                        new ProposalFacts.MonthShare(YearMonth.of(2027, 12), BigDecimal.ZERO)),
                40, List.of(YearMonth.of(2027, 11)), peak, sentOn.plusWeeks(5), 9, List.of(), 12, 31, 4);
        List<OptionEffect> options = List.of(
                new OptionEffect(new ProposalOption(30, false, null), peak, Money.of(864_197, "EUR"),
                        Money.of(-400_000, "EUR"), Money.of(-100_000, "EUR")),
                new OptionEffect(new ProposalOption(null, true, 15), peak, Money.of(1_000_000, "EUR"),
                        Money.of(-400_000, "EUR"), Money.of(-250_001, "EUR")));
        return new SentProposal(new ProposalId(UUID.randomUUID()), agency, client, Language.EN, sentOn,
                SendChannel.EMAIL, facts, options, "# Letter", "<h1>Letter</h1>", null, null, null, null, 0);
    }
}
