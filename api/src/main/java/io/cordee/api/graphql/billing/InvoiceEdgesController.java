package io.cordee.api.graphql.billing;

import io.cordee.api.graphql.common.Callers;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Payment;
import io.cordee.core.project.Project;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Project.invoices} and {@code Invoice.payments}: one statement per level for all the parents of a
 * request (ADR 0046). Who sees what is the billing service's rule, the same as {@code Query.invoices}: a LEAD's
 * {@code invoices} is null (hidden, docs/roles.md), a CLIENT user's holds its own issued and paid invoices.
 */
@Controller
public class InvoiceEdgesController {

    private final BillingService billing;

    public InvoiceEdgesController(BillingService billing) {
        this.billing = billing;
    }

    @BatchMapping(typeName = "Project")
    public Mono<Map<Project, List<Invoice>>> invoices(List<Project> batch) {
        return Callers.current().flatMap(caller -> {
            if (!caller.seesMoney() && !caller.isClientUser()) {
                return Mono.just(Map.<Project, List<Invoice>>of()); // a LEAD: null, as billingPlan
            }
            return billing.invoicesOfProjects(caller, batch.stream().map(Project::id).toList())
                    .map(byProject -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                            project -> byProject.getOrDefault(project.id(), List.of()))));
        });
    }

    @BatchMapping(typeName = BillingController.TYPE)
    public Mono<Map<Invoice, List<Payment>>> payments(List<Invoice> batch) {
        return Callers.current().flatMap(caller -> billing.paymentsOfInvoices(caller, batch))
                .map(byInvoice -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        invoice -> byInvoice.getOrDefault(invoice.id(), List.of()))));
    }
}
