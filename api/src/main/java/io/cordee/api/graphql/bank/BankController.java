package io.cordee.api.graphql.bank;

import io.cordee.core.cash.CreateBankAccountCommand;
import io.cordee.api.graphql.cash.CashController.DeletePayload;
import io.cordee.api.graphql.cash.CashController.OneOffExpensePayload;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.OneOffExpense;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Bank accounts and their balances (ADR 0035), and the editing of one-off expenses. OWNER and FINANCE only. */
@Controller
public class BankController {

    public static final String TYPE = "BankAccount";
    public static final String BALANCE_TYPE = "BankBalance";

    public record CreateBankAccountInput(String name, String label) {
    }

    public record UpdateBankAccountInput(String id, Long version, String name, String label, Boolean archived) {
    }

    public record ArchiveBankAccountInput(String id, Long version) {
    }

    public record DeleteBankBalanceInput(String id) {
    }

    public record UpdateOneOffExpenseInput(String id, Long version, String label, LocalDate date, MoneyInput amount) {
    }

    public record BankAccountPayload(BankAccount bankAccount, List<UserError> userErrors) {
    }

    private final CashService cash;
    private final AgencyService agencies;

    public BankController(CashService cash, AgencyService agencies) {
        this.cash = cash;
        this.agencies = agencies;
    }

    /** An account's id from its global id, the input field named in the error when it is not one. */
    public static BankAccountId accountId(String globalId, String field) {
        return new BankAccountId(GlobalId.decode(globalId, TYPE, field));
    }

    @QueryMapping
    public Mono<List<BankAccount>> bankAccounts() {
        return Callers.current().flatMap(cash::accounts);
    }

    @SchemaMapping(typeName = TYPE)
    public String currency(BankAccount account) {
        return account.currency().getCurrencyCode();
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<BankAccount, BankBalance>> latestBalance(List<BankAccount> batch) {
        return Batches.load(batch, BankAccount::id, cash::latestBalances);
    }

    @BatchMapping(typeName = BALANCE_TYPE)
    public Mono<Map<BankBalance, BankAccount>> account(List<BankBalance> batch) {
        return Callers.current().flatMap(cash::accounts)
                .map(all -> all.stream().collect(Collectors.toMap(BankAccount::id, Function.identity())))
                .map(byId -> Batches.join(batch, BankBalance::accountId, byId));
    }

    @MutationMapping
    public Mono<BankAccountPayload> createBankAccount(@Argument CreateBankAccountInput input) {
        return Mutations.asCaller(caller -> cash.createAccount(caller,
                        new CreateBankAccountCommand(input.name(), input.label())),
                BankAccountPayload::new);
    }

    @MutationMapping
    public Mono<BankAccountPayload> updateBankAccount(@Argument UpdateBankAccountInput input) {
        return Mutations.asCaller(caller -> cash.updateAccount(caller,
                        accountId(input.id(), "id"), input.version(), input.name(), input.label(), input.archived()),
                BankAccountPayload::new);
    }

    @MutationMapping
    public Mono<BankAccountPayload> archiveBankAccount(@Argument ArchiveBankAccountInput input) {
        return Mutations.asCaller(caller -> cash.updateAccount(caller,
                        accountId(input.id(), "id"), input.version(), null, null, true),
                BankAccountPayload::new);
    }

    @MutationMapping
    public Mono<DeletePayload> deleteBankBalance(@Argument DeleteBankBalanceInput input) {
        return Mutations.asCaller(caller -> cash.deleteBalance(caller,
                        GlobalId.decode(input.id(), BALANCE_TYPE, "id")),
                deleted -> new DeletePayload(input.id(), List.of()), errors -> new DeletePayload(null, errors));
    }

    @MutationMapping
    public Mono<OneOffExpensePayload> updateOneOffExpense(@Argument UpdateOneOffExpenseInput input) {
        return Mutations.asCaller(caller -> agencies.current(caller).flatMap(agency ->
                        cash.updateOneOff(caller, GlobalId.decode(input.id(), "OneOffExpense", "id"), input.version(),
                                input.label(), input.date(),
                                MoneyInput.toMoney(input.amount(), agency.settings().currency(), "amount"))),
                OneOffExpensePayload::new);
    }
}
