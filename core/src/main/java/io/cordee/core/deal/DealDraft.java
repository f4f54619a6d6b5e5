package io.cordee.core.deal;

import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The editable fields of a deal. On create every field but the prospect's (or the client) is required; on
 * update null means "leave as it is" ({@code billingPlan} and {@code staffingNeed} replace the whole value).
 * A client and a prospect name are exclusive.
 */
public record DealDraft(String name, ClientId clientId, String prospectName, Segment prospectSegment,
                        Money expectedFee, Integer probabilityPercent, LocalDate expectedStart, Integer duration,
                        DurationUnit durationUnit, BillingPlan billingPlan, List<StaffingNeed> staffingNeed) {
}
