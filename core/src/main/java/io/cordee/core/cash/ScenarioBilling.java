package io.cordee.core.cash;

import io.cordee.core.billing.Invoice;
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

    static List<Invoice> apply(List<Invoice> invoices, Map<ProjectId, Project> projects, Scenario scenario,
                               LocalDate asOf) {
        if (!scenario.changesBilling()) {
            return invoices;
        }
        List<Invoice> result = new ArrayList<>();
        Map<ProjectId, List<Invoice>> plannedByProject = invoices.stream()
                .filter(i -> i.status() == InvoiceStatus.PLANNED && i.projectId() != null)
                .filter(i -> adjustment(scenario, i) != null && adjustment(scenario, i).changesBilling())
                .filter(i -> projects.containsKey(i.projectId()))
                .collect(Collectors.groupingBy(Invoice::projectId));
        for (Invoice i : invoices) {
            if (i.projectId() == null || !plannedByProject.containsKey(i.projectId()) || i.status() != InvoiceStatus.PLANNED) {
                result.add(i);
            }
        }
        plannedByProject.forEach((projectId, planned) -> result.addAll(
                replan(planned, projects.get(projectId), adjustment(scenario, planned.get(0)), asOf)));
        return result;
    }

    private static Scenario.ClientAdjustment adjustment(Scenario scenario, Invoice invoice) {
        return scenario.adjustments().get(invoice.clientId());
    }

    static List<Invoice> replan(List<Invoice> planned, Project project, Scenario.ClientAdjustment adjustment,
                                LocalDate asOf) {
        Money remaining = planned.stream().map(Invoice::amount).reduce(Money.zero(project.feeBudget().currency()),
                Money::plus);
        LocalDate start = asOf.isAfter(project.startDate()) ? asOf : project.startDate();
        int terms = adjustment.paymentTermsDays() != null ? adjustment.paymentTermsDays() : project.paymentTermsDays();
        int depositPercent = adjustment.depositPercent() == null ? 0 : adjustment.depositPercent();
        long deposit = BigDecimal.valueOf(remaining.minorUnits()).multiply(BigDecimal.valueOf(depositPercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
        long rest = remaining.minorUnits() - deposit;
        List<Invoice> result = new ArrayList<>();
        if (deposit > 0) {
            result.add(invoice(planned.get(0), "Deposit " + depositPercent + " % (scenario)", start, terms, deposit));
        }
        if (adjustment.monthlyInArrears()) {
            YearMonth first = YearMonth.from(start);
            YearMonth last = project.launchDate() == null || project.launchDate().isBefore(start) ? first
                    : YearMonth.from(project.launchDate());
            int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
            long each = rest / months;
            for (int m = 0; m < months; m++) {
                long amount = m == months - 1 ? rest - each * (months - 1) : each;
                result.add(invoice(planned.get(0), "Month " + first.plusMonths(m) + " (scenario)",
                        first.plusMonths(m).atEndOfMonth(), terms, amount));
            }
        } else {
            // the same planned invoices, each scaled down by the deposit taken ahead of them
            long allocated = 0;
            for (int k = 0; k < planned.size(); k++) {
                Invoice p = planned.get(k);
                long amount = k == planned.size() - 1 ? rest - allocated
                        : BigDecimal.valueOf(p.amount().minorUnits()).multiply(BigDecimal.valueOf(rest))
                                .divide(BigDecimal.valueOf(remaining.minorUnits()), 0, RoundingMode.DOWN)
                                .longValueExact();
                allocated += amount;
                result.add(invoice(p, p.label(), p.issueDate(), terms, amount));
            }
        }
        return result.stream().filter(i -> i.amount().minorUnits() > 0).toList();
    }

    private static Invoice invoice(Invoice like, String label, LocalDate issue, int terms, long amount) {
        return new Invoice(new InvoiceId(UUID.nameUUIDFromBytes((like.id().value() + label).getBytes())),
                like.agencyId(), like.clientId(), like.projectId(), null, label, InvoiceStatus.PLANNED, issue,
                issue.plusDays(terms), new Money(amount, like.amount().currency()),
                Money.zero(like.amount().currency()), null, 0);
    }
}
