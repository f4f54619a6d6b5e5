package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.PaymentDrift.ClientPayments;
import io.cordee.core.billing.PaymentDelayModel.PaidInvoice;
import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delays are given in the order the invoices were paid (each due 6 months after the previous one,
 * so a delay under 180 days keeps that order). Default: the last 3 average 15 days worse than before.
 */
class PaymentDriftTest {

    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());

    @ParameterizedTest(name = "{0} → drift {1}")
    @CsvSource(nullValues = "-", value = {
            // earlier 10, 10, 10 (average 10); recent 25, 25, 24 (74 ÷ 3 = 24.67): 14.67 < 15
            "'10 10 10 25 25 24', -",
            // recent 25, 25, 25: exactly 15 worse → fires
            "'10 10 10 25 25 25', 15.00",
            // recent 25, 25, 26 (76 ÷ 3 = 25.33): 15.33
            "'10 10 10 25 25 26', 15.33",
            // earlier 0, 5, 10, 15 (average 7.5); recent 20, 25, 22 (average 22.33): 14.83 < 15
            "'0 5 10 15 20 25 22', -",
            // early payers can drift too: earlier −5, −5, −5 (−5); recent 10, 10, 10: 15
            "'-5 -5 -5 10 10 10', 15.00",
            // only two earlier delays: no history to drift from
            "'10 10 40 40 40', -",
            // paying earlier than before is no drift
            "'40 40 40 10 10 10', -"})
    void aroundFifteenDays(String delays, String drift) {
        int[] days = parse(delays);
        List<Finding> findings = PaymentDrift.findings(List.of(new ClientPayments(CLIENT, paid(days))),
                AlertThresholds.defaults());
        if (drift == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence().figure("driftDays")).isEqualByComparingTo(drift);
            assertThat(f.magnitude()).isEqualByComparingTo(drift);
        });
    }

    @Test
    void theEarlierHistoryIsTheTwelveBeforeTheLastThree() {
        // 100, 100, 100, then twelve of 10, then 25, 25, 25: the earlier window is the twelve 10s → drift 15.
        // (All fifteen earlier ones would average (300 + 120) ÷ 15 = 28: no drift at all.)
        int[] days = new int[18];
        days[0] = days[1] = days[2] = 100;
        for (int i = 3; i < 15; i++) {
            days[i] = 10;
        }
        days[15] = days[16] = days[17] = 25;
        List<PaidInvoice> history = new ArrayList<>(paid(days));
        // the order comes from the paid dates, not from the list
        Collections.reverse(history);

        Finding f = PaymentDrift.findings(List.of(new ClientPayments(CLIENT, history)), AlertThresholds.defaults())
                .get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.PAYMENT_DRIFT);
        assertThat(f.subject()).isEqualTo(AlertSubject.client(CLIENT));
        assertThat(f.evidence().names()).containsExactly("recentAverageDelay", "earlierAverageDelay", "driftDays",
                "earlierInvoices", "lastPaid");
        assertThat(f.evidence().figure("recentAverageDelay")).isEqualByComparingTo("25");
        assertThat(f.evidence().figure("earlierAverageDelay")).isEqualByComparingTo("10");
        assertThat(f.evidence().figure("earlierInvoices")).isEqualByComparingTo("12");
        // the 18th invoice: due 1 January 2020 + 17 × 6 months = 1 July 2028, paid 25 days later
        assertThat(f.evidence().day("lastPaid")).isEqualTo(LocalDate.of(2028, 7, 26));
        assertThat(f.linksToRenegotiation()).isTrue();
    }

    private static int[] parse(String delays) {
        return Arrays.stream(delays.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    private static List<PaidInvoice> paid(int... delays) {
        List<PaidInvoice> paid = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) {
            LocalDate due = LocalDate.of(2020, 1, 1).plusMonths(6L * i);
            paid.add(new PaidInvoice(due, due.plusDays(delays[i])));
        }
        return paid;
    }
}
