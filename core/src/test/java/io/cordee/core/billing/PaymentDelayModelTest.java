package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.PaymentDelayModel.Delays;
import io.cordee.core.billing.PaymentDelayModel.PaidInvoice;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaymentDelayModelTest {

    // defaults: STARTUP 10, SME 5, ENTERPRISE 30, PUBLIC 45 days
    private static final AgencySettings SETTINGS = AgencySettings.defaults(Currency.getInstance("EUR"),
            ZoneId.of("Europe/Paris"));
    private static final LocalDate DUE = LocalDate.of(2026, 1, 31);

    @Test
    void withTwoPaidInvoicesTheSegmentDefaultApplies() {
        // delays 40 and 50 are ignored: fewer than 3 → ENTERPRISE default 30 for both
        assertThat(PaymentDelayModel.of(paid(40, 50), Segment.ENTERPRISE, SETTINGS))
                .isEqualTo(new Delays(30, 30, 2));
    }

    @Test
    void withThreeTheMedianAndNearestRankP90() {
        // sorted 10, 20, 40: median = 20; P90 rank ⌈0.9 × 3⌉ = 3 → 40
        assertThat(PaymentDelayModel.of(paid(10, 40, 20), Segment.SME, SETTINGS)).isEqualTo(new Delays(20, 40, 3));
    }

    @Test
    void withTwelveTheEvenMedianIsRoundedUp() {
        // 0, 5, …, 55: middle pair (6th, 7th) = 25 and 30 → 27.5 → 28; P90 rank ⌈10.8⌉ = 11 → 50
        List<PaidInvoice> twelve = paid(IntStream.range(0, 12).map(i -> i * 5).toArray());
        assertThat(PaymentDelayModel.of(twelve, Segment.SME, SETTINGS)).isEqualTo(new Delays(28, 50, 12));
    }

    @Test
    void onlyTheLastTwelvePaymentsCount() {
        // two very late payments made before the twelve above are out of the window
        List<PaidInvoice> history = new ArrayList<>();
        history.add(new PaidInvoice(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 20)));
        history.add(new PaidInvoice(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 8, 20)));
        history.addAll(paid(IntStream.range(0, 12).map(i -> i * 5).toArray()));
        assertThat(PaymentDelayModel.of(history, Segment.SME, SETTINGS)).isEqualTo(new Delays(28, 50, 12));
    }

    @Test
    void earlyPaymentsAreNegativeDelays() {
        // −4, −2, 0, 6: median (−2 + 0) / 2 = −1; P90 rank ⌈3.6⌉ = 4 → 6
        assertThat(PaymentDelayModel.of(paid(-4, 6, 0, -2), Segment.STARTUP, SETTINGS)).isEqualTo(new Delays(-1, 6, 4));
    }

    /** Invoices due on the 31 January of successive years (so paid dates are ordered), paid {@code delays} days late. */
    private static List<PaidInvoice> paid(int... delays) {
        List<PaidInvoice> invoices = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) {
            LocalDate due = DUE.plusYears(i);
            invoices.add(new PaidInvoice(due, due.plusDays(delays[i])));
        }
        return invoices;
    }
}
