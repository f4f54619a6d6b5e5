package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The aged receivables report: what each client still owes on its issued invoices, by how late it is
 * on {@code asOf}. Days overdue = asOf − due date: 0 or less is not due yet; then 1–30, 31–60, 61–90 and
 * more than 90. Planned invoices are not receivables yet; paid and cancelled ones owe nothing.
 */
public record AgedReceivables(LocalDate asOf, List<ClientAging> clients, Buckets total) {

    /** The five buckets and their sum. */
    public record Buckets(Money notDue, Money days1To30, Money days31To60, Money days61To90, Money over90) {

        static Buckets zero(Currency currency) {
            Money z = Money.zero(currency);
            return new Buckets(z, z, z, z, z);
        }

        public Money total() {
            return notDue.plus(days1To30).plus(days31To60).plus(days61To90).plus(over90);
        }

        Buckets plus(long daysOverdue, Money balance) {
            if (daysOverdue <= 0) {
                return new Buckets(notDue.plus(balance), days1To30, days31To60, days61To90, over90);
            } else if (daysOverdue <= 30) {
                return new Buckets(notDue, days1To30.plus(balance), days31To60, days61To90, over90);
            } else if (daysOverdue <= 60) {
                return new Buckets(notDue, days1To30, days31To60.plus(balance), days61To90, over90);
            } else if (daysOverdue <= 90) {
                return new Buckets(notDue, days1To30, days31To60, days61To90.plus(balance), over90);
            }
            return new Buckets(notDue, days1To30, days31To60, days61To90, over90.plus(balance));
        }

        Buckets plus(Buckets other) {
            return new Buckets(notDue.plus(other.notDue), days1To30.plus(other.days1To30),
                    days31To60.plus(other.days31To60), days61To90.plus(other.days61To90), over90.plus(other.over90));
        }
    }

    /** One client's line: its buckets and how many invoices are behind them. */
    public record ClientAging(ClientId clientId, Buckets buckets, int invoices) {
    }

    /**
     * The report of {@code receivables} (as read for the forecast) on {@code asOf}, in {@code currency}.
     * Clients are listed by what they owe, the largest first (then by id, so the order is stable).
     */
    public static AgedReceivables of(List<Receivable> receivables, LocalDate asOf, Currency currency) {
        Objects.requireNonNull(asOf, "asOf");
        Map<ClientId, Buckets> byClient = new LinkedHashMap<>();
        Map<ClientId, Integer> counts = new LinkedHashMap<>();
        for (Receivable r : receivables) {
            if (r.status() != InvoiceStatus.ISSUED || r.balance().minorUnits() <= 0) {
                continue;
            }
            long overdue = ChronoUnit.DAYS.between(r.dueDate(), asOf);
            byClient.put(r.clientId(), byClient.getOrDefault(r.clientId(), Buckets.zero(currency))
                    .plus(overdue, r.balance()));
            counts.merge(r.clientId(), 1, Integer::sum);
        }
        List<ClientAging> lines = new ArrayList<>();
        Buckets total = Buckets.zero(currency);
        for (Map.Entry<ClientId, Buckets> e : byClient.entrySet()) {
            lines.add(new ClientAging(e.getKey(), e.getValue(), counts.get(e.getKey())));
            total = total.plus(e.getValue());
        }
        lines.sort(Comparator.comparing((ClientAging c) -> c.buckets().total()).reversed()
                .thenComparing(c -> c.clientId().value()));
        return new AgedReceivables(asOf, List.copyOf(lines), total);
    }
}
