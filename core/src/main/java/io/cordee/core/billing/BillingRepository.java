package io.cordee.core.billing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: billing plans, invoices and payments, always within one agency. */
public interface BillingRepository {

    Mono<ProjectBilling> findPlan(AgencyId agencyId, ProjectId projectId);

    /** The plans of the given projects that have one, in one statement. */
    Flux<ProjectBilling> findPlans(AgencyId agencyId, Collection<ProjectId> projectIds);

    /** Inserts the plan (expectedVersion −1) or updates it from that version; empty if the version moved on. */
    Mono<ProjectBilling> savePlan(AgencyId agencyId, ProjectId projectId, BillingPlan plan, long expectedVersion);

    Mono<Invoice> findInvoice(AgencyId agencyId, InvoiceId id);

    Flux<Invoice> findInvoicesOfProject(AgencyId agencyId, ProjectId projectId);

    /**
     * The invoices of the given projects, by due date then id, each with its payments by date received, in one
     * statement (the {@code Project.invoices} and {@code Invoice.payments} edges).
     */
    Mono<InvoicesWithPayments> findInvoicesOfProjects(AgencyId agencyId, Collection<ProjectId> projectIds);

    /** The payments of the given invoices, by date received then id, in one statement ({@code Invoice.payments}). */
    Flux<Payment> findPaymentsOfInvoices(AgencyId agencyId, Collection<InvoiceId> invoiceIds);

    Mono<Page<Invoice>> findInvoicePage(AgencyId agencyId, InvoiceFilter filter, PageRequest page);

    /** Planned and issued invoices with a balance due: what the forecast expects to be paid. */
    Flux<Receivable> findReceivables(AgencyId agencyId);

    /**
     * What clients owed at the end of {@code asOf} on planned, issued and paid invoices: each invoice's
     * amount less the payments received on or before {@code asOf}, for those with something still due then.
     * A payment after {@code asOf} is not yet received, so an invoice paid since reads as ISSUED (ADR 38).
     */
    Flux<Receivable> findReceivables(AgencyId agencyId, LocalDate asOf);

    /** The due and paid dates of each client's last {@code perClient} paid invoices, for the delay model. */
    Flux<PaidDates> findLastPaidDates(AgencyId agencyId, Collection<ClientId> clientIds, int perClient);

    /** The same for every client of the agency. */
    Flux<PaidDates> findLastPaidDates(AgencyId agencyId, int perClient);

    /** Deletes the project's PLANNED invoices and inserts {@code planned} in their place. */
    Flux<Invoice> replacePlannedInvoices(AgencyId agencyId, ProjectId projectId, List<Invoice> planned);

    /** Writes if the stored version is still {@code invoice.version()}; empty otherwise. */
    Mono<Invoice> updateInvoice(Invoice invoice);

    Mono<Payment> insertPayment(Payment payment);

    /** Inserts an invoice that no plan generated; a number already used in the agency is an {@code InvalidInput}. */
    Mono<Invoice> insertInvoice(Invoice invoice);

    /**
     * Inserts many invoices (an import's batch, ADR 56): one statement in the database adapter; a number already
     * used is an {@code InvalidInput} and the caller's transaction rolls back.
     */
    default Mono<Void> insertInvoices(List<Invoice> invoices) {
        return Flux.fromIterable(invoices).concatMap(this::insertInvoice).then();
    }

    /** Inserts many payments (an import's batch, ADR 56): one statement in the database adapter. */
    default Mono<Void> insertPayments(List<Payment> payments) {
        return Flux.fromIterable(payments).concatMap(this::insertPayment).then();
    }

    /** Every payment received from a client. */
    Flux<Payment> findPaymentsOfClient(AgencyId agencyId, ClientId clientId);

    /** The date of the first payment received for each of the given projects that has one. */
    Mono<java.util.Map<ProjectId, LocalDate>> firstPaymentDates(AgencyId agencyId, Collection<ProjectId> projectIds);

    /** Payments received between two dates (both included). */
    Flux<Payment> findPayments(AgencyId agencyId, LocalDate from, LocalDate to);

    /** Issued invoices with a balance still due whose due date is before {@code date}: the overdue ones. */
    Flux<Invoice> findIssuedDueBefore(AgencyId agencyId, LocalDate date);

    /** Every invoice of the agency, whatever its status, by issue date then id (exports, ADR 42). */
    Flux<Invoice> findAllInvoices(AgencyId agencyId);
}
