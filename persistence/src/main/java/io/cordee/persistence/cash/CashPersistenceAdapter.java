package io.cordee.persistence.cash;

import static io.cordee.persistence.common.Sql.anyRowChanged;
import static io.cordee.persistence.common.Sql.bindOrNull;
import static io.cordee.persistence.common.Sql.ifMatched;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.cash.OverheadId;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.RowReader;
import io.cordee.persistence.common.Sql;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class CashPersistenceAdapter implements CashRepository {

    @Table("bank_balance")
    public record BalanceRow(UUID id, UUID accountId, LocalDate onDate, String currency, long amountMinor) {
        BankBalance toDomain() {
            return new BankBalance(id, new BankAccountId(accountId), onDate, Money.of(amountMinor, currency.trim()));
        }
    }

    private static final String ACCOUNT_COLUMNS = "id, name, label, currency, archived, version";

    private static final String ONE_OFF_COLUMNS = "id, label, on_date, currency, amount_minor, version";

    private static final String OVERHEAD_COLUMNS = "id, label, currency, monthly_amount_minor, day_of_month,"
            + " start_date, end_date, version";
    private static final KeysetQuery<BalanceRow> BALANCES = new KeysetQuery<>("bank_balance",
            "id, account_id, on_date, currency, amount_minor", "on_date", BalanceRow.class, BalanceRow::onDate, BalanceRow::id,
            LocalDate::parse, true);
    /** Every read of {@code BalanceRow} by position (ADR 62). */
    private static final RowReader<BalanceRow> ROW = BALANCES.reader();

    private final DatabaseClient db;
    private final IdGenerator ids;

    public CashPersistenceAdapter(DatabaseClient db, IdGenerator ids) {
        this.db = db;
        this.ids = ids;
    }

    @Override
    public Mono<BankBalance> saveBalance(AgencyId agencyId, BankBalance balance) {
        return db.sql("INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor)"
                        + " VALUES (:agencyId, :id, :account, :date, :currency, :amount)"
                        + " ON CONFLICT (agency_id, account_id, on_date)"
                        + " DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency"
                        + " RETURNING id")
                .bind("agencyId", agencyId.value()).bind("id", ids.newId())
                .bind("account", balance.accountId().value()).bind("date", balance.date())
                .bind("currency", balance.amount().currency().getCurrencyCode())
                .bind("amount", balance.amount().minorUnits())
                .map((row, meta) -> row.get("id", UUID.class)).one()
                .map(id -> new BankBalance(id, balance.accountId(), balance.date(), balance.amount()));
    }

    @Override
    public Mono<BankBalance> latestBalance(AgencyId agencyId, LocalDate date) {
        // each open account's latest balance on or before the date, then their sum, dated by the newest
        return db.sql("SELECT count(*) AS accounts, max(on_date) AS on_date, min(currency) AS currency,"
                        + " sum(amount_minor)::bigint AS amount_minor FROM ("
                        + " SELECT DISTINCT ON (b.account_id) b.on_date, b.currency, b.amount_minor FROM bank_balance b"
                        + " JOIN bank_account a ON a.agency_id = b.agency_id AND a.id = b.account_id"
                        + " WHERE b.agency_id = :agencyId AND NOT a.archived AND b.on_date <= :date"
                        + " ORDER BY b.account_id, b.on_date DESC) latest")
                .bind("agencyId", agencyId.value()).bind("date", date)
                .map((row, meta) -> row.get("accounts", Long.class) == 0 ? java.util.Optional.<BankBalance>empty()
                        : java.util.Optional.of(new BankBalance(row.get("on_date", LocalDate.class),
                                Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class).trim()))))
                .one().flatMap(Mono::justOrEmpty);
    }

    @Override
    public Mono<Page<BankBalance>> balances(AgencyId agencyId, BankAccountId accountId, PageRequest page) {
        return BALANCES.fetch(db, Sql.forAgency(agencyId.value())
                .and("account_id = :accountId", "accountId", accountId == null ? null : accountId.value()),
                page, BalanceRow::toDomain);
    }

    @Override
    public Mono<Boolean> deleteBalance(AgencyId agencyId, UUID id) {
        return anyRowChanged(db.sql("DELETE FROM bank_balance WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id));
    }

    @Override
    public Flux<BankBalance> allBalances(AgencyId agencyId) {
        return db.sql("SELECT id, account_id, on_date, currency, amount_minor FROM bank_balance"
                        + " WHERE agency_id = :agencyId ORDER BY account_id, on_date, id")
                .bind("agencyId", agencyId.value())
                .map(ROW).all().map(BalanceRow::toDomain);
    }

    @Override
    public Flux<BankBalance> latestBalances(AgencyId agencyId, Collection<BankAccountId> accountIds) {
        if (accountIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT DISTINCT ON (account_id) id, account_id, on_date, currency, amount_minor FROM bank_balance"
                        + " WHERE agency_id = :agencyId AND account_id = ANY(:accounts)"
                        + " ORDER BY account_id, on_date DESC")
                .bind("agencyId", agencyId.value())
                .bind("accounts", accountIds.stream().map(BankAccountId::value).toArray(UUID[]::new))
                .map(ROW).all().map(BalanceRow::toDomain);
    }

    @Override
    public Flux<BankAccount> accounts(AgencyId agencyId) {
        return db.sql("SELECT " + ACCOUNT_COLUMNS + " FROM bank_account WHERE agency_id = :agencyId"
                        + " ORDER BY archived, lower(name), id")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new BankAccount(new BankAccountId(row.get("id", UUID.class)),
                        row.get("name", String.class), row.get("label", String.class),
                        Currency.getInstance(row.get("currency", String.class).trim()),
                        Boolean.TRUE.equals(row.get("archived", Boolean.class)), row.get("version", Long.class)))
                .all();
    }

    @Override
    public Mono<BankAccount> insertAccount(AgencyId agencyId, BankAccount account) {
        return bindOrNull(db.sql("INSERT INTO bank_account (agency_id, id, name, label, currency, archived)"
                        + " VALUES (:agencyId, :id, :name, :label, :currency, :archived)"),
                "label", account.label(), String.class)
                .bind("agencyId", agencyId.value()).bind("id", account.id().value()).bind("name", account.name())
                .bind("currency", account.currency().getCurrencyCode()).bind("archived", account.archived())
                .then().thenReturn(account);
    }

    @Override
    public Mono<BankAccount> updateAccount(AgencyId agencyId, BankAccount account) {
        DatabaseClient.GenericExecuteSpec update = bindOrNull(db.sql(updateAtVersion("bank_account",
                        "name = :name, label = :label, archived = :archived", "id = :id")),
                "label", account.label(), String.class)
                .bind("agencyId", agencyId.value()).bind("id", account.id().value()).bind("name", account.name())
                .bind("archived", account.archived()).bind("version", account.version());
        return ifMatched(update, () -> new BankAccount(account.id(), account.name(), account.label(),
                account.currency(), account.archived(), account.version() + 1));
    }

    @Override
    public Flux<Overhead> overheads(AgencyId agencyId) {
        return db.sql("SELECT " + OVERHEAD_COLUMNS + " FROM overhead WHERE agency_id = :agencyId ORDER BY label, id")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new Overhead(new OverheadId(row.get("id", UUID.class)), row.get("label", String.class),
                        Money.of(row.get("monthly_amount_minor", Long.class), row.get("currency", String.class).trim()),
                        row.get("day_of_month", Integer.class), row.get("start_date", LocalDate.class),
                        row.get("end_date", LocalDate.class), row.get("version", Long.class)))
                .all();
    }

    @Override
    public Mono<Overhead> insertOverhead(AgencyId agencyId, Overhead overhead) {
        return writeOverhead("INSERT INTO overhead (agency_id, id, label, currency, monthly_amount_minor, day_of_month,"
                + " start_date, end_date) VALUES (:agencyId, :id, :label, :currency, :amount, :day, :from, :to)",
                agencyId, overhead).then().thenReturn(overhead);
    }

    @Override
    public Mono<Overhead> updateOverhead(AgencyId agencyId, Overhead overhead) {
        DatabaseClient.GenericExecuteSpec update = writeOverhead(updateAtVersion("overhead", "label = :label,"
                        + " currency = :currency, monthly_amount_minor = :amount, day_of_month = :day,"
                        + " start_date = :from, end_date = :to", "id = :id"),
                agencyId, overhead)
                .bind("version", overhead.version());
        return ifMatched(update, () -> new Overhead(overhead.id(), overhead.label(), overhead.monthlyAmount(),
                overhead.dayOfMonth(), overhead.from(), overhead.to(), overhead.version() + 1));
    }

    private DatabaseClient.GenericExecuteSpec writeOverhead(String sql, AgencyId agencyId, Overhead o) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agencyId.value())
                .bind("id", o.id().value()).bind("label", o.label())
                .bind("currency", o.monthlyAmount().currency().getCurrencyCode())
                .bind("amount", o.monthlyAmount().minorUnits()).bind("day", o.dayOfMonth()).bind("from", o.from());
        return bindOrNull(spec, "to", o.to(), LocalDate.class);
    }

    @Override
    public Mono<Boolean> deleteOverhead(AgencyId agencyId, OverheadId id, long version) {
        return anyRowChanged(db.sql("DELETE FROM overhead WHERE agency_id = :agencyId AND id = :id"
                        + " AND version = :version")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", version));
    }

    @Override
    public Flux<OneOffExpense> oneOffs(AgencyId agencyId, LocalDate from, LocalDate to) {
        return db.sql("SELECT " + ONE_OFF_COLUMNS + " FROM one_off_expense"
                        + " WHERE agency_id = :agencyId AND on_date BETWEEN :from AND :to ORDER BY on_date, id")
                .bind("agencyId", agencyId.value()).bind("from", from).bind("to", to)
                .map(CashPersistenceAdapter::oneOff)
                .all();
    }

    private static OneOffExpense oneOff(io.r2dbc.spi.Row row, io.r2dbc.spi.RowMetadata meta) {
        return new OneOffExpense(row.get("id", UUID.class), row.get("label", String.class),
                row.get("on_date", LocalDate.class),
                Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class).trim()),
                row.get("version", Long.class));
    }

    @Override
    public Mono<OneOffExpense> findOneOff(AgencyId agencyId, UUID id) {
        return db.sql("SELECT " + ONE_OFF_COLUMNS + " FROM one_off_expense WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id)
                .map(CashPersistenceAdapter::oneOff).one();
    }

    @Override
    public Mono<OneOffExpense> updateOneOff(AgencyId agencyId, OneOffExpense e) {
        DatabaseClient.GenericExecuteSpec update = writeOneOff(updateAtVersion("one_off_expense",
                        "label = :label, on_date = :date, currency = :currency, amount_minor = :amount",
                        "id = :id"), agencyId, e)
                .bind("version", e.version());
        return ifMatched(update, () -> new OneOffExpense(e.id(), e.label(), e.date(), e.amount(), e.version() + 1));
    }

    @Override
    public Mono<OneOffExpense> insertOneOff(AgencyId agencyId, OneOffExpense e) {
        return writeOneOff("INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor)"
                        + " VALUES (:agencyId, :id, :label, :date, :currency, :amount)", agencyId, e)
                .then().thenReturn(e);
    }

    private DatabaseClient.GenericExecuteSpec writeOneOff(String sql, AgencyId agencyId, OneOffExpense e) {
        return db.sql(sql).bind("agencyId", agencyId.value()).bind("id", e.id()).bind("label", e.label())
                .bind("date", e.date()).bind("currency", e.amount().currency().getCurrencyCode())
                .bind("amount", e.amount().minorUnits());
    }

    @Override
    public Mono<Boolean> deleteOneOff(AgencyId agencyId, UUID id) {
        return anyRowChanged(db.sql("DELETE FROM one_off_expense WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id));
    }
}
