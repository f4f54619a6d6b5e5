package io.cordee.core.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The proposals of ADR 52: number first, then client name, only unambiguous, an invoice once. */
class StatementMatcherTest {

    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final Client NORD = client("Atelier Nord");
    static final Client SUD = client("Atelier Sud");
    static final Map<ClientId, Client> CLIENTS = Map.of(NORD.id(), NORD, SUD.id(), SUD);

    @Test
    void theNumberMustBeAWholeWordAndTheAmountExact() {
        Invoice f12 = issued(NORD, "F-12", 100_000, 0);
        Invoice f123 = issued(SUD, "F-123", 100_000, 0);
        // "F-123" in the text names F-123 only, not F-12; 1 000,00 € due on both
        assertThat(propose(credit(100_000, "Facture F-123", "X"), f12, f123))
                .containsExactly(new StatementMatcher.Proposal(0, f123.id(), StatementMatcher.Reason.NUMBER_AND_AMOUNT));
        // 999,99 € is not 1 000,00 €: nothing, even with the number
        assertThat(propose(credit(99_999, "F-12", "Atelier Nord"), f12).get(0).invoiceId()).isNull();
    }

    @Test
    void whatIsStillDueCountsAndAPaidInvoiceIsNotOpen() {
        // 1 500,00 € invoiced, 500,00 € received: 1 000,00 € due, so a 1 000,00 € credit matches it
        Invoice part = issued(NORD, "F-1", 150_000, 50_000);
        assertThat(propose(credit(100_000, "F-1", null), part).get(0).invoiceId()).isEqualTo(part.id());
        Invoice paid = new Invoice(part.id(), AGENCY, NORD.id(), null, null, "F-1", "x", InvoiceStatus.PAID,
                part.issueDate(), part.dueDate(), part.amount(), part.amount(), LocalDate.of(2026, 11, 1), 1);
        assertThat(propose(credit(150_000, "F-1", null), paid).get(0).invoiceId()).isNull();
    }

    @Test
    void byClientNameOnlyWhenOneInvoiceOfThatAmountAndAnInvoiceOnlyOnce() {
        Invoice a = issued(NORD, "F-1", 20_000, 0);
        Invoice b = issued(NORD, "F-2", 20_000, 0);
        // two invoices of 200,00 € to Atelier Nord: which one is a guess, so none is proposed
        assertThat(propose(credit(20_000, "virement", "ATELIER NORD SAS"), a, b).get(0).invoiceId()).isNull();
        // the first credit takes F-1 by its number; the second, by name, can only be F-2
        assertThat(StatementMatcher.propose(List.of(credit(20_000, "F-1", "Atelier Nord"),
                        credit(20_000, "virement", "Atelier-Nord")), List.of(a, b), CLIENTS))
                .extracting(StatementMatcher.Proposal::invoiceId).containsExactly(a.id(), b.id());
        Invoice only = issued(SUD, "F-3", 30_000, 0);
        assertThat(propose(credit(30_000, "virement", "atelier sud"), only))
                .containsExactly(new StatementMatcher.Proposal(0, only.id(), StatementMatcher.Reason.CLIENT_AND_AMOUNT));
    }

    private static List<StatementMatcher.Proposal> propose(BankStatement.Credit credit, Invoice... invoices) {
        return StatementMatcher.propose(List.of(credit), List.of(invoices), CLIENTS);
    }

    private static BankStatement.Credit credit(long minor, String text, String debtor) {
        return new BankStatement.Credit("k" + minor + text, Money.of(minor, "EUR"), LocalDate.of(2026, 11, 20), debtor,
                text);
    }

    private static Invoice issued(Client client, String number, long amount, long paid) {
        return new Invoice(new InvoiceId(UUID.randomUUID()), AGENCY, client.id(), null, null, number, "x",
                InvoiceStatus.ISSUED, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Money.of(amount, "EUR"),
                Money.of(paid, "EUR"), null, 0);
    }

    private static Client client(String name) {
        return new Client(new ClientId(UUID.randomUUID()), AGENCY, name, Segment.SME, 30, List.of(), null, false, 0);
    }
}
