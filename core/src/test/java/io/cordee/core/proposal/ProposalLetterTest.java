package io.cordee.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalLetterTest {

    static final char NBSP = LetterFormats.NBSP;

    @Test
    void moneyAndDatesAsEachReaderWritesThem() {
        Money amount = Money.of(1_234_567, "EUR");
        assertThat(LetterFormats.money(amount, Language.FR)).isEqualTo("12" + NBSP + "345,67" + NBSP + "€");
        assertThat(LetterFormats.money(amount, Language.EN)).isEqualTo("€12,345.67");
        assertThat(LetterFormats.money(Money.of(-123_456_789, "EUR"), Language.EN)).isEqualTo("-€1,234,567.89");
        assertThat(LetterFormats.money(Money.of(5, "EUR"), Language.FR)).isEqualTo("0,05" + NBSP + "€");
        assertThat(LetterFormats.money(Money.of(100_000, "EUR"), Language.EN)).isEqualTo("€1,000.00");
        assertThat(LetterFormats.date(LocalDate.of(2026, 11, 23), Language.FR)).isEqualTo("23 novembre 2026");
        assertThat(LetterFormats.date(LocalDate.of(2026, 11, 23), Language.EN)).isEqualTo("November 23, 2026");
        assertThat(LetterFormats.date(LocalDate.of(2027, 6, 1), Language.FR)).isEqualTo("1er juin 2027");
        assertThat(LetterFormats.month(YearMonth.of(2027, 2), Language.FR)).isEqualTo("février 2027");
    }

    @Test
    void theLetterSaysTheFactsAndTheOptionsInAPartnersWords() {
        RenegotiationProposal proposal = ProposalCalculator.compute(ProposalCalculatorTest.inputs(),
                List.of(ProposalCalculatorTest.DEPOSIT, ProposalCalculatorTest.ALL));

        String en = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.EN,
                ProposalLetter.Format.MARKDOWN);
        assertThat(en).startsWith("# A proposal to keep our projects healthy — Atelier\n\nNovember 2, 2026\n")
                .contains("We value the work we do together")
                .contains("your projects take this share of our whole team's time: 100 % in November 2026,"
                        + " 100 % in December 2026, 100 % in January 2027. In 3 of these months that is more than"
                        + " 30 % of the whole agency.")
                .contains("Your invoices are on 60-day terms and we expect them to be paid on time.")
                .contains("instead of €30,000.00. Each invoice would be due 30 days sooner.")
                .contains("reaches €30,000.00 (week of January 25, 2027)")
                .contains("Site: 150 days from the start of the project to its first payment")
                .contains("### Option 1 — a deposit of 30 %")
                .contains("would reach at most €21,000.00 instead of €30,000.00")
                .contains("### Option 2 — a deposit of 30 % + monthly billing in arrears + payment at 30 days")
                .endsWith("Kind regards,\n\nStudio\n");

        String fr = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.FR,
                ProposalLetter.Format.MARKDOWN);
        assertThat(fr).contains("\n\n2 novembre 2026\n")
                .contains("Nous tenons au travail que nous menons ensemble")
                .contains("atteint 30" + NBSP + "000,00" + NBSP + "€ (semaine du 25 janvier 2027)")
                .contains("### Option 1 — un acompte de 30" + NBSP + "%")
                .contains("au plus 21" + NBSP + "000,00" + NBSP + "€ au lieu de 30" + NBSP + "000,00" + NBSP + "€")
                .endsWith("Bien cordialement,\n\nStudio\n");
    }

    @Test
    void theOptionsAreATableOfFiguresInBothFormats() {
        RenegotiationProposal proposal = ProposalCalculator.compute(ProposalCalculatorTest.inputs(),
                List.of(ProposalCalculatorTest.DEPOSIT, ProposalCalculatorTest.ALL));
        // option 1, a 30 % deposit: the peak falls from 30,000.00 to 21,000.00 (ADR 65), a change of -9,000.00
        String md = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.EN,
                ProposalLetter.Format.MARKDOWN);
        assertThat(md).contains("| Option | Work carried at its highest, today | With the option | Change |\n"
                + "| --- | ---: | ---: | ---: |\n| Option 1 | €30,000.00 | €21,000.00 | -€9,000.00 |\n| Option 2 |");
        String html = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.FR,
                ProposalLetter.Format.HTML);
        assertThat(html).contains("<th scope=\"col\">Travail porté au plus haut, aujourd&#39;hui</th>")
                .contains("<tr><th scope=\"row\">Option 1</th><td>30" + NBSP + "000,00" + NBSP + "€</td><td>21" + NBSP
                        + "000,00" + NBSP + "€</td><td>-9" + NBSP + "000,00" + NBSP + "€</td></tr>")
                .contains("<meta charset=\"utf-8\" />");
    }

    @Test
    void thePaymentTimingIsTheClientsOwnFromThreePaidInvoicesAndTheSegmentsBefore() {
        RenegotiationProposal computed = ProposalCalculator.compute(ProposalCalculatorTest.inputs(),
                List.of(ProposalCalculatorTest.DEPOSIT));
        // 3 paid invoices (PaymentDelayModel.MINIMUM_HISTORY) make the client's own median; 2 leave the segment's
        assertThat(letter(computed, 12, 3, Language.EN)).contains("Your invoices are on 60-day terms and have been paid"
                + " 12 days after their due date (the median of the last 3 invoices).");
        assertThat(letter(computed, 12, 2, Language.EN)).contains("Your invoices are on 60-day terms and we expect"
                + " them to be paid about 12 days after their due date.");
        assertThat(letter(computed, 0, 3, Language.EN)).contains("have been paid on time (the median of the last 3");
        assertThat(letter(computed, 12, 3, Language.FR)).contains("Vos factures sont payables à 60 jours et ont été"
                + " réglées 12 jours après leur échéance (la médiane des 3 dernières factures).");
        assertThat(letter(computed, 12, 2, Language.FR)).contains("Vos factures sont payables à 60 jours et nous"
                + " prévoyons qu'elles soient réglées environ 12 jours après leur échéance.");
    }

    @Test
    void eachOptionSaysWhatItDoesToTheWorkCarriedAheadOfPayment() {
        // the 30 % deposit lowers the peak from 30,000.00 to 21,000.00; 90-day terms, longer than the 60 days the
        // client has, leave it where it is and bring no invoice sooner
        RenegotiationProposal proposal = ProposalCalculator.compute(ProposalCalculatorTest.inputs(),
                List.of(ProposalCalculatorTest.DEPOSIT, new ProposalOption(null, false, 90)));
        String en = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.EN,
                ProposalLetter.Format.MARKDOWN);
        assertThat(en).contains("### Option 1 — a deposit of 30 %\n\nWith this option, the work we carry ahead of"
                        + " payment would reach at most €21,000.00 instead of €30,000.00.\n")
                .contains("### Option 2 — payment at 90 days\n\nWith this option, the work we carry ahead of"
                        + " payment would stay at its highest at €30,000.00.\n");
        String fr = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.FR,
                ProposalLetter.Format.MARKDOWN);
        assertThat(fr).contains("### Option 1 — un acompte de 30" + NBSP + "%\n\nAvec cette option, le travail que"
                        + " nous portons avant paiement atteindrait au plus 21" + NBSP + "000,00" + NBSP + "€ au lieu de 30"
                        + NBSP + "000,00" + NBSP + "€.\n")
                .contains("### Option 2 — un paiement à 90 jours\n\nAvec cette option, le travail que nous portons"
                        + " avant paiement resterait au plus haut à 30" + NBSP + "000,00" + NBSP + "€.\n");
    }

    /** The English or French letter in Markdown of {@code computed} with these payment delays. */
    private static String letter(RenegotiationProposal computed, int expectedDelayDays, int basedOnInvoices,
                                 Language language) {
        ProposalFacts f = computed.facts();
        ProposalFacts facts = new ProposalFacts(f.clientId(), f.clientName(), f.asOf(), f.horizonWeeks(),
                f.paymentTermsDays(), f.capacity(), f.capacityWarningPercent(), f.heavyMonths(), f.peakExposure(),
                f.peakWeek(), f.weeksAboveZero(), f.timeToFirstCash(), expectedDelayDays, expectedDelayDays,
                basedOnInvoices);
        return ProposalLetter.render(new RenegotiationProposal(facts, computed.options()), "Studio",
                LocalDate.of(2026, 11, 2), language, ProposalLetter.Format.MARKDOWN);
    }

    @Test
    void namesAreEscapedNeverInterpreted() {
        ProposalCalculator.Inputs base = ProposalCalculatorTest.inputs();
        Client hostile = new Client(ProposalCalculatorTest.ATELIER, ProposalCalculatorTest.AGENCY,
                "<script>alert('x')</script> & *Co*", Segment.SME, 60, List.of(), null, false, 0);
        RenegotiationProposal proposal = ProposalCalculator.compute(new ProposalCalculator.Inputs(hostile,
                base.forecast(), base.projects(), base.allocations(), base.team(), base.payments(), base.calendar(),
                base.timeToFirstCash(), 30), List.of(ProposalCalculatorTest.MONTHLY));

        String html = ProposalLetter.render(proposal, "Studio \"Nord\"", LocalDate.of(2026, 11, 2), Language.EN,
                ProposalLetter.Format.HTML);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *Co*")
                .contains("<p>Studio &quot;Nord&quot;</p>")
                .contains("@media print")
                .doesNotContain("<script>");
        String markdown = ProposalLetter.render(proposal, "Studio", LocalDate.of(2026, 11, 2), Language.EN,
                ProposalLetter.Format.MARKDOWN);
        assertThat(markdown).contains("\\<script\\>alert('x')\\</script\\> & \\*Co\\*");
    }
}
