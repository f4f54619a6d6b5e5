package io.cordee.core.deal;

import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.UncertainInflows;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One open deal in the probabilistic forecast (ADR 55): in each path it is won with its probability, and a won
 * deal's billing plan — the whole fee, not weighted — is invoiced from its expected start, each invoice due after
 * its client's terms (a prospect: 30 days) and paid after a delay drawn from its client's delays (a prospect: its
 * segment's default distribution), as a signed project's planned invoices would be. Pure.
 */
public final class DealDraws implements UncertainInflows {

    private final double probability;
    private final long[] amount;
    private final long[] due;
    private final int[] delays;
    private final long startDay;
    private final long firstMonday;

    private DealDraws(double probability, long[] amount, long[] due, int[] delays, long startDay, long firstMonday) {
        this.probability = probability;
        this.amount = amount;
        this.due = due;
        this.delays = delays;
        this.startDay = startDay;
        this.firstMonday = firstMonday;
    }

    /** The draws of each open deal, for a run over {@code in}. */
    public static List<UncertainInflows> of(List<Deal> openDeals, ForecastInput in, Map<ClientId, int[]> clientDelays,
                                            Map<Segment, int[]> segmentDelays) {
        List<UncertainInflows> draws = new ArrayList<>();
        long startDay = in.asOf().toEpochDay();
        long firstMonday = in.asOf().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
        for (Deal deal : openDeals) {
            if (deal.probabilityPercent() <= 0) {
                continue; // never won: draws nothing, so the other paths' draws stay as they were
            }
            ForecastInput.ClientProfile profile = deal.clientId() == null ? null : in.clients().get(deal.clientId());
            int terms = profile == null ? ClientService.DEFAULT_PAYMENT_TERMS_DAYS : profile.client().paymentTermsDays();
            Segment segment = profile != null ? profile.client().segment()
                    : deal.prospectSegment() == null ? Segment.SME : deal.prospectSegment();
            int[] delays = profile == null ? null : clientDelays.get(deal.clientId());
            if (delays == null || delays.length == 0) {
                delays = segmentDelays.get(segment);
            }
            List<BillingPlan.PlannedInvoice> parts = deal.billingPlan()
                    .invoices(deal.expectedFee(), deal.expectedStart(), deal.expectedEnd());
            long[] amount = new long[parts.size()];
            long[] due = new long[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                amount[i] = parts.get(i).amount().minorUnits();
                due[i] = parts.get(i).issueDate().plusDays(terms).toEpochDay();
            }
            draws.add(new DealDraws(deal.probabilityPercent() / 100.0, amount, due, delays, startDay, firstMonday));
        }
        return draws;
    }

    @Override
    public void draw(SplittableRandom random, long[] inflowByWeek) {
        // one draw decides the deal, then one per invoice — only when won
        if (random.nextDouble() >= probability) {
            return;
        }
        long lastDay = firstMonday + 7L * inflowByWeek.length - 1;
        for (int i = 0; i < amount.length; i++) {
            long day = Math.max(due[i] + delays[random.nextInt(delays.length)], startDay);
            if (day <= lastDay) {
                int w = (int) ((day - firstMonday) / 7);
                inflowByWeek[w] = Math.addExact(inflowByWeek[w], amount[i]);
            }
        }
    }
}
