package io.cordee.core.bankstatement;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the statement credits already turned into payments (V36), by their key within an account. */
public interface BankStatementLineRepository {

    /** The keys among {@code keys} already recorded for the account. */
    Flux<String> recorded(AgencyId agencyId, BankAccountId accountId, Collection<String> keys);

    /** Records a credit; false when its key was recorded already (nothing written then). */
    Mono<Boolean> record(AgencyId agencyId, BankAccountId accountId, String key, InvoiceId invoiceId, Money amount,
                         LocalDate bookedOn);
}
