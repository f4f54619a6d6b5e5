package io.cordee.core.deal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Work not yet signed (DESIGN.md, "Pipeline"): for an existing client, or for a prospect known by name only
 * (and the segment it will have as a client); an expected fee, the probability of winning it, when it would
 * start and for how long, the billing plan its project would get and the people it would need. Won, it
 * points to the project it became ({@code projectId}) and to its client.
 */
public record Deal(DealId id, AgencyId agencyId, String name, ClientId clientId, String prospectName,
                   Segment prospectSegment, Money expectedFee, int probabilityPercent, LocalDate expectedStart,
                   int duration, DurationUnit durationUnit, BillingPlan billingPlan, List<StaffingNeed> staffingNeed,
                   DealStage stage, ProjectId projectId, long version) {

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expectedFee, "expectedFee");
        Objects.requireNonNull(expectedStart, "expectedStart");
        Objects.requireNonNull(durationUnit, "durationUnit");
        Objects.requireNonNull(billingPlan, "billingPlan");
        Objects.requireNonNull(stage, "stage");
        staffingNeed = staffingNeed == null ? List.of() : List.copyOf(staffingNeed);
    }

    /** The last day of the expected work: {@code duration} weeks or months from the start, the start included. */
    public LocalDate expectedEnd() {
        return expectedEnd(expectedStart, duration, durationUnit);
    }

    public static LocalDate expectedEnd(LocalDate start, int duration, DurationUnit unit) {
        LocalDate after = unit == DurationUnit.WEEKS ? start.plusWeeks(duration) : start.plusMonths(duration);
        return after.minusDays(1);
    }

    public boolean isOpen() {
        return !stage.isFinal();
    }
}
