package io.cordee.api.bankstatement;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.bankstatement.BankStatement;
import io.cordee.core.bankstatement.BankStatementService;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Bank statements in GraphQL (ADR 52): the proposals of an uploaded statement, and the user's confirmation. */
@Controller
public class BankStatementController {

    private final BankStatementService statements;
    private final BankStatementJobs jobs;
    private final BillingService billing;

    public BankStatementController(BankStatementService statements, BankStatementJobs jobs, BillingService billing) {
        this.statements = statements;
        this.jobs = jobs;
        this.billing = billing;
    }

    public record StatementView(String id, String format, String fileName, String accountRef, BankAccount account,
                                LocalDate balanceDate, Money closingBalance, List<CreditView> credits) {
    }

    public record CreditView(int index, Money amount, LocalDate bookedOn, String debtorName, String remittance,
                             InvoiceId proposedInvoiceId, String matchReason, boolean alreadyRecorded) {
    }

    public record MatchInput(int credit, String invoiceId) {
    }

    public record ConfirmBankStatementInput(String id, String accountId, List<MatchInput> matches) {
    }

    public record ConfirmBankStatementPayload(Integer payments, Integer alreadyRecorded, BankBalance bankBalance,
                                              List<UserError> userErrors) {
    }

    private static Mono<Caller> moneyCaller() {
        return Callers.current().map(caller -> caller.require(Caller.MONEY_ROLES, "import bank statements"));
    }

    private static BankAccountId accountId(String id) {
        return id == null ? null : new BankAccountId(GlobalId.decode(id, "BankAccount", "accountId"));
    }

    @QueryMapping
    public Mono<StatementView> bankStatementImport(@Argument String id, @Argument String accountId) {
        return moneyCaller().flatMap(caller -> Mono.justOrEmpty(GlobalId.find(id, BankStatementJobs.TYPE)
                .flatMap(uuid -> jobs.find(caller.agencyId(), uuid))).flatMap(job -> statements
                    .propose(caller, job.statement(), accountId(accountId))
                    .map(p -> new StatementView(id, job.statement().format(), job.fileName(),
                            job.statement().accountRef(), p.account(), job.statement().balanceDate(),
                            job.statement().closingBalance(), p.lines().stream().map(l -> new CreditView(l.index(),
                                    l.credit().amount(), l.credit().bookedOn(), l.credit().debtorName(),
                                    l.credit().remittance(), l.proposedInvoice(),
                                    l.reason() == null ? null : l.reason().name(), l.recorded())).toList()))));
    }

    @SchemaMapping(typeName = "BankStatementCredit")
    public Mono<Invoice> proposedInvoice(CreditView credit) {
        return credit.proposedInvoiceId() == null ? Mono.empty()
                : Callers.current().flatMap(caller -> billing.find(caller, credit.proposedInvoiceId()));
    }

    @MutationMapping
    public Mono<ConfirmBankStatementPayload> confirmBankStatement(@Argument ConfirmBankStatementInput input) {
        return Mutations.payload(moneyCaller().flatMap(caller -> {
                    UUID uuid = GlobalId.decode(input.id(), BankStatementJobs.TYPE, "id");
                    BankStatementJobs.Job job = jobs.find(caller.agencyId(), uuid).orElseThrow(() -> InvalidInput.of(
                            "id", "no such bank statement (one is kept an hour after its upload)", ErrorCode.NOT_FOUND));
                    List<BankStatementService.Match> matches = input.matches().stream()
                            .map(m -> new BankStatementService.Match(m.credit(),
                                    new InvoiceId(GlobalId.decode(m.invoiceId(), "Invoice", "matches"))))
                            .toList();
                    BankStatement statement = job.statement();
                    return statements.confirm(caller, statement, accountId(input.accountId()), matches);
                }),
                c -> new ConfirmBankStatementPayload(c.payments(), c.alreadyRecorded(), c.balance(), List.of()),
                errors -> new ConfirmBankStatementPayload(null, null, null, errors));
    }
}
