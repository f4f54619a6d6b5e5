package io.cordee.core.bankstatement;

import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bank statements in (ADR 52): proposes an open invoice for each credit of a parsed statement, and on the
 * user's confirmation records, in ONE transaction, a payment per confirmed match and the closing balance at the
 * statement's date. A credit already recorded (same account, same key) is never paid twice. OWNER and FINANCE.
 */
public final class BankStatementService {

    /** A credit with what is proposed for it; {@code recorded} when a former import already paid it. */
    public record Line(int index, BankStatement.Credit credit, InvoiceId proposedInvoice,
                       StatementMatcher.Reason reason, boolean recorded) {
    }

    /** The proposals: the account the statement is for ({@code null} when the user must choose), and the lines. */
    public record Proposals(BankAccount account, List<Line> lines) {
    }

    /** The user's confirmation: credit {@code credit} (its index in the statement) pays {@code invoiceId}. */
    public record Match(int credit, InvoiceId invoiceId) {
    }

    public record Confirmed(int payments, int alreadyRecorded, BankBalance balance) {
    }

    private final BillingRepository billing;
    private final BillingService billingService;
    private final ClientRepository clients;
    private final CashService cash;
    private final BankStatementLineRepository lines;
    private final TransactionRunner tx;

    public BankStatementService(BillingRepository billing, BillingService billingService, ClientRepository clients,
                                CashService cash, BankStatementLineRepository lines, TransactionRunner tx) {
        this.billing = billing;
        this.billingService = billingService;
        this.clients = clients;
        this.cash = cash;
        this.lines = lines;
        this.tx = tx;
    }

    public Mono<Proposals> propose(Caller caller, BankStatement statement, BankAccountId accountId) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import bank statements"))
                .then(cash.accounts(caller))
                .flatMap(accounts -> {
                    Optional<BankAccount> account = account(accounts, statement, accountId);
                    Mono<Set<String>> recorded = account.map(a -> lines.recorded(caller.agencyId(), a.id(),
                                    statement.credits().stream().map(BankStatement.Credit::key).toList())
                            .collect(Collectors.toSet())).orElse(Mono.just(Set.of()));
                    return Mono.zip(recorded, billing.findAllInvoices(caller.agencyId()).collectList(),
                            clients.findAll(caller.agencyId()).collectMap(Client::id, Function.identity()))
                            .map(t -> {
                                List<BankStatement.Credit> fresh = statement.credits().stream()
                                        .filter(c -> !t.getT1().contains(c.key())).toList();
                                List<StatementMatcher.Proposal> proposed =
                                        StatementMatcher.propose(fresh, t.getT2(), t.getT3());
                                java.util.ArrayList<Line> out = new java.util.ArrayList<>();
                                int f = 0;
                                for (int n = 0; n < statement.credits().size(); n++) {
                                    BankStatement.Credit c = statement.credits().get(n);
                                    if (t.getT1().contains(c.key())) {
                                        out.add(new Line(n, c, null, null, true));
                                    } else {
                                        StatementMatcher.Proposal p = proposed.get(f++);
                                        out.add(new Line(n, c, p.invoiceId(), p.reason(), false));
                                    }
                                }
                                return new Proposals(account.orElse(null), List.copyOf(out));
                            });
                });
    }

    /**
     * Writes the confirmed matches as payments and the closing balance, all or nothing. A match whose credit was
     * recorded already is skipped (counted in {@code alreadyRecorded}); a bad match is an {@link InvalidInput} on
     * {@code matches} and nothing is written.
     */
    public Mono<Confirmed> confirm(Caller caller, BankStatement statement, BankAccountId accountId,
                                   List<Match> matches) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import bank statements"))
                .then(cash.accounts(caller))
                .flatMap(accounts -> {
                    BankAccount account = account(accounts, statement, accountId).orElseThrow(() -> InvalidInput.of(
                            "accountId", "choose the account: the statement's account (" + statement.accountRef()
                                    + ") is not recognised among the agency's open accounts", ErrorCode.REQUIRED));
                    Set<Integer> credits = new HashSet<>();
                    Set<InvoiceId> invoices = new HashSet<>();
                    for (Match m : matches) {
                        if (m.credit() < 0 || m.credit() >= statement.credits().size()) {
                            throw InvalidInput.of("matches", "credit " + m.credit() + " is not in the statement",
                                    ErrorCode.OUT_OF_RANGE);
                        }
                        if (!credits.add(m.credit()) || !invoices.add(m.invoiceId())) {
                            throw InvalidInput.of("matches", "a credit or an invoice is matched twice",
                                    ErrorCode.DUPLICATE);
                        }
                    }
                    Mono<int[]> payments = Flux.fromIterable(matches).concatMap(m -> {
                        BankStatement.Credit c = statement.credits().get(m.credit());
                        return billing.findInvoice(caller.agencyId(), m.invoiceId())
                                .switchIfEmpty(Mono.error(() -> InvalidInput.of("matches", "no such invoice",
                                        ErrorCode.NOT_FOUND)))
                                .flatMap(invoice -> lines.record(caller.agencyId(), account.id(), c.key(),
                                                m.invoiceId(), c.amount(), c.bookedOn())
                                        .flatMap(fresh -> !fresh ? Mono.just(0) : check(invoice, c)
                                                .then(billingService.recordPayment(caller, m.invoiceId(), null,
                                                        c.amount(), c.bookedOn()))
                                                .thenReturn(1)));
                    }).reduce(new int[2], (acc, written) -> {
                        acc[written == 1 ? 0 : 1]++;
                        return acc;
                    });
                    return tx.inTransaction(payments.flatMap(counts -> cash.recordBalance(caller, account.id(),
                                    statement.balanceDate(), statement.closingBalance())
                            .map(balance -> new Confirmed(counts[0], counts[1], balance))));
                });
    }

    private static Mono<Void> check(Invoice invoice, BankStatement.Credit credit) {
        if (!invoice.balanceDue().currency().equals(credit.amount().currency())
                || invoice.balanceDue().minorUnits() < credit.amount().minorUnits()) {
            return Mono.error(InvalidInput.of("matches", "invoice " + (invoice.number() == null ? invoice.id().value()
                    : invoice.number()) + " has " + invoice.balanceDue().minorUnits()
                    + " minor units left to pay, less than the credit (" + credit.amount().minorUnits() + ")",
                    ErrorCode.OUT_OF_RANGE));
        }
        return Mono.empty();
    }

    /**
     * The account: the one chosen, else the open account whose label (at least 4 characters, spaces ignored) ends
     * the statement's IBAN or account id, else the agency's only open account; empty when the user must choose.
     */
    static Optional<BankAccount> account(List<BankAccount> accounts, BankStatement statement, BankAccountId chosen) {
        if (chosen != null) {
            return Optional.of(BankAccount.chosen(accounts, chosen, "import its statements"));
        }
        List<BankAccount> open = accounts.stream().filter(a -> !a.archived()).toList();
        String ref = compact(statement.accountRef());
        List<BankAccount> byRef = ref.isEmpty() ? List.of() : open.stream().filter(a -> {
            String label = compact(a.label());
            return label.length() >= 4 && ref.endsWith(label);
        }).toList();
        if (byRef.size() == 1) {
            return Optional.of(byRef.get(0));
        }
        return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
    }

    private static String compact(String s) {
        return s == null ? "" : s.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
