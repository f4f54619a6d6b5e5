package io.cordee.persistence.bankstatement;

import static io.cordee.persistence.common.Sql.anyRowChanged;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.bankstatement.BankStatementLineRepository;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The statement credits already recorded as payments (V36). */
@Component
public class BankStatementLinePersistenceAdapter implements BankStatementLineRepository {

    private final DatabaseClient db;

    public BankStatementLinePersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<String> recorded(AgencyId agencyId, BankAccountId accountId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT line_key FROM bank_statement_line WHERE agency_id = :agencyId AND account_id = :accountId"
                        + " AND line_key = ANY(:keys)")
                .bind("agencyId", agencyId.value()).bind("accountId", accountId.value())
                .bind("keys", keys.toArray(String[]::new))
                .map((row, meta) -> row.get("line_key", String.class))
                .all();
    }

    @Override
    public Mono<Boolean> record(AgencyId agencyId, BankAccountId accountId, String key, InvoiceId invoiceId,
                                Money amount, LocalDate bookedOn) {
        return anyRowChanged(db.sql("INSERT INTO bank_statement_line (agency_id, account_id, line_key, invoice_id,"
                        + " amount_minor, booked_on)"
                        + " VALUES (:agencyId, :accountId, :key, :invoiceId, :amount, :bookedOn)"
                        + " ON CONFLICT (agency_id, account_id, line_key) DO NOTHING")
                .bind("agencyId", agencyId.value()).bind("accountId", accountId.value()).bind("key", key)
                .bind("invoiceId", invoiceId.value()).bind("amount", amount.minorUnits()).bind("bookedOn", bookedOn));
    }
}
