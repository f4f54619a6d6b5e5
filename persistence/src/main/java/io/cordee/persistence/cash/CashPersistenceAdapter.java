package io.cordee.persistence.cash;

import io.cordee.core.agency.AgencyId;
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
import io.cordee.persistence.common.Sql;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class CashPersistenceAdapter implements CashRepository {

    @Table("bank_balance")
    public record BalanceRow(UUID id, LocalDate onDate, String currency, long amountMinor) {
        BankBalance toDomain() {
            return new BankBalance(onDate, Money.of(amountMinor, currency.trim()));
        }
    }

    private static final String OVERHEAD_COLUMNS = "id, label, currency, monthly_amount_minor, day_of_month,"
            + " start_date, end_date, version";
    private static final KeysetQuery<BalanceRow> BALANCES = new KeysetQuery<>("bank_balance",
            "id, on_date, currency, amount_minor", "on_date", BalanceRow.class, BalanceRow::onDate, BalanceRow::id,
            LocalDate::parse, true);

    private final DatabaseClient db;
    private final IdGenerator ids;

    public CashPersistenceAdapter(DatabaseClient db, IdGenerator ids) {
        this.db = db;
        this.ids = ids;
    }

    @Override
    public Mono<BankBalance> saveBalance(AgencyId agencyId, BankBalance balance) {
        return db.sql("INSERT INTO bank_balance (agency_id, id, on_date, currency, amount_minor)"
                        + " VALUES (:agencyId, :id, :date, :currency, :amount) ON CONFLICT (agency_id, on_date)"
                        + " DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency")
                .bind("agencyId", agencyId.value()).bind("id", ids.newId()).bind("date", balance.date())
                .bind("currency", balance.amount().currency().getCurrencyCode())
                .bind("amount", balance.amount().minorUnits())
                .then().thenReturn(balance);
    }

    @Override
    public Mono<BankBalance> latestBalance(AgencyId agencyId, LocalDate date) {
        return db.sql("SELECT id, on_date, currency, amount_minor FROM bank_balance"
                        + " WHERE agency_id = :agencyId AND on_date <= :date ORDER BY on_date DESC LIMIT 1")
                .bind("agencyId", agencyId.value()).bind("date", date)
                .mapProperties(BalanceRow.class).one().map(BalanceRow::toDomain);
    }

    @Override
    public Mono<Page<BankBalance>> balances(AgencyId agencyId, PageRequest page) {
        return BALANCES.fetch(db, Sql.forAgency(agencyId.value()), page, BalanceRow::toDomain);
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
        return write("INSERT INTO overhead (agency_id, id, label, currency, monthly_amount_minor, day_of_month,"
                + " start_date, end_date) VALUES (:agencyId, :id, :label, :currency, :amount, :day, :from, :to)",
                agencyId, overhead).then().thenReturn(overhead);
    }

    @Override
    public Mono<Overhead> updateOverhead(AgencyId agencyId, Overhead overhead) {
        return write("UPDATE overhead SET label = :label, currency = :currency, monthly_amount_minor = :amount,"
                        + " day_of_month = :day, start_date = :from, end_date = :to, version = version + 1,"
                        + " updated_at = now() WHERE agency_id = :agencyId AND id = :id AND version = :version",
                agencyId, overhead).bind("version", overhead.version())
                .fetch().rowsUpdated()
                .filter(count -> count > 0)
                .map(count -> new Overhead(overhead.id(), overhead.label(), overhead.monthlyAmount(),
                        overhead.dayOfMonth(), overhead.from(), overhead.to(), overhead.version() + 1));
    }

    private DatabaseClient.GenericExecuteSpec write(String sql, AgencyId agencyId, Overhead o) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agencyId.value())
                .bind("id", o.id().value()).bind("label", o.label())
                .bind("currency", o.monthlyAmount().currency().getCurrencyCode())
                .bind("amount", o.monthlyAmount().minorUnits()).bind("day", o.dayOfMonth()).bind("from", o.from());
        return o.to() == null ? spec.bindNull("to", LocalDate.class) : spec.bind("to", o.to());
    }

    @Override
    public Mono<Boolean> deleteOverhead(AgencyId agencyId, OverheadId id, long version) {
        return db.sql("DELETE FROM overhead WHERE agency_id = :agencyId AND id = :id AND version = :version")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", version)
                .fetch().rowsUpdated().map(count -> count > 0);
    }

    @Override
    public Flux<OneOffExpense> oneOffs(AgencyId agencyId, LocalDate from, LocalDate to) {
        return db.sql("SELECT id, label, on_date, currency, amount_minor FROM one_off_expense"
                        + " WHERE agency_id = :agencyId AND on_date BETWEEN :from AND :to ORDER BY on_date, id")
                .bind("agencyId", agencyId.value()).bind("from", from).bind("to", to)
                .map((row, meta) -> new OneOffExpense(row.get("id", UUID.class), row.get("label", String.class),
                        row.get("on_date", LocalDate.class),
                        Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class).trim())))
                .all();
    }

    @Override
    public Mono<OneOffExpense> insertOneOff(AgencyId agencyId, OneOffExpense e) {
        return db.sql("INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor)"
                        + " VALUES (:agencyId, :id, :label, :date, :currency, :amount)")
                .bind("agencyId", agencyId.value()).bind("id", e.id()).bind("label", e.label()).bind("date", e.date())
                .bind("currency", e.amount().currency().getCurrencyCode()).bind("amount", e.amount().minorUnits())
                .then().thenReturn(e);
    }

    @Override
    public Mono<Boolean> deleteOneOff(AgencyId agencyId, UUID id) {
        return db.sql("DELETE FROM one_off_expense WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id)
                .fetch().rowsUpdated().map(count -> count > 0);
    }
}
