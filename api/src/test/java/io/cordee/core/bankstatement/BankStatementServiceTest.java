package io.cordee.core.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.bankstatement.BankStatementService.Confirmed;
import io.cordee.core.bankstatement.BankStatementService.Line;
import io.cordee.core.bankstatement.BankStatementService.Match;
import io.cordee.core.bankstatement.BankStatementService.Proposals;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashService;
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
 * {@link BankStatementService} on the application's wiring and the real PostgreSQL (ADR 0080, update of
 * 2026-12-04): the account found by the end of its IBAN, a credit proposed by number or by client, a confirmed
 * statement written once however often it is imported, all or nothing, by money roles, within one agency. The
 * clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class BankStatementServiceTest extends TenantServiceTest {

    private static final String IBAN = "FR76 3000 6000 0112 3456 7894 321";

    @Autowired
    BankStatementService statements;
    @Autowired
    BillingService billing;
    @Autowired
    CashService cash;
    @Autowired
    ProjectService projects;

    BankAccount current;
    Project project;

    @Override
    protected String tenantName() {
        return "Statement Studio";
    }

    @BeforeEach
    void twoAccountsAndAProject() {
        current = block(cash.createAccount(owner, "Current", "4321"));
        block(cash.createAccount(owner, "Savings", "9999"));
        project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Site", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 1, 4), null, null, Money.of(1_000_000, "EUR"), 30)));
    }

    private Invoice issued(String number, long minor) {
        return block(billing.create(owner, project.id(), "Work", eur(minor), number, LocalDate.of(2027, 3, 1)));
    }

    private Invoice reread(Invoice invoice) {
        return block(billing.find(owner, invoice.id()));
    }

    /** The statement of the current account on 14 April: 15,000.00 at the close, with these credits. */
    private static BankStatement statement(BankStatement.Credit... credits) {
        return new BankStatement("CAMT.053", IBAN, LocalDate.of(2027, 4, 14), eur(1_500_000), List.of(credits));
    }

    @Test
    void creditsAreProposedConfirmedAsPaymentsAndNeverPaidTwice() {
        Invoice f101 = issued("F-101", 240_000);
        Invoice f102 = issued("F-102", 180_000);
        BankStatement statement = statement(
                new BankStatement.Credit("REF-1", eur(240_000), LocalDate.of(2027, 4, 12), "ACME", "Invoice F-101"),
                new BankStatement.Credit("REF-2", eur(180_000), LocalDate.of(2027, 4, 13), "OWN CLIENT SAS", "transfer"),
                new BankStatement.Credit("REF-3", eur(9_900), LocalDate.of(2027, 4, 13), "Someone", "refund"));

        // the IBAN ends with the current account's label (4321); 2,400.00 with its number in the text; 1,800.00
        // from a debtor whose name contains the client's ("Own Client"); 99.00 fits no open invoice
        Proposals proposals = block(statements.propose(owner, statement, null));
        assertThat(proposals.account().id()).isEqualTo(current.id());
        assertThat(proposals.lines()).extracting(Line::index, Line::proposedInvoice, Line::reason, Line::recorded)
                .containsExactly(tuple(0, f101.id(), StatementMatcher.Reason.NUMBER_AND_AMOUNT, false),
                        tuple(1, f102.id(), StatementMatcher.Reason.CLIENT_AND_AMOUNT, false),
                        tuple(2, null, null, false));

        List<Match> matches = List.of(new Match(0, f101.id()), new Match(1, f102.id()));
        Confirmed confirmed = block(statements.confirm(owner, statement, null, matches));
        assertThat(confirmed.payments()).isEqualTo(2);
        assertThat(confirmed.alreadyRecorded()).isZero();
        assertThat(confirmed.balance()).extracting(BankBalance::accountId, BankBalance::date, BankBalance::amount)
                .containsExactly(current.id(), LocalDate.of(2027, 4, 14), eur(1_500_000));
        // each paid in full on the day the bank booked it
        assertThat(List.of(reread(f101), reread(f102))).extracting(Invoice::status, Invoice::paidDate)
                .containsExactly(tuple(InvoiceStatus.PAID, LocalDate.of(2027, 4, 12)),
                        tuple(InvoiceStatus.PAID, LocalDate.of(2027, 4, 13)));

        // the same file again: both credits known, nothing paid twice, the balance of that day replaced
        Confirmed again = block(statements.confirm(owner, statement, null, matches));
        assertThat(again.payments()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(2);
        assertThat(block(billing.paymentsOfInvoices(owner, List.of(reread(f101), reread(f102)))).values())
                .allSatisfy(payments -> assertThat(payments).hasSize(1));
        assertThat(block(statements.propose(owner, statement, null)).lines()).extracting(Line::recorded)
                .containsExactly(true, true, false);
        assertThat(block(cash.balances(owner, current.id(), new PageRequest(10, null))).items()).hasSize(1);
    }

    @Test
    void aBadMatchWritesNothingNotEvenTheGoodOnesBeforeIt() {
        Invoice f103 = issued("F-103", 50_000);
        Invoice f104 = issued("F-104", 30_000);
        BankStatement statement = statement(
                new BankStatement.Credit("REF-4", eur(30_000), LocalDate.of(2027, 4, 12), "Own Client", "F-104"),
                new BankStatement.Credit("REF-5", eur(60_000), LocalDate.of(2027, 4, 13), "Own Client", "F-103"));

        // a credit not in the statement; a credit matched twice; then 600.00 on an invoice with 500.00 left, after
        // a good match that is rolled back with it
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(owner, statement, null,
                List.of(new Match(2, f104.id()))))))).containsExactly("matches OUT_OF_RANGE");
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(owner, statement, null,
                List.of(new Match(0, f104.id()), new Match(0, f103.id()))))))).containsExactly("matches DUPLICATE");
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(owner, statement, null,
                List.of(new Match(0, f104.id()), new Match(1, f103.id()))))))).containsExactly("matches OUT_OF_RANGE");

        assertThat(List.of(reread(f103), reread(f104))).extracting(Invoice::status, Invoice::paid)
                .containsExactly(tuple(InvoiceStatus.ISSUED, eur(0)), tuple(InvoiceStatus.ISSUED, eur(0)));
        assertThat(block(cash.balances(owner, current.id(), new PageRequest(10, null))).items()).isEmpty();
        assertThat(block(statements.propose(owner, statement, null)).lines()).extracting(Line::recorded)
                .containsExactly(false, false);
    }

    @Test
    void withoutARecognisedAccountTheUserChooses() {
        Invoice f105 = issued("F-105", 10_000);
        BankStatement unknown = new BankStatement("OFX", "000-111", LocalDate.of(2027, 4, 14), eur(100_000),
                List.of(new BankStatement.Credit("REF-6", eur(10_000), LocalDate.of(2027, 4, 14), null, "F-105")));
        // two open accounts, neither label ends "000111": no account proposed, and a confirmation must name one
        assertThat(block(statements.propose(owner, unknown, null)).account()).isNull();
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(owner, unknown, null,
                List.of(new Match(0, f105.id()))))))).containsExactly("accountId REQUIRED");
        assertThat(reread(f105).status()).isEqualTo(InvoiceStatus.ISSUED);

        Confirmed chosen = block(statements.confirm(owner, unknown, current.id(), List.of(new Match(0, f105.id()))));
        assertThat(chosen.payments()).isEqualTo(1);
        assertThat(reread(f105).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void onlyMoneyRolesImportAndOnlyTheirOwnAgencysInvoices() {
        Invoice f106 = issued("F-106", 20_000);
        BankStatement statement = statement(
                new BankStatement.Credit("REF-7", eur(20_000), LocalDate.of(2027, 4, 13), "Own Client", "F-106"));
        for (Role role : new Role[] {Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(statements.propose(caller, statement, null))))
                    .isInstanceOf(Forbidden.class);
            assertThat(catchThrowable(() -> block(statements.confirm(caller, statement, current.id(),
                    List.of(new Match(0, f106.id())))))).isInstanceOf(Forbidden.class);
        }

        // another agency with an account of its own: this agency's invoice is neither proposed nor payable
        Caller stranger = tenants.create("Statement Stranger").owner();
        BankAccount theirs = block(cash.createAccount(stranger, "Theirs", "4321"));
        assertThat(block(statements.propose(stranger, statement, null)).lines()).extracting(Line::proposedInvoice)
                .containsOnlyNulls();
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(stranger, statement, theirs.id(),
                List.of(new Match(0, f106.id()))))))).containsExactly("matches NOT_FOUND");
        // nor can it name this agency's account
        assertThat(refusal(catchThrowable(() -> block(statements.confirm(stranger, statement, current.id(),
                List.of()))))).containsExactly("accountId NOT_FOUND");
        assertThat(reread(f106)).extracting(Invoice::status, Invoice::paid).containsExactly(InvoiceStatus.ISSUED,
                eur(0));
    }
}
