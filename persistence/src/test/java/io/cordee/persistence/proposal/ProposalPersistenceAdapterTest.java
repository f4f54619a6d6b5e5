package io.cordee.persistence.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.proposal.Language;
import io.cordee.core.proposal.OptionEffect;
import io.cordee.core.proposal.ProposalAnswer;
import io.cordee.core.proposal.ProposalFacts;
import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.ProposalOption;
import io.cordee.core.proposal.SendChannel;
import io.cordee.core.proposal.SentProposal;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class ProposalPersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final ProposalPersistenceAdapter adapter = new ProposalPersistenceAdapter(db,
            new ProposalRowMapperImpl(new ProposalJson()));
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** For each test (a new instance per test): an agency with two clients, and another agency. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();
    private final ClientId x = TestDatabase.newClient(agency);
    private final ClientId y = TestDatabase.newClient(agency);

    private SentProposal proposal(ClientId client, String sentOn) {
        Money eur = Money.of(1_234_567, "EUR");
        ProposalFacts facts = new ProposalFacts(client, "Atelier <b>", LocalDate.parse(sentOn), 26, 60,
                List.of(new ProposalFacts.MonthShare(YearMonth.of(2026, 11), new BigDecimal("0.433333")),
                        new ProposalFacts.MonthShare(YearMonth.of(2026, 12), BigDecimal.ZERO)),
                30, List.of(YearMonth.of(2026, 11)), eur, LocalDate.of(2027, 1, 25), 21,
                List.of(new ProposalFacts.ProjectCash(new ProjectId(ids.newId()), "Site", LocalDate.of(2026, 10, 1),
                        120L), new ProposalFacts.ProjectCash(new ProjectId(ids.newId()), "App", LocalDate.of(2026, 11, 2),
                        null)),
                46, 51, 4);
        List<OptionEffect> options = List.of(
                new OptionEffect(new ProposalOption(30, true, null), eur, Money.of(-5, "EUR"), Money.of(0, "EUR"),
                        Money.of(900_000, "EUR")),
                new OptionEffect(new ProposalOption(null, false, 30), eur, eur, Money.of(0, "EUR"),
                        Money.of(1, "EUR")));
        return new SentProposal(new ProposalId(ids.newId()), agency, client, Language.FR, LocalDate.parse(sentOn),
                SendChannel.POST, facts, options, "# Lettre", "<h1>Lettre</h1>", null, null, null, null, 0);
    }

    @Test
    void roundTripsEveryFieldWithinItsAgencyOnly() {
        SentProposal sent = proposal(x, "2026-11-23");
        assertThat(adapter.insert(sent).block()).isEqualTo(sent);
        assertThat(adapter.find(agency, sent.id()).block()).isEqualTo(sent);
        assertThat(adapter.find(otherAgency, sent.id()).block()).isNull();
    }

    @Test
    void theAnswerIsWrittenFromTheVersionReadOnly() {
        SentProposal sent = adapter.insert(proposal(x, "2026-11-23")).block();
        SentProposal accepted = sent.answered(ProposalAnswer.ACCEPTED, 1, "ok", LocalDate.of(2026, 11, 30), 0);
        SentProposal saved = adapter.updateAnswer(accepted).block();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.answer()).isEqualTo(ProposalAnswer.ACCEPTED);
        assertThat(saved.accepted().option()).isEqualTo(new ProposalOption(30, true, null));
        assertThat(saved.answeredOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        // the same version again is stale: nothing written
        assertThat(adapter.updateAnswer(accepted.answered(ProposalAnswer.DECLINED, null, null,
                LocalDate.of(2026, 12, 1), 0)).block()).isNull();
        assertThat(adapter.find(agency, sent.id()).block().answer()).isEqualTo(ProposalAnswer.ACCEPTED);
    }

    @Test
    void pagesAreNewestFirstAndOfOneClientWhenAsked() {
        SentProposal first = adapter.insert(proposal(x, "2026-09-01")).block();
        SentProposal second = adapter.insert(proposal(y, "2026-10-01")).block();
        SentProposal third = adapter.insert(proposal(x, "2026-11-01")).block();

        Page<SentProposal> page = adapter.findPage(agency, null, new PageRequest(2, null)).block();
        assertThat(page.items()).extracting(SentProposal::id).containsExactly(third.id(), second.id());
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.totalCount()).isEqualTo(3);
        Page<SentProposal> next = adapter.findPage(agency, null, new PageRequest(2, page.edges().get(1).cursor()))
                .block();
        assertThat(next.items()).extracting(SentProposal::id).containsExactly(first.id());

        assertThat(adapter.findPage(agency, x, new PageRequest(10, null)).block().items())
                .extracting(SentProposal::id).containsExactly(third.id(), first.id());
        assertThat(adapter.findPage(otherAgency, x, new PageRequest(10, null)).block().totalCount()).isZero();
    }
}
