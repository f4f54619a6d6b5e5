package io.cordee.api.graphql.billing;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.billing.AgedReceivables;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.CreateInvoiceCommand;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceFilter;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.IssueInvoiceCommand;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.billing.RecordPaymentCommand;
import io.cordee.core.billing.SetBillingPlanCommand;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class BillingController {

    public static final String TYPE = "Invoice";

    public record BillingPlanView(int depositPercent, boolean monthlyInArrears, List<Milestone> milestones,
                                  long version) {
        static BillingPlanView of(ProjectBilling b) {
            return new BillingPlanView(b.plan().depositPercent(), b.plan().monthlyInArrears(), b.plan().milestones(),
                    b.version());
        }
    }

    public record SetBillingPlanInput(String projectId, Long version, Integer depositPercent, Boolean monthlyInArrears,
                                      List<Milestone> milestones) {
    }

    public record SetBillingPlanPayload(BillingPlanView billingPlan, Project project, List<UserError> userErrors) {
    }

    public record IssueInvoiceInput(String id, Long version, String number, LocalDate issueDate) {
    }

    public record CreateInvoiceInput(String projectId, String label, MoneyInput amount, LocalDate issueDate,
                                     String number) {
    }

    public record CancelInvoiceInput(String id, Long version) {
    }

    public record RecordPaymentInput(String invoiceId, Long version, MoneyInput amount, LocalDate receivedOn) {
    }

    public record InvoicePayload(Invoice invoice, List<UserError> userErrors) {
    }

    public record PaymentBehaviour(int expectedDelayDays, int p90DelayDays, int basedOnInvoices) {
        static PaymentBehaviour of(PaymentDelayModel.Delays d) {
            return new PaymentBehaviour(d.expectedDays(), d.p90Days(), d.basedOnInvoices());
        }
    }

    private final BillingService billing;
    private final CashService cash;
    private final ClientService clients;
    private final ProjectService projects;
    private final AgencyService agencies;

    public BillingController(BillingService billing, CashService cash, ClientService clients, ProjectService projects,
                             AgencyService agencies) {
        this.billing = billing;
        this.cash = cash;
        this.clients = clients;
        this.projects = projects;
        this.agencies = agencies;
    }

    @QueryMapping
    public Mono<Connection<Invoice>> invoices(@Argument Integer first, @Argument String after, @Argument String clientId,
                                              @Argument String projectId, @Argument List<InvoiceStatus> status,
                                              DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> billing.invoices(caller, new InvoiceFilter(
                        ClientController.optionalId(clientId, "clientId"),
                        ProjectController.optionalId(projectId, "projectId"),
                        status == null || status.isEmpty() ? null : EnumSet.copyOf(status)), page));
    }

    /** One client's line of the aged receivables. */
    public record ClientAgedReceivables(ClientId clientId, AgedReceivables.Buckets buckets, int invoiceCount) {
    }

    public record AgedReceivablesView(LocalDate asOf, List<ClientAgedReceivables> clients,
                                      AgedReceivables.Buckets total) {
    }

    @QueryMapping
    public Mono<AgedReceivablesView> agedReceivables(@Argument LocalDate asOf) {
        return Callers.current().flatMap(caller -> billing.agedReceivables(caller, asOf))
                .map(r -> new AgedReceivablesView(r.asOf(), r.clients().stream()
                        .map(c -> new ClientAgedReceivables(c.clientId(), c.buckets(), c.invoices())).toList(),
                        r.total()));
    }

    @BatchMapping(typeName = "ClientAgedReceivables", field = "client")
    public Mono<Map<ClientAgedReceivables, Client>> agedClient(List<ClientAgedReceivables> batch) {
        return Batches.load(batch, ClientAgedReceivables::clientId, clients::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Invoice, Client>> client(List<Invoice> batch) {
        return Batches.load(batch, Invoice::clientId, clients::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Invoice, Project>> project(List<Invoice> batch) {
        return Batches.load(batch, Invoice::projectId, projects::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Invoice, LocalDate>> expectedPaymentDate(List<Invoice> batch) {
        return Callers.current()
                .flatMap(caller -> billing.paymentBehaviour(caller, batch.stream().map(Invoice::clientId).toList()))
                .map(delays -> {
                    Map<Invoice, LocalDate> result = new HashMap<>();
                    for (Invoice i : batch) {
                        PaymentDelayModel.Delays d = delays.get(i.clientId());
                        if (d != null && i.isExpectedToPay()) {
                            result.put(i, i.dueDate().plusDays(d.expectedDays()));
                        }
                    }
                    return result;
                });
    }

    @BatchMapping(typeName = "Project")
    public Mono<Map<Project, BillingPlanView>> billingPlan(List<Project> batch) {
        return Batches.load(batch, Project::id, billing::plans)
                .map(loaded -> Batches.mapValues(loaded, BillingPlanView::of));
    }

    @BatchMapping(typeName = "Project")
    public Mono<Map<Project, Integer>> timeToFirstCashDays(List<Project> batch) {
        return Callers.current().flatMap(caller -> agencies.current(caller).flatMap(agency -> cash.timeToFirstCash(
                        caller, batch.stream().distinct().toList(),
                        cash.today(agency))))
                .map(days -> Batches.join(batch, Project::id, Batches.mapValues(days, Long::intValue)));
    }

    @BatchMapping(typeName = "Client")
    public Mono<Map<Client, PaymentBehaviour>> paymentBehaviour(List<Client> batch) {
        return Batches.load(batch, Client::id, billing::paymentBehaviour)
                .map(loaded -> Batches.mapValues(loaded, PaymentBehaviour::of));
    }

    @MutationMapping
    public Mono<SetBillingPlanPayload> setBillingPlan(@Argument SetBillingPlanInput input) {
        return Mutations.asCaller(
                caller -> {
                    ProjectId projectId = new ProjectId(GlobalId.decode(input.projectId(), ProjectController.TYPE,
                            "projectId"));
                    return billing.setPlan(caller, new SetBillingPlanCommand(projectId, input.version(),
                                    input.depositPercent() == null ? 0 : input.depositPercent(), input.milestones(),
                                    Boolean.TRUE.equals(input.monthlyInArrears())))
                            .zipWhen(saved -> projects.get(caller, projectId));
                },
                saved -> new SetBillingPlanPayload(BillingPlanView.of(saved.getT1()), saved.getT2(), List.of()),
                errors -> new SetBillingPlanPayload(null, null, errors));
    }

    @MutationMapping
    public Mono<InvoicePayload> issueInvoice(@Argument IssueInvoiceInput input) {
        return Mutations.asCaller(caller -> billing.issue(caller, new IssueInvoiceCommand(
                        invoiceId(input.id(), "id"), input.version(), input.number(), input.issueDate())),
                InvoicePayload::new);
    }

    @MutationMapping
    public Mono<InvoicePayload> createInvoice(@Argument CreateInvoiceInput input) {
        return Mutations.asCaller(caller -> agencies.current(caller).flatMap(agency ->
                        billing.create(caller, new CreateInvoiceCommand(new ProjectId(GlobalId.decode(
                                        input.projectId(), ProjectController.TYPE, "projectId")), input.label(),
                                input.amount().toMoney(agency.settings().currency(), "amount"), input.number(),
                                input.issueDate()))),
                InvoicePayload::new);
    }

    @MutationMapping
    public Mono<InvoicePayload> cancelInvoice(@Argument CancelInvoiceInput input) {
        return Mutations.asCaller(caller -> billing.cancel(caller,
                invoiceId(input.id(), "id"), input.version()), InvoicePayload::new);
    }

    @MutationMapping
    public Mono<InvoicePayload> recordPayment(@Argument RecordPaymentInput input) {
        return Mutations.asCaller(caller -> agencies.current(caller).flatMap(agency ->
                        billing.recordPayment(caller, new RecordPaymentCommand(invoiceId(input.invoiceId(),
                                "invoiceId"), input.version(), input.amount().toMoney(agency.settings().currency(),
                                "amount"), input.receivedOn()))),
                InvoicePayload::new);
    }

    private static InvoiceId invoiceId(String id, String field) {
        return new InvoiceId(GlobalId.decode(id, TYPE, field));
    }
}
