package io.cordee.persistence.billing;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceFilter;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoicesWithPayments;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentId;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.Sql;
import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class BillingPersistenceAdapter implements BillingRepository {

    private static final String COLUMNS = "agency_id, id, client_id, project_id, plan_key, number, label, status,"
            + " issue_date, due_date, currency, amount_minor, paid_minor, paid_date, version";
    private static final String INVOICE_COLUMNS_OF_I = java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> "i." + c.strip()).collect(java.util.stream.Collectors.joining(", "));
    private static final String PAYMENT_COLUMNS = "id, invoice_id, client_id, received_on, currency, amount_minor";
    /**
     * Each client's last paid invoices: one short walk of the partial index {@code invoice_paid_by_client}
     * per client (LATERAL ... LIMIT), rather than numbering every paid invoice of the agency; handed
     * over as one row of column arrays, like the receivables.
     */
    private static final String LAST_PAID = "SELECT array_agg(c.id) AS clients, array_agg(last.due_date) AS due,"
            + " array_agg(last.paid_date) AS paid FROM %s"
            + " CROSS JOIN LATERAL (SELECT due_date, paid_date FROM invoice i WHERE i.agency_id = :agencyId"
            + " AND i.client_id = c.id AND i.status = 'PAID' ORDER BY i.paid_date DESC, i.id DESC"
            + " LIMIT :perClient) last";
    private static final KeysetQuery<InvoiceRow> PAGE = new KeysetQuery<>("invoice", COLUMNS, "due_date",
            InvoiceRow.class, InvoiceRow::dueDate, InvoiceRow::id, LocalDate::parse);

    private final DatabaseClient db;
    private final BillingRowMapper mapper;
    private final MilestonesJson milestones;

    public BillingPersistenceAdapter(DatabaseClient db, BillingRowMapper mapper, MilestonesJson milestones) {
        this.db = db;
        this.mapper = mapper;
        this.milestones = milestones;
    }

    @Override
    public Mono<ProjectBilling> findPlan(AgencyId agencyId, ProjectId projectId) {
        return findPlans(agencyId, List.of(projectId)).next();
    }

    @Override
    public Flux<ProjectBilling> findPlans(AgencyId agencyId, Collection<ProjectId> projectIds) {
        return db.sql("SELECT project_id, deposit_percent, monthly_in_arrears, milestones, version FROM billing_plan"
                        + " WHERE agency_id = :agencyId AND project_id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new))
                .map((row, meta) -> new ProjectBilling(new ProjectId(row.get("project_id", UUID.class)),
                        new BillingPlan(row.get("deposit_percent", Integer.class),
                                milestones.fromJson(row.get("milestones", Json.class)),
                                row.get("monthly_in_arrears", Boolean.class)), row.get("version", Long.class)))
                .all();
    }

    @Override
    public Mono<ProjectBilling> savePlan(AgencyId agencyId, ProjectId projectId, BillingPlan plan, long expectedVersion) {
        String sql = expectedVersion < 0
                ? "INSERT INTO billing_plan (agency_id, project_id, deposit_percent, monthly_in_arrears, milestones)"
                        + " VALUES (:agencyId, :projectId, :deposit, :monthly, :milestones)"
                        + " ON CONFLICT (agency_id, project_id) DO NOTHING RETURNING version"
                : updateAtVersion("billing_plan",
                        "deposit_percent = :deposit, monthly_in_arrears = :monthly, milestones = :milestones",
                        "project_id = :projectId") + " RETURNING version";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("agencyId", agencyId.value()).bind("projectId", projectId.value())
                .bind("deposit", plan.depositPercent()).bind("monthly", plan.monthlyInArrears())
                .bind("milestones", milestones.toJson(plan.milestones()));
        if (expectedVersion >= 0) {
            spec = spec.bind("version", expectedVersion);
        }
        return spec.mapValue(Long.class).one().map(version -> new ProjectBilling(projectId, plan, version));
    }

    @Override
    public Mono<Invoice> findInvoice(AgencyId agencyId, InvoiceId id) {
        return db.sql("SELECT " + COLUMNS + " FROM invoice WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .map(BillingPersistenceAdapter::invoiceRow).one().map(mapper::toDomain);
    }

    @Override
    public Flux<Invoice> findIssuedDueBefore(AgencyId agencyId, LocalDate date) {
        return db.sql("SELECT " + COLUMNS + " FROM invoice WHERE agency_id = :agencyId AND status = 'ISSUED'"
                        + " AND paid_minor < amount_minor AND due_date < :date ORDER BY due_date, id")
                .bind("agencyId", agencyId.value()).bind("date", date)
                .map(BillingPersistenceAdapter::invoiceRow).all().map(mapper::toDomain);
    }

    @Override
    public Flux<Invoice> findAllInvoices(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM invoice WHERE agency_id = :agencyId ORDER BY issue_date, id")
                .bind("agencyId", agencyId.value())
                .map(BillingPersistenceAdapter::invoiceRow).all().map(mapper::toDomain);
    }

    @Override
    public Flux<Invoice> findInvoicesOfProject(AgencyId agencyId, ProjectId projectId) {
        return db.sql("SELECT " + COLUMNS + " FROM invoice WHERE agency_id = :agencyId AND project_id = :projectId"
                        + " ORDER BY due_date, id")
                .bind("agencyId", agencyId.value()).bind("projectId", projectId.value())
                .map(BillingPersistenceAdapter::invoiceRow).all().map(mapper::toDomain);
    }

    private record InvoiceAndPayment(Invoice invoice, Payment payment) {
    }

    /** Each invoice on as many rows as it has payments (one with null payment columns when it has none). */
    @Override
    public Mono<InvoicesWithPayments> findInvoicesOfProjects(AgencyId agencyId, Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Mono.just(new InvoicesWithPayments(List.of(), Map.of()));
        }
        return db.sql("SELECT " + INVOICE_COLUMNS_OF_I + ", p.id AS payment_id, p.client_id AS payment_client_id,"
                        + " p.received_on, p.currency AS payment_currency, p.amount_minor AS payment_amount_minor"
                        + " FROM invoice i LEFT JOIN payment p ON p.agency_id = i.agency_id AND p.invoice_id = i.id"
                        + " WHERE i.agency_id = :agencyId AND i.project_id = ANY(:ids)"
                        + " ORDER BY i.due_date, i.id, p.received_on, p.id")
                .bind("agencyId", agencyId.value())
                .bind("ids", projectIds.stream().map(ProjectId::value).distinct().toArray(UUID[]::new))
                .map((row, meta) -> {
                    Invoice invoice = mapper.toDomain(invoiceRow(row));
                    UUID paymentId = row.get("payment_id", UUID.class);
                    Payment payment = paymentId == null ? null : new Payment(new PaymentId(paymentId), agencyId,
                            invoice.id(), new ClientId(row.get("payment_client_id", UUID.class)),
                            row.get("received_on", LocalDate.class),
                            Money.of(row.get("payment_amount_minor", Long.class),
                                    row.get("payment_currency", String.class).trim()));
                    return new InvoiceAndPayment(invoice, payment);
                })
                .all()
                .collectList()
                .map(rows -> {
                    Map<InvoiceId, Invoice> invoices = new java.util.LinkedHashMap<>();
                    Map<InvoiceId, List<Payment>> payments = new java.util.HashMap<>();
                    for (InvoiceAndPayment r : rows) {
                        invoices.putIfAbsent(r.invoice().id(), r.invoice());
                        List<Payment> of = payments.computeIfAbsent(r.invoice().id(), k -> new java.util.ArrayList<>());
                        if (r.payment() != null) {
                            of.add(r.payment());
                        }
                    }
                    return new InvoicesWithPayments(List.copyOf(invoices.values()), payments);
                });
    }

    @Override
    public Flux<Payment> findPaymentsOfInvoices(AgencyId agencyId, Collection<InvoiceId> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE agency_id = :agencyId"
                        + " AND invoice_id = ANY(:ids) ORDER BY received_on, id")
                .bind("agencyId", agencyId.value())
                .bind("ids", invoiceIds.stream().map(InvoiceId::value).distinct().toArray(UUID[]::new))
                .map((row, meta) -> payment(agencyId, row)).all();
    }

    @Override
    public Mono<Page<Invoice>> findInvoicePage(AgencyId agencyId, InvoiceFilter filter, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("client_id = :clientId", "clientId", filter.clientId() == null ? null : filter.clientId().value())
                .and("project_id = :projectId", "projectId",
                        filter.projectId() == null ? null : filter.projectId().value())
                .and("status = ANY(:statuses)", "statuses", filter.statuses() == null ? null
                        : filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        return PAGE.fetch(db, where, page, mapper::toDomain);
    }

    /**
     * Read as plain rows, by position (ADR 100): in binary, 30,000 rows through the driver took 55 ms where one row of
     * column arrays took 103 ms, most of it PostgreSQL building and sending the arrays.
     */
    @Override
    public Flux<Receivable> findReceivables(AgencyId agencyId) {
        return db.sql("SELECT id, client_id, project_id, status, issue_date, due_date, currency,"
                        + " amount_minor - paid_minor AS balance"
                        + " FROM invoice WHERE agency_id = :agencyId"
                        + " AND status IN ('PLANNED', 'ISSUED') AND paid_minor < amount_minor")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> receivable(row))
                .all();
    }

    /**
     * As {@link #findReceivables(AgencyId)}, as of the end of {@code asOf}: the payments received after it are
     * added back (one aggregate over the agency's later payments, usually none when asOf is today), and an
     * invoice paid since reads as ISSUED with what it still owed then (ADR 38).
     */
    @Override
    public Flux<Receivable> findReceivables(AgencyId agencyId, LocalDate asOf) {
        return db.sql("WITH later AS (SELECT invoice_id, sum(amount_minor)::bigint AS later_minor FROM payment"
                        + " WHERE agency_id = :agencyId AND received_on > :asOf GROUP BY invoice_id)"
                        + " SELECT i.id, i.client_id, i.project_id,"
                        + " CASE WHEN i.status = 'PAID' THEN 'ISSUED' ELSE i.status END AS status,"
                        + " i.issue_date, i.due_date, i.currency,"
                        + " i.amount_minor - i.paid_minor + coalesce(l.later_minor, 0) AS balance"
                        + " FROM invoice i LEFT JOIN later l ON l.invoice_id = i.id WHERE i.agency_id = :agencyId"
                        + " AND i.status IN ('PLANNED', 'ISSUED', 'PAID')"
                        + " AND i.paid_minor - coalesce(l.later_minor, 0) < i.amount_minor")
                .bind("agencyId", agencyId.value()).bind("asOf", asOf)
                .map((row, meta) -> receivable(row))
                .all();
    }

    private static Receivable receivable(io.r2dbc.spi.Readable row) {
        return new Receivable(new InvoiceId(row.get(0, UUID.class)), new ClientId(row.get(1, UUID.class)),
                new ProjectId(row.get(2, UUID.class)), InvoiceStatus.valueOf(row.get(3, String.class).trim()),
                row.get(4, LocalDate.class), row.get(5, LocalDate.class),
                Money.of(row.get(7, Long.class), row.get(6, String.class).trim()));
    }

    @Override
    public Flux<PaidDates> findLastPaidDates(AgencyId agencyId, Collection<ClientId> clientIds, int perClient) {
        return db.sql(LAST_PAID.formatted("unnest(:clientIds) AS c(id)"))
                .bind("agencyId", agencyId.value()).bind("perClient", perClient)
                .bind("clientIds", clientIds.stream().map(ClientId::value).toArray(UUID[]::new))
                .map(BillingPersistenceAdapter::paidDates).one().flatMapIterable(list -> list);
    }

    @Override
    public Flux<PaidDates> findLastPaidDates(AgencyId agencyId, int perClient) {
        return db.sql(LAST_PAID.formatted("client c") + " WHERE c.agency_id = :agencyId")
                .bind("agencyId", agencyId.value()).bind("perClient", perClient)
                .map(BillingPersistenceAdapter::paidDates).one().flatMapIterable(list -> list);
    }

    private static List<PaidDates> paidDates(io.r2dbc.spi.Readable row) {
        UUID[] clients = row.get("clients", UUID[].class);
        if (clients == null) {
            return List.of();
        }
        LocalDate[] due = row.get("due", LocalDate[].class);
        LocalDate[] paid = row.get("paid", LocalDate[].class);
        List<PaidDates> dates = new java.util.ArrayList<>(clients.length);
        for (int i = 0; i < clients.length; i++) {
            dates.add(new PaidDates(new ClientId(clients[i]), due[i], paid[i]));
        }
        return dates;
    }

    @Override
    public Flux<Invoice> replacePlannedInvoices(AgencyId agencyId, ProjectId projectId, List<Invoice> planned) {
        Mono<Void> delete = db.sql("DELETE FROM invoice WHERE agency_id = :agencyId AND project_id = :projectId"
                        + " AND status = 'PLANNED'")
                .bind("agencyId", agencyId.value()).bind("projectId", projectId.value()).then();
        return delete.thenMany(Flux.fromIterable(planned).concatMap(this::insertInvoice));
    }

    @Override
    public Mono<Invoice> insertInvoice(Invoice invoice) {
        return db.sql(insertInto("invoice", COLUMNS) + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(invoice))
                .map(BillingPersistenceAdapter::invoiceRow).one().map(mapper::toDomain)
                .onErrorMap(DuplicateKeyException.class, BillingPersistenceAdapter::numberTaken);
    }

    private static final io.cordee.persistence.common.BulkInsert<InvoiceRow> INVOICES =
            new io.cordee.persistence.common.BulkInsert<InvoiceRow>("invoice")
                    .column("agency_id", "uuid", InvoiceRow::agencyId).column("id", "uuid", InvoiceRow::id)
                    .column("client_id", "uuid", InvoiceRow::clientId).column("project_id", "uuid", InvoiceRow::projectId)
                    .column("plan_key", "text", InvoiceRow::planKey).column("number", "text", InvoiceRow::number)
                    .column("label", "text", InvoiceRow::label).column("status", "text", InvoiceRow::status)
                    .column("issue_date", "date", InvoiceRow::issueDate).column("due_date", "date", InvoiceRow::dueDate)
                    .column("currency", "text", InvoiceRow::currency)
                    .column("amount_minor", "bigint", InvoiceRow::amountMinor)
                    .column("paid_minor", "bigint", InvoiceRow::paidMinor)
                    .column("paid_date", "date", InvoiceRow::paidDate).column("version", "bigint", InvoiceRow::version);

    private static final io.cordee.persistence.common.BulkInsert<Payment> PAYMENTS =
            new io.cordee.persistence.common.BulkInsert<Payment>("payment")
                    .column("agency_id", "uuid", p -> p.agencyId().value()).column("id", "uuid", p -> p.id().value())
                    .column("invoice_id", "uuid", p -> p.invoiceId().value())
                    .column("client_id", "uuid", p -> p.clientId().value())
                    .column("received_on", "date", Payment::receivedOn)
                    .column("currency", "text", p -> p.amount().currency().getCurrencyCode())
                    .column("amount_minor", "bigint", p -> p.amount().minorUnits());

    @Override
    public Mono<Void> insertInvoices(List<Invoice> invoices) {
        return INVOICES.insert(db, invoices.stream().map(mapper::toRow).toList())
                .onErrorMap(DuplicateKeyException.class, BillingPersistenceAdapter::numberTaken);
    }

    @Override
    public Mono<Void> insertPayments(List<Payment> payments) {
        return PAYMENTS.insert(db, payments);
    }

    private static InvalidInput numberTaken(DuplicateKeyException e) {
        return InvalidInput.of("number", "is already the number of another invoice of the agency", ErrorCode.DUPLICATE);
    }

    @Override
    public Mono<Invoice> updateInvoice(Invoice invoice) {
        return db.sql(updateAtVersion("invoice", "client_id = :clientId, project_id = :projectId,"
                                + " plan_key = :planKey, number = :number, label = :label, status = :status,"
                                + " issue_date = :issueDate, due_date = :dueDate, currency = :currency,"
                                + " amount_minor = :amountMinor, paid_minor = :paidMinor, paid_date = :paidDate",
                        "id = :id") + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(invoice))
                .map(BillingPersistenceAdapter::invoiceRow).one().map(mapper::toDomain)
                .onErrorMap(DuplicateKeyException.class, BillingPersistenceAdapter::numberTaken);
    }

    @Override
    public Mono<Payment> insertPayment(Payment payment) {
        return db.sql("INSERT INTO payment (agency_id, id, invoice_id, client_id, received_on, currency, amount_minor)"
                        + " VALUES (:agencyId, :id, :invoiceId, :clientId, :receivedOn, :currency, :amount)")
                .bind("agencyId", payment.agencyId().value()).bind("id", payment.id().value())
                .bind("invoiceId", payment.invoiceId().value()).bind("clientId", payment.clientId().value())
                .bind("receivedOn", payment.receivedOn())
                .bind("currency", payment.amount().currency().getCurrencyCode())
                .bind("amount", payment.amount().minorUnits())
                .then().thenReturn(payment);
    }

    @Override
    public Flux<Payment> findPaymentsOfClient(AgencyId agencyId, ClientId clientId) {
        return payments("client_id = :clientId", "clientId", clientId.value(), agencyId);
    }

    @Override
    public Mono<Map<ProjectId, LocalDate>> firstPaymentDates(AgencyId agencyId, Collection<ProjectId> projectIds) {
        return db.sql("SELECT i.project_id, min(p.received_on) AS first FROM payment p JOIN invoice i"
                        + " ON i.agency_id = p.agency_id AND i.id = p.invoice_id"
                        + " WHERE p.agency_id = :agencyId AND i.project_id = ANY(:ids) GROUP BY i.project_id")
                .bind("agencyId", agencyId.value())
                .bind("ids", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new))
                .map((row, meta) -> Map.entry(new ProjectId(row.get("project_id", UUID.class)),
                        row.get("first", LocalDate.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Flux<Payment> findPayments(AgencyId agencyId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Flux.empty();
        }
        return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment"
                        + " WHERE agency_id = :agencyId AND received_on BETWEEN :from AND :to")
                .bind("agencyId", agencyId.value()).bind("from", from).bind("to", to)
                .map((row, meta) -> payment(agencyId, row)).all();
    }

    private Flux<Payment> payments(String condition, String param, Object value, AgencyId agencyId) {
        return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment"
                        + " WHERE agency_id = :agencyId AND " + condition + " ORDER BY received_on")
                .bind("agencyId", agencyId.value()).bind(param, value)
                .map((row, meta) -> payment(agencyId, row)).all();
    }

    /**
     * Invoices are read by the tens of thousands for a forecast: mapped column by column, without the
     * reflection of {@code mapProperties}.
     */
    static InvoiceRow invoiceRow(io.r2dbc.spi.Readable row) {
        return new InvoiceRow(row.get("agency_id", UUID.class), row.get("id", UUID.class),
                row.get("client_id", UUID.class), row.get("project_id", UUID.class), row.get("plan_key", String.class),
                row.get("number", String.class), row.get("label", String.class), row.get("status", String.class),
                row.get("issue_date", LocalDate.class), row.get("due_date", LocalDate.class),
                row.get("currency", String.class), row.get("amount_minor", Long.class),
                row.get("paid_minor", Long.class), row.get("paid_date", LocalDate.class),
                row.get("version", Long.class));
    }

    private static Payment payment(AgencyId agencyId, io.r2dbc.spi.Readable row) {
        return new Payment(new PaymentId(row.get("id", UUID.class)), agencyId,
                new InvoiceId(row.get("invoice_id", UUID.class)), new ClientId(row.get("client_id", UUID.class)),
                row.get("received_on", LocalDate.class),
                Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class).trim()));
    }
}
