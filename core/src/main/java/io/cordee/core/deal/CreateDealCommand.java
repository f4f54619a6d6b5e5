package io.cordee.core.deal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Add a deal to the pipeline (use case {@link DealService#create(io.cordee.core.identity.Caller,
 * CreateDealCommand)}). Valid on its own (ADR 79): a name of 1 to 200 characters (stripped); a client or a
 * prospect name (1 to 200 characters, with its segment), not both; an expected fee of 0 to
 * {@link ProjectService#MAX_FEE_MINOR} minor units; a probability of 0–100 %; a start within 2000-01-01 …
 * 2100-12-31; a duration of 1 to {@value #MAX_WEEKS} weeks or 1 to {@value #MAX_MONTHS} months; at most
 * {@value #MAX_NEEDS} people needed, each once, for 1–100 % of their time; then a billing plan whose shares add
 * up and whose milestones are not before the start ({@link BillingPlan#validate}). Otherwise the constructor
 * throws {@link io.cordee.core.common.InvalidInput} naming every broken field. A changed deal must pass the same
 * rules: {@link DealService#update} builds one from the merged values. That the client and the people are the
 * agency's stays with the service.
 */
public record CreateDealCommand(String name, ClientId clientId, String prospectName, Segment prospectSegment,
                                Money expectedFee, Integer probabilityPercent, LocalDate expectedStart,
                                Integer duration, DurationUnit durationUnit, BillingPlan billingPlan,
                                List<StaffingNeed> staffingNeed) {

    static final int MAX_WEEKS = 156;
    static final int MAX_MONTHS = 36;
    static final int MAX_NEEDS = 50;

    public CreateDealCommand {
        name = name == null ? null : name.strip();
        prospectName = prospectName == null ? null : prospectName.strip();
        staffingNeed = staffingNeed == null ? List.of() : List.copyOf(staffingNeed);
        Validator v = new Validator().requiredText("name", name, Validator.NAME_MAX_LENGTH);
        boolean hasClient = clientId != null;
        boolean hasProspect = prospectName != null;
        v.check(hasClient || hasProspect, "clientId", "a client or a prospect name is required", ErrorCode.REQUIRED)
                .check(!(hasClient && hasProspect), "prospectName", "give a client or a prospect name, not both",
                        ErrorCode.INVALID_FORMAT);
        if (hasProspect) {
            v.requiredText("prospectName", prospectName, Validator.NAME_MAX_LENGTH)
                    .required("prospectSegment", prospectSegment);
        }
        v.required("expectedFee", expectedFee)
                .required("probabilityPercent", probabilityPercent)
                .required("expectedStart", expectedStart)
                .required("duration", duration)
                .required("durationUnit", durationUnit)
                .required("billingPlan", billingPlan);
        if (expectedFee != null && probabilityPercent != null && expectedStart != null && duration != null
                && durationUnit != null) {
            v.check(!expectedFee.isNegative() && expectedFee.minorUnits() <= ProjectService.MAX_FEE_MINOR,
                            "expectedFee", "must be between 0 and " + ProjectService.MAX_FEE_MINOR + " minor units",
                            ErrorCode.OUT_OF_RANGE)
                    .range("probabilityPercent", probabilityPercent, 0, 100)
                    .date("expectedStart", expectedStart)
                    .range("duration", duration, 1, durationUnit == DurationUnit.WEEKS ? MAX_WEEKS : MAX_MONTHS);
        }
        v.check(staffingNeed.size() <= MAX_NEEDS, "staffingNeed", "at most " + MAX_NEEDS + " people",
                ErrorCode.OUT_OF_RANGE);
        Set<TeamMemberId> seen = new HashSet<>();
        for (int i = 0; i < staffingNeed.size() && i < MAX_NEEDS; i++) {
            StaffingNeed need = staffingNeed.get(i);
            v.required("staffingNeed[" + i + "].memberId", need.memberId())
                    .range("staffingNeed[" + i + "].sharePercent", need.sharePercent(), 1, 100)
                    .check(need.memberId() == null || seen.add(need.memberId()), "staffingNeed[" + i + "].memberId",
                            "this person is already needed", ErrorCode.DUPLICATE);
        }
        v.throwIfInvalid();
        billingPlan.validate(expectedStart, Deal.expectedEnd(expectedStart, duration, durationUnit));
    }

    /** The command from a draft whose every field is given (a new deal). */
    public CreateDealCommand(DealDraft draft) {
        this(draft.name(), draft.clientId(), draft.prospectName(), draft.prospectSegment(), draft.expectedFee(),
                draft.probabilityPercent(), draft.expectedStart(), draft.duration(), draft.durationUnit(),
                draft.billingPlan(), draft.staffingNeed());
    }

    /** The deal these fields describe, at {@code stage} and {@code version}. */
    Deal deal(DealId id, AgencyId agencyId, DealStage stage, ProjectId projectId, long version) {
        return new Deal(id, agencyId, name, clientId, prospectName, prospectSegment, expectedFee, probabilityPercent,
                expectedStart, duration, durationUnit, billingPlan, staffingNeed, stage, projectId, version);
    }
}
