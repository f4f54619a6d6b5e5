package io.cordee.core.imports;

import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.Payment;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The payments already recorded, by (invoice, date, amount), as a multiset: a file listing two equal payments of one
 * invoice on one day creates the second only once the first is there. The payments sheet and the FEC's lettering
 * both skip what it holds.
 */
final class RecordedPayments {

    private final Map<String, Integer> counts = new HashMap<>();

    RecordedPayments(Collection<Payment> recorded) {
        recorded.forEach(p -> counts.merge(key(p.invoiceId(), p.receivedOn(), p.amount().minorUnits()), 1,
                Integer::sum));
    }

    /** Whether such a payment is recorded and not yet taken by an earlier line of the file; if so it is taken now. */
    boolean take(InvoiceId invoice, LocalDate receivedOn, long minorUnits) {
        String k = key(invoice, receivedOn, minorUnits);
        if (counts.getOrDefault(k, 0) > 0) {
            counts.merge(k, -1, Integer::sum);
            return true;
        }
        return false;
    }

    private static String key(InvoiceId invoice, LocalDate receivedOn, long minorUnits) {
        return invoice.value() + "/" + receivedOn + "/" + minorUnits;
    }
}
