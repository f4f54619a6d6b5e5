package io.cordee.core.deal;

import io.cordee.core.agency.AgencySettings;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forecast "with pipeline" (ADR 53), pure: each open deal's billing-plan template applied from its expected
 * start to its expected end, every part weighted by the deal's probability, added to the forecast's input as
 * planned receivables. A client's deal is paid with its terms and delays; a prospect's with the default terms
 * (30 days) and its segment's default delay, as a new client would be.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * The weighted parts of one deal. Each part is its plan amount × probability / 100 rounded down to the cent,
     * and the last part takes what is left of the weighted fee (fee × probability / 100, rounded down), so the
     * parts add up to the weighted fee exactly.
     */
    public static List<BillingPlan.PlannedInvoice> weightedParts(Deal deal) {
        List<BillingPlan.PlannedInvoice> parts = deal.billingPlan()
                .invoices(deal.expectedFee(), deal.expectedStart(), deal.expectedEnd());
        long weightedFee = weigh(deal.expectedFee().minorUnits(), deal.probabilityPercent());
        List<BillingPlan.PlannedInvoice> weighted = new ArrayList<>();
        long allocated = 0;
        for (int i = 0; i < parts.size(); i++) {
            BillingPlan.PlannedInvoice part = parts.get(i);
            long amount = i == parts.size() - 1 ? weightedFee - allocated
                    : weigh(part.amount().minorUnits(), deal.probabilityPercent());
            allocated += amount;
            if (amount > 0) {
                weighted.add(new BillingPlan.PlannedInvoice(part.key(), part.label(), part.issueDate(),
                        new Money(amount, part.amount().currency())));
            }
        }
        return weighted;
    }

    /** The forecast's input with the open deals' weighted parts as planned receivables. */
    public static ForecastInput withPipeline(ForecastInput in, List<Deal> openDeals, AgencySettings settings) {
        List<Receivable> receivables = new ArrayList<>(in.receivables());
        Map<ClientId, ForecastInput.ClientProfile> clients = new HashMap<>(in.clients());
        List<Client> prospects = new ArrayList<>();
        for (Deal deal : openDeals) {
            ClientId clientId = deal.clientId();
            int terms;
            if (clientId != null && clients.containsKey(clientId)) {
                terms = clients.get(clientId).client().paymentTermsDays();
            } else {
                // a prospect stands for itself: a client of its segment with no history, keyed by the deal's id
                clientId = new ClientId(deal.id().value());
                terms = ClientService.DEFAULT_PAYMENT_TERMS_DAYS;
                prospects.add(new Client(clientId, deal.agencyId(), deal.prospectName() == null ? deal.name()
                        : deal.prospectName(), deal.prospectSegment() == null ? io.cordee.core.agency.Segment.SME
                        : deal.prospectSegment(), terms, List.of(), null, false, 0));
            }
            for (BillingPlan.PlannedInvoice part : weightedParts(deal)) {
                UUID id = UUID.nameUUIDFromBytes((deal.id().value() + "/" + part.key()).getBytes(StandardCharsets.UTF_8));
                receivables.add(new Receivable(new InvoiceId(id), clientId, null, InvoiceStatus.PLANNED,
                        part.issueDate(), part.issueDate().plusDays(terms), part.amount()));
            }
        }
        if (!prospects.isEmpty()) {
            var delays = BillingService.delays(settings, prospects, List.of());
            for (Client prospect : prospects) {
                clients.put(prospect.id(), new ForecastInput.ClientProfile(prospect, delays.get(prospect.id())));
            }
        }
        return new ForecastInput(in.asOf(), in.horizonWeeks(), in.safetyThreshold(), in.payday(), in.latestBalance(),
                in.receipts(), receivables, in.team(), in.overheads(), in.oneOffExpenses(), clients, in.projects());
    }

    private static long weigh(long minor, int percent) {
        return BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
    }

    /** One month of capacity: what the team can give, what projects hold, what the open deals would take. */
    public record MonthLoad(java.time.YearMonth month, BigDecimal capacityDays, BigDecimal bookedDays,
                            BigDecimal weightedPipelineDays, BigDecimal availableDays) {
    }

    /**
     * Booked (the allocations, as {@code capacity} counts them) against the open deals' staffing needs over
     * their expected dates, each weighted by its deal's probability, and what is left:
     * available = capacity − booked − weighted pipeline (negative when the pipeline would over-book the team).
     */
    public static List<MonthLoad> capacity(List<io.cordee.core.staffing.MonthCapacity> booked, List<Deal> openDeals,
                                           Map<io.cordee.core.staffing.TeamMemberId, io.cordee.core.staffing.TeamMember> team,
                                           io.cordee.core.staffing.WorkingCalendar calendar) {
        List<MonthLoad> result = new ArrayList<>();
        for (io.cordee.core.staffing.MonthCapacity month : booked) {
            BigDecimal bookedDays = month.clients().stream()
                    .map(io.cordee.core.staffing.MonthCapacity.ClientLoad::allocatedDays)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pipeline = BigDecimal.ZERO;
            for (Deal deal : openDeals) {
                io.cordee.core.project.ProjectId asProject = new io.cordee.core.project.ProjectId(deal.id().value());
                ClientId asClient = new ClientId(deal.id().value());
                List<io.cordee.core.staffing.Allocation> needs = deal.staffingNeed().stream()
                        .map(n -> new io.cordee.core.staffing.Allocation(
                                new io.cordee.core.staffing.AllocationId(deal.id().value()), deal.agencyId(),
                                n.memberId(), asProject, n.sharePercent(), deal.expectedStart(), deal.expectedEnd(), 0))
                        .toList();
                BigDecimal days = io.cordee.core.staffing.CapacityShare.allocatedDays(needs, team,
                        Map.of(asProject, asClient), month.month(), calendar).getOrDefault(asClient, BigDecimal.ZERO);
                pipeline = pipeline.add(days.multiply(BigDecimal.valueOf(deal.probabilityPercent())).movePointLeft(2));
            }
            result.add(new MonthLoad(month.month(), month.capacityDays(), bookedDays, pipeline,
                    month.capacityDays().subtract(bookedDays).subtract(pipeline)));
        }
        return result;
    }
}
