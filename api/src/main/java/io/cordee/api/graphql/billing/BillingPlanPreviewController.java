package io.cordee.api.graphql.billing;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.SetBillingPlanCommand;
import io.cordee.core.cash.BillingPlanPreview;
import io.cordee.core.cash.BillingPlanPreviewService;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code previewBillingPlan}: a billing plan's invoices and effect before it is saved; nothing written. */
@Controller
public class BillingPlanPreviewController {

    public record PreviewBillingPlanInput(String projectId, Integer depositPercent, Boolean monthlyInArrears,
                                          List<Milestone> milestones, Integer horizonWeeks) {
    }

    public record PreviewBillingPlanPayload(PreviewView preview, List<UserError> userErrors) {
    }

    public record PreviewView(List<BillingPlanPreview.PlannedInvoice> invoices, EffectView effect) {
    }

    public record EffectView(LocalDate asOf, int horizonWeeks, Money lowestBalanceBefore, LocalDate lowestWeekBefore,
                             Money lowestBalanceAfter, LocalDate lowestWeekAfter, Money lowestBalanceChange,
                             LocalDate firstWeekBelowThresholdBefore, LocalDate firstWeekBelowThresholdAfter,
                             Money peakExposureBefore, LocalDate peakExposureWeekBefore, Money peakExposureAfter,
                             LocalDate peakExposureWeekAfter) {
        static EffectView of(BillingPlanPreview.Effect e) {
            return e == null ? null : new EffectView(e.asOf(), e.horizonWeeks(), e.lowestBefore(),
                    e.lowestWeekBefore(), e.lowestAfter(), e.lowestWeekAfter(), e.lowestAfter().minus(e.lowestBefore()),
                    e.firstWeekBelowThresholdBefore(), e.firstWeekBelowThresholdAfter(), e.peakExposureBefore(),
                    e.peakExposureWeekBefore(), e.peakExposureAfter(), e.peakExposureWeekAfter());
        }
    }

    private final BillingPlanPreviewService previews;

    public BillingPlanPreviewController(BillingPlanPreviewService previews) {
        this.previews = previews;
    }

    /** A query, yet answered like a mutation: what the user can fix comes back as {@code userErrors}. */
    @QueryMapping
    public Mono<PreviewBillingPlanPayload> previewBillingPlan(@Argument PreviewBillingPlanInput input) {
        return Mutations.asCaller(caller -> {
                    ProjectId projectId = new ProjectId(GlobalId.decode(input.projectId(), ProjectController.TYPE,
                            "projectId"));
                    SetBillingPlanCommand plan = new SetBillingPlanCommand(projectId, null,
                            input.depositPercent() == null ? 0 : input.depositPercent(), input.milestones(),
                            Boolean.TRUE.equals(input.monthlyInArrears()));
                    return previews.preview(caller, plan, input.horizonWeeks() == null
                            ? BillingPlanPreviewService.DEFAULT_HORIZON_WEEKS : input.horizonWeeks());
                },
                p -> new PreviewBillingPlanPayload(new PreviewView(p.invoices(), EffectView.of(p.forecast())),
                        List.of()),
                errors -> new PreviewBillingPlanPayload(null, errors));
    }
}
