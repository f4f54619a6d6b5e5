package io.cordee.core.cash;

import io.cordee.core.common.Computations;
import io.cordee.core.billing.Receivable;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What-if billing: the planned invoices of a client's projects, re-planned as a scenario asks (a
 * deposit now, monthly billing in arrears). Only what is still planned moves; issued invoices stay as
 * they are. Pure: the invoices it returns are never stored.
 */
final class ScenarioBilling {

    private ScenarioBilling() {
    }

    static List<Receivable> apply(List<Receivable> invoices, Map<ProjectId, Project> projects, Scenario scenario,
                               LocalDate asOf) {
        if (!scenario.changesBilling()) {
            return invoices;
        }
        List<Receivable> result = new ArrayList<>();
        Map<ProjectId, List<Receivable>> plannedByProject = invoices.stream()
                .filter(i -> i.status() == InvoiceStatus.PLANNED && i.projectId() != null)
                .filter(i -> adjustment(scenario, i) != null && adjustment(scenario, i).changesBilling())
                .filter(i -> projects.containsKey(i.projectId()))
                .collect(Collectors.groupingBy(Receivable::projectId));
        for (Receivable i : invoices) {
            Computations.checkpoint();
            if (i.projectId() == null || !plannedByProject.containsKey(i.projectId()) || i.status() != InvoiceStatus.PLANNED) {
                result.add(i);
            }
        }
        plannedByProject.forEach((projectId, planned) -> result.addAll(
                replan(planned, projects.get(projectId), adjustment(scenario, planned.get(0)), asOf)));
        return result;
    }

    private static Scenario.ClientAdjustment adjustment(Scenario scenario, Receivable invoice) {
        return scenario.adjustments().get(invoice.clientId());
    }

    static List<Receivable> replan(List<Receivable> given, Project project, Scenario.ClientAdjustment adjustment,
                                LocalDate asOf) {
        // in the order of their due dates, whatever order they came in (the database's, which an import or an update
        // changes): the derived ids and which invoice takes the rounding's remainder are then always the same
        List<Receivable> planned = given.stream().sorted(Receivable.BY_DUE_DATE).toList();
        Money remaining = planned.stream().map(Receivable::balance).reduce(Money.zero(project.feeBudget().currency()),
                Money::plus);
        LocalDate start = asOf.isAfter(project.startDate()) ? asOf : project.startDate();
        int terms = adjustment.paymentTermsDays() != null ? adjustment.paymentTermsDays() : project.paymentTermsDays();
        int depositPercent = adjustment.depositPercent() == null ? 0 : adjustment.depositPercent();
        long deposit = BigDecimal.valueOf(remaining.minorUnits()).multiply(BigDecimal.valueOf(depositPercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
        long rest = remaining.minorUnits() - deposit;
        List<Receivable> result = new ArrayList<>();
        if (deposit > 0) {
            result.add(receivable(planned.get(0), "deposit", start, terms, deposit));
        }
        if (adjustment.monthlyInArrears()) {
            YearMonth first = YearMonth.from(start);
            YearMonth last = project.launchDate() == null || project.launchDate().isBefore(start) ? first
                    : YearMonth.from(project.launchDate());
            int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
            long each = rest / months;
            for (int m = 0; m < months; m++) {
                long amount = m == months - 1 ? rest - each * (months - 1) : each;
                result.add(receivable(planned.get(0), "month " + first.plusMonths(m),
                        first.plusMonths(m).atEndOfMonth(), terms, amount));
            }
        } else {
            // the same planned invoices, each scaled down by the deposit taken ahead of them
            long allocated = 0;
            for (int k = 0; k < planned.size(); k++) {
                Receivable p = planned.get(k);
                long amount = k == planned.size() - 1 ? rest - allocated
                        : BigDecimal.valueOf(p.balance().minorUnits()).multiply(BigDecimal.valueOf(rest))
                                .divide(BigDecimal.valueOf(remaining.minorUnits()), 0, RoundingMode.DOWN)
                                .longValueExact();
                allocated += amount;
                result.add(receivable(p, "milestone " + k, p.issueDate(), terms, amount));
            }
        }
        return result.stream().filter(i -> i.balance().minorUnits() > 0).toList();
    }

    /** A receivable that exists only in the scenario; its id is derived, never stored. */
    private static Receivable receivable(Receivable like, String part, LocalDate issue, int terms, long amount) {
        return new Receivable(new InvoiceId(UUID.nameUUIDFromBytes((like.invoiceId().value() + part).getBytes())),
                like.clientId(), like.projectId(), InvoiceStatus.PLANNED, issue, issue.plusDays(terms),
                new Money(amount, like.balance().currency()));
    }
}
