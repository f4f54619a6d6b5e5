package io.cordee.api.graphql.billing;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.Callers;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.Payment;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Project.invoices} and {@code Invoice.payments} (ADR 0046). The invoices of all the projects of a request
 * are read in one statement together with their payments, which are kept for the request: {@code payments} of
 * those invoices then costs no statement, and of other invoices (from {@code Query.invoices}, {@code node}) one
 * for all of them. Who sees what is the billing service's rule, as for {@code Query.invoices}: a LEAD's
 * {@code invoices} is null (hidden, docs/roles.md), a CLIENT user's holds its own issued and paid invoices.
 */
@Controller
public class InvoiceEdgesController {

    /** The payments read with {@code Project.invoices} in this request, by invoice. */
    private static final String READ_PAYMENTS = InvoiceEdgesController.class.getName() + ".payments";

    private final BillingService billing;

    public InvoiceEdgesController(BillingService billing) {
        this.billing = billing;
    }

    @BatchMapping(typeName = "Project")
    public Mono<Map<Project, List<Invoice>>> invoices(List<Project> batch, GraphQLContext context) {
        return Callers.current().flatMap(caller -> {
            if (!caller.seesMoney() && !caller.isClientUser()) {
                return Mono.just(Map.<Project, List<Invoice>>of()); // a LEAD: null, as billingPlan
            }
            return billing.invoicesOfProjects(caller, batch.stream().map(Project::id).toList()).map(read -> {
                readPayments(context).putAll(read.payments());
                Map<ProjectId, List<Invoice>> byProject = read.invoices().stream()
                        .collect(Collectors.groupingBy(Invoice::projectId));
                Map<Project, List<Invoice>> result = new HashMap<>();
                batch.forEach(project -> result.put(project, byProject.getOrDefault(project.id(), List.of())));
                return result;
            });
        });
    }

    @BatchMapping(typeName = BillingController.TYPE)
    public Mono<Map<Invoice, List<Payment>>> payments(List<Invoice> batch, GraphQLContext context) {
        Map<InvoiceId, List<Payment>> known = readPayments(context);
        List<Invoice> unknown = batch.stream().filter(i -> !known.containsKey(i.id())).distinct().toList();
        Mono<Map<InvoiceId, List<Payment>>> read = unknown.isEmpty() ? Mono.just(Map.of())
                : Callers.current().flatMap(caller -> billing.paymentsOfInvoices(caller, unknown));
        return read.map(more -> {
            Map<Invoice, List<Payment>> result = new HashMap<>();
            for (Invoice invoice : batch) {
                List<Payment> payments = known.get(invoice.id());
                result.put(invoice, payments != null ? payments : more.getOrDefault(invoice.id(), List.of()));
            }
            return result;
        });
    }

    private static Map<InvoiceId, List<Payment>> readPayments(GraphQLContext context) {
        return context.computeIfAbsent(READ_PAYMENTS, key -> new ConcurrentHashMap<InvoiceId, List<Payment>>());
    }
}
