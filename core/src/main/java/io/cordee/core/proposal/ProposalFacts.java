package io.cordee.core.proposal;

import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a proposal stands on, as of one date: how much of the agency the client takes in the coming
 * months, how much the agency pre-finances and for how long, how soon the client's projects bring
 * cash, and how the client pays.
 *
 * @param capacity              the client's share of the agency's capacity, month by month
 * @param heavyMonths           the months whose share is above {@code capacityWarningPercent}
 * @param peakExposure          the highest exposure over the horizon (base scenario)
 * @param peakWeek              its week (Monday); null when the exposure stays at zero
 * @param weeksAboveZero        weeks of the horizon in which the agency pre-finances the client
 * @param timeToFirstCash       the client's active projects, each with its days to first cash
 * @param expectedDelayDays     the client's expected (median) payment delay after the due date
 * @param p90DelayDays          its 90th-percentile delay
 * @param basedOnInvoices       how many paid invoices those delays come from (fewer than
 *                              {@value PaymentDelayModel#MINIMUM_HISTORY}: the segment's default)
 */
public record ProposalFacts(ClientId clientId, String clientName, LocalDate asOf, int horizonWeeks,
                            int paymentTermsDays, List<MonthShare> capacity, int capacityWarningPercent,
                            List<YearMonth> heavyMonths, Money peakExposure, LocalDate peakWeek, int weeksAboveZero,
                            List<ProjectCash> timeToFirstCash, int expectedDelayDays, int p90DelayDays,
                            int basedOnInvoices) {

    public ProposalFacts {
        capacity = List.copyOf(capacity);
        heavyMonths = List.copyOf(heavyMonths);
        timeToFirstCash = List.copyOf(timeToFirstCash);
    }

    /**
     * True when the delays are the median and P90 of the client's own paid invoices, false when the client has paid too
     * few ({@link PaymentDelayModel}) and they are its segment's default: what the letter says they come from.
     */
    public boolean delaysAreTheClients() {
        return basedOnInvoices >= PaymentDelayModel.MINIMUM_HISTORY;
    }

    /** The client's share of one month's capacity, 0–1 to six decimals. */
    public record MonthShare(YearMonth month, BigDecimal share) {

        /** The share in whole percent, rounded half up: 0.433333 is 43. */
        public int percent() {
            return share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
        }
    }

    /** One active project and the days from its start to its first cash; null days when none is expected. */
    public record ProjectCash(ProjectId projectId, String projectName, LocalDate startDate, Long days) {
    }
}
