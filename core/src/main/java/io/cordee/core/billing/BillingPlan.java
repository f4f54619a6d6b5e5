package io.cordee.core.billing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How a project's fee is invoiced: an optional deposit at the start, then either milestones (each a
 * share of the fee on a date; deposit + milestones = 100 %) or monthly in arrears (the rest of the fee
 * in equal parts at the end of each month from the start to the launch).
 */
public record BillingPlan(int depositPercent, List<Milestone> milestones, boolean monthlyInArrears) {

    public BillingPlan {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** An invoice the plan asks for; {@code key} names its place in the plan so regeneration can match it. */
    public record PlannedInvoice(String key, String label, LocalDate issueDate, Money amount) {
    }

    /**
     * Checks a plan that no command carries yet (a deal's, ADR 52) against the dates of its project, every broken
     * rule at once: the rules of the plan itself ({@link SetBillingPlanCommand}'s), then its dates.
     */
    public void validate(LocalDate projectStart, LocalDate launch) {
        dates(SetBillingPlanCommand.planRules(new Validator(), depositPercent, milestones, monthlyInArrears),
                projectStart, launch).throwIfInvalid();
    }

    /**
     * Checks the plan of a {@link SetBillingPlanCommand}, whose own rules hold already (ADR 79), against the
     * project it is for: no milestone before the project's start, and a monthly plan needs the launch to know
     * its months.
     */
    public void checkAgainstProject(LocalDate projectStart, LocalDate launch) {
        dates(new Validator(), projectStart, launch).throwIfInvalid();
    }

    private Validator dates(Validator v, LocalDate projectStart, LocalDate launch) {
        if (monthlyInArrears) {
            return v.check(launch != null, "monthlyInArrears", "needs the project's launch date to know the months",
                    ErrorCode.REQUIRED);
        }
        for (int i = 0; i < milestones.size() && i < SetBillingPlanCommand.MAX_MILESTONES; i++) {
            v.notBefore("milestones[" + i + "].date", milestones.get(i).date(), "the project start", projectStart);
        }
        return v;
    }

    /**
     * The invoices this plan asks for a fee. Amounts are exact: every part is rounded down to the cent
     * and the last part takes what is left, so the parts always add up to the fee.
     */
    public List<PlannedInvoice> invoices(Money fee, LocalDate start, LocalDate launch) {
        List<PlannedInvoice> parts = new ArrayList<>();
        Money deposit = share(fee, depositPercent);
        if (depositPercent > 0) {
            parts.add(new PlannedInvoice("deposit", "Deposit " + depositPercent + " %", start, deposit));
        }
        if (monthlyInArrears) {
            YearMonth first = YearMonth.from(start);
            int months = (int) first.until(YearMonth.from(launch), java.time.temporal.ChronoUnit.MONTHS) + 1;
            long rest = fee.minorUnits() - deposit.minorUnits();
            long each = rest / months;
            for (int i = 0; i < months; i++) {
                YearMonth month = first.plusMonths(i);
                long amount = i == months - 1 ? rest - each * (months - 1) : each;
                parts.add(new PlannedInvoice("month:" + month, "Month " + month, month.atEndOfMonth(),
                        new Money(amount, fee.currency())));
            }
        } else {
            long allocated = deposit.minorUnits();
            for (int i = 0; i < milestones.size(); i++) {
                Milestone m = milestones.get(i);
                long amount = i == milestones.size() - 1 ? fee.minorUnits() - allocated
                        : share(fee, m.sharePercent()).minorUnits();
                allocated += amount;
                parts.add(new PlannedInvoice("milestone:" + (i + 1), m.label(), m.date(),
                        new Money(amount, fee.currency())));
            }
        }
        return parts;
    }

    private static Money share(Money fee, int percent) {
        long minor = BigDecimal.valueOf(fee.minorUnits()).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
        return new Money(minor, fee.currency());
    }
}
