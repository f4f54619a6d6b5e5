package io.cordee.core.billing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.util.List;

/**
 * Set a project's billing plan (use case {@link BillingService#setPlan(io.cordee.core.identity.Caller,
 * SetBillingPlanCommand)}), or preview one ({@code previewBillingPlan}, the same rules). Valid on its own (ADR 79):
 * a project; a deposit of 0–100 %; a monthly plan has no milestones; otherwise at most {@value #MAX_MILESTONES}
 * milestones, each with a label of 1 to 200 characters, a date and a share of 1–100 %, and the deposit and the
 * shares add up to exactly 100 %. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput}
 * naming every broken field ({@code milestones[1].label}). What needs the project stays with the service
 * ({@link BillingPlan#checkAgainstProject}): no milestone before its start, a monthly plan needs its launch.
 *
 * @param expectedVersion the plan's version read; null when the project has no plan yet (and for a preview)
 */
public record SetBillingPlanCommand(ProjectId projectId, Long expectedVersion, int depositPercent,
                                    List<Milestone> milestones, boolean monthlyInArrears) {

    public static final int MAX_MILESTONES = 50;

    public SetBillingPlanCommand {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        planRules(new Validator().required("projectId", projectId), depositPercent, milestones, monthlyInArrears)
                .throwIfInvalid();
    }

    /** The rules of a plan itself, added to {@code v}; also those of a deal's plan ({@link BillingPlan#validate}). */
    static Validator planRules(Validator v, int depositPercent, List<Milestone> milestones, boolean monthlyInArrears) {
        v.range("depositPercent", depositPercent, 0, 100);
        if (monthlyInArrears) {
            return v.check(milestones.isEmpty(), "milestones", "a monthly plan has no milestones",
                    ErrorCode.INVALID_FORMAT);
        }
        int total = depositPercent + milestones.stream().mapToInt(Milestone::sharePercent).sum();
        v.check(total == 100, "milestones", "deposit and milestones must add up to 100 % (they add up to "
                + total + " %)", ErrorCode.OUT_OF_RANGE);
        v.check(milestones.size() <= MAX_MILESTONES, "milestones", "at most " + MAX_MILESTONES + " milestones",
                ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < milestones.size() && i < MAX_MILESTONES; i++) {
            Milestone m = milestones.get(i);
            String field = "milestones[" + i + "]";
            v.requiredText(field + ".label", m.label(), Validator.NAME_MAX_LENGTH)
                    .required(field + ".date", m.date())
                    .range(field + ".sharePercent", m.sharePercent(), 1, 100);
        }
        return v;
    }

    /** The same command from a plan already built (a deal's, an accepted proposal's, the demo's). */
    public SetBillingPlanCommand(ProjectId projectId, Long expectedVersion, BillingPlan plan) {
        this(projectId, expectedVersion, plan.depositPercent(), plan.milestones(), plan.monthlyInArrears());
    }

    /** The plan the command sets. */
    public BillingPlan plan() {
        return new BillingPlan(depositPercent, milestones, monthlyInArrears);
    }
}
