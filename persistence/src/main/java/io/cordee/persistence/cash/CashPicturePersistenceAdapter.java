package io.cordee.persistence.cash;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.PaymentDrift;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.cash.AgencyCashPicture;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashPictureRepository;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.cash.OverheadId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.persistence.agency.AgencyRow;
import io.cordee.persistence.agency.AgencyRowMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads an agency's cash picture in {@value CashPictureRepository#STATEMENTS} statements whatever its size:
 * every payment, the receivables as of the date, the team (two: members, then their absences), clients,
 * projects and allocations, each its area adapter's own statement (so rows map the same way everywhere); and the
 * small ones — the opening balance, overheads, one-offs, holidays, each project's first payment, each
 * client's last paid invoices — in one
 * statement of their own. They run side by side but for the projects, which wait for the clients.
 */
@Component
class CashPicturePersistenceAdapter implements CashPictureRepository {

    private final DatabaseClient db;
    private final BillingRepository billing;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final TeamMemberRepository members;
    private final AllocationRepository allocations;
    private final AgencyRowMapper agencies;

    CashPicturePersistenceAdapter(DatabaseClient db, BillingRepository billing, ClientRepository clients,
                                  ProjectRepository projects, TeamMemberRepository members,
                                  AllocationRepository allocations, AgencyRowMapper agencies) {
        this.agencies = agencies;
        this.db = db;
        this.billing = billing;
        this.clients = clients;
        this.projects = projects;
        this.members = members;
        this.allocations = allocations;
    }

    @Override
    public Mono<Long> dataVersion(AgencyId agencyId) {
        return db.sql("SELECT coalesce((SELECT version FROM agency_data_version WHERE agency_id = :agencyId), 0)"
                        + " AS version")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> row.get("version", Long.class)).one();
    }

    @Override
    public Mono<VersionedAgency> agency(AgencyId agencyId) {
        return db.sql("SELECT a.agency_id, a.name, a.currency, a.time_zone, a.safety_cash_threshold_minor, a.payday,"
                        + " a.delay_startup_days, a.delay_sme_days, a.delay_enterprise_days, a.delay_public_days,"
                        + " a.version, coalesce(v.version, 0) AS data_version FROM agency a"
                        + " LEFT JOIN agency_data_version v ON v.agency_id = a.agency_id WHERE a.agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new VersionedAgency(agencies.toDomain(new AgencyRow(
                        row.get("agency_id", UUID.class), row.get("name", String.class),
                        row.get("currency", String.class), row.get("time_zone", String.class),
                        row.get("safety_cash_threshold_minor", Long.class), row.get("payday", Integer.class),
                        row.get("delay_startup_days", Integer.class), row.get("delay_sme_days", Integer.class),
                        row.get("delay_enterprise_days", Integer.class), row.get("delay_public_days", Integer.class),
                        row.get("version", Long.class))), row.get("data_version", Long.class)))
                .one();
    }

    @Override
    public Mono<AgencyCashPicture> load(Agency agency, LocalDate asOf) {
        AgencyId id = agency.id();
        LocalDate from = AgencyCashPicture.BEGINNING;
        LocalDate to = AgencyCashPicture.END;
        Mono<List<Client>> allClients = clients.findAll(id).collectList().cache();
        Mono<List<Project>> allProjects = allClients.flatMap(cs -> cs.isEmpty() ? Mono.just(List.<Project>of())
                : projects.findByClients(id, cs.stream().map(Client::id).toList()).collectList());
        return Mono.zip(List.<Mono<?>>of(smallFacts(id, asOf, true),
                        billing.findPayments(id, from, to).collectList(),
                        billing.findReceivables(id, asOf).collectList(),
                        members.findAll(id).collectList(),
                        Mono.zip(allClients, allProjects),
                        allocations.findOverlapping(id, from, to).collectList()), z -> picture(agency, asOf, z));
    }

    /**
     * What the forecast reads and no more, in at most {@value CashPictureRepository#FORECAST_STATEMENTS}
     * statements: the small facts (without each project's first payment), the payments received after the
     * opening balance's date (which they wait for), the receivables, the team, the clients. Not the 100,000
     * allocations, 10,000 projects and 20,000 payments of the large benchmark agency, which took 1.5 s to read
     * and map (docs/benchmarks.md).
     */
    @Override
    public Mono<AgencyCashPicture> loadForecast(Agency agency, LocalDate asOf) {
        AgencyId id = agency.id();
        Mono<Object[]> smallAndReceipts = smallFacts(id, asOf, false).flatMap(small -> (small.balance() == null
                ? Mono.just(List.<Payment>of())
                : billing.findPayments(id, small.balance().date().plusDays(1), asOf).collectList())
                .map(receipts -> new Object[] {small, receipts}));
        return Mono.zip(List.<Mono<?>>of(smallAndReceipts, billing.findReceivables(id, asOf).collectList(),
                members.findAll(id).collectList(), clients.findAll(id).collectList()), z -> forecastPicture(agency,
                asOf, z));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AgencyCashPicture forecastPicture(Agency agency, LocalDate asOf, Object[] z) {
        Object[] smallAndReceipts = (Object[]) z[0];
        SmallFacts small = (SmallFacts) smallAndReceipts[0];
        return AgencyCashPicture.forForecast(agency, asOf, small.balance(), (List) smallAndReceipts[1], (List) z[1],
                (List) z[2], small.overheads(), small.oneOffs(), (List) z[3], small.paidHistory(), small.holidays());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AgencyCashPicture picture(Agency agency, LocalDate asOf, Object[] z) {
        SmallFacts small = (SmallFacts) z[0];
        var clientsAndProjects = (reactor.util.function.Tuple2<List<Client>, List<Project>>) z[4];
        return new AgencyCashPicture(agency, asOf, small.balance(), (List) z[1], (List) z[2], (List) z[3],
                small.overheads(), small.oneOffs(), clientsAndProjects.getT1(), small.paidHistory(),
                clientsAndProjects.getT2(), (List) z[5], small.holidays(), small.firstPayments());
    }

    /** The picture's small tables, in one statement: each an array column (or a few) of one row. */
    private record SmallFacts(BankBalance balance, List<Overhead> overheads, List<OneOffExpense> oneOffs,
                              List<LocalDate> holidays, Map<ProjectId, LocalDate> firstPayments,
                              List<PaidDates> paidHistory) {
    }

    private static final String SMALL_FACTS = "WITH latest AS ("
            // each open account's latest balance on or before the date, then their sum, dated by the newest
            + " SELECT DISTINCT ON (b.account_id) b.on_date, b.currency, b.amount_minor FROM bank_balance b"
            + " JOIN bank_account a ON a.agency_id = b.agency_id AND a.id = b.account_id"
            + " WHERE b.agency_id = :agencyId AND NOT a.archived AND b.on_date <= :asOf"
            + " ORDER BY b.account_id, b.on_date DESC),"
            + " fp AS (SELECT i.project_id, min(p.received_on) AS first FROM payment p JOIN invoice i"
            + " ON i.agency_id = p.agency_id AND i.id = p.invoice_id"
            + " WHERE p.agency_id = :agencyId AND :firstPayments AND i.project_id IS NOT NULL GROUP BY i.project_id),"
            + " oh AS (SELECT * FROM overhead WHERE agency_id = :agencyId),"
            + " oo AS (SELECT * FROM one_off_expense WHERE agency_id = :agencyId),"
            // each client's last paid invoices, newest first, as BillingRepository#findLastPaidDates reads them
            + " ph AS (SELECT c.id AS client_id, last.id, last.due_date, last.paid_date FROM client c"
            + " CROSS JOIN LATERAL (SELECT i.id, i.due_date, i.paid_date FROM invoice i WHERE i.agency_id = :agencyId"
            + " AND i.client_id = c.id AND i.status = 'PAID' ORDER BY i.paid_date DESC, i.id DESC LIMIT :perClient) last"
            + " WHERE c.agency_id = :agencyId)"
            + " SELECT (SELECT count(*) FROM latest) AS accounts, (SELECT max(on_date) FROM latest) AS on_date,"
            + " (SELECT min(currency) FROM latest) AS currency,"
            + " (SELECT sum(amount_minor)::bigint FROM latest) AS amount_minor,"
            + " (SELECT array_agg(project_id ORDER BY project_id) FROM fp) AS fp_projects,"
            + " (SELECT array_agg(first ORDER BY project_id) FROM fp) AS fp_dates,"
            + " (SELECT array_agg(day ORDER BY day) FROM agency_holiday WHERE agency_id = :agencyId) AS holidays,"
            + " (SELECT array_agg(id ORDER BY label, id) FROM oh) AS oh_ids,"
            + " (SELECT array_agg(label ORDER BY label, id) FROM oh) AS oh_labels,"
            + " (SELECT array_agg(currency::text ORDER BY label, id) FROM oh) AS oh_currencies,"
            + " (SELECT array_agg(monthly_amount_minor ORDER BY label, id) FROM oh) AS oh_amounts,"
            + " (SELECT array_agg(day_of_month ORDER BY label, id) FROM oh) AS oh_days,"
            + " (SELECT array_agg(start_date ORDER BY label, id) FROM oh) AS oh_starts,"
            + " (SELECT array_agg(end_date ORDER BY label, id) FROM oh) AS oh_ends,"
            + " (SELECT array_agg(version ORDER BY label, id) FROM oh) AS oh_versions,"
            + " (SELECT array_agg(id ORDER BY on_date, id) FROM oo) AS oo_ids,"
            + " (SELECT array_agg(label ORDER BY on_date, id) FROM oo) AS oo_labels,"
            + " (SELECT array_agg(on_date ORDER BY on_date, id) FROM oo) AS oo_dates,"
            + " (SELECT array_agg(currency::text ORDER BY on_date, id) FROM oo) AS oo_currencies,"
            + " (SELECT array_agg(amount_minor ORDER BY on_date, id) FROM oo) AS oo_amounts,"
            + " (SELECT array_agg(version ORDER BY on_date, id) FROM oo) AS oo_versions,"
            + " (SELECT array_agg(client_id ORDER BY client_id, paid_date DESC, id DESC) FROM ph) AS ph_clients,"
            + " (SELECT array_agg(due_date ORDER BY client_id, paid_date DESC, id DESC) FROM ph) AS ph_due,"
            + " (SELECT array_agg(paid_date ORDER BY client_id, paid_date DESC, id DESC) FROM ph) AS ph_paid";

    /** @param firstPayments whether to read each project's first payment (a forecast picture does not) */
    private Mono<SmallFacts> smallFacts(AgencyId agencyId, LocalDate asOf, boolean firstPayments) {
        return db.sql(SMALL_FACTS).bind("agencyId", agencyId.value()).bind("asOf", asOf)
                .bind("firstPayments", firstPayments)
                .bind("perClient", PaymentDelayModel.HISTORY + PaymentDrift.RECENT)
                .map((row, meta) -> {
                    BankBalance balance = row.get("accounts", Long.class) == 0 ? null
                            : new BankBalance(row.get("on_date", LocalDate.class), Money.of(
                                    row.get("amount_minor", Long.class), row.get("currency", String.class).trim()));
                    Map<ProjectId, LocalDate> first = new HashMap<>();
                    UUID[] fpProjects = row.get("fp_projects", UUID[].class);
                    LocalDate[] fpDates = row.get("fp_dates", LocalDate[].class);
                    for (int i = 0; fpProjects != null && i < fpProjects.length; i++) {
                        first.put(new ProjectId(fpProjects[i]), fpDates[i]);
                    }
                    LocalDate[] days = row.get("holidays", LocalDate[].class);
                    List<Overhead> overheads = new ArrayList<>();
                    UUID[] ohIds = row.get("oh_ids", UUID[].class);
                    if (ohIds != null) {
                        String[] labels = row.get("oh_labels", String[].class);
                        String[] currencies = row.get("oh_currencies", String[].class);
                        Long[] amounts = row.get("oh_amounts", Long[].class);
                        Integer[] dayOfMonth = row.get("oh_days", Integer[].class);
                        LocalDate[] starts = row.get("oh_starts", LocalDate[].class);
                        LocalDate[] ends = row.get("oh_ends", LocalDate[].class);
                        Long[] versions = row.get("oh_versions", Long[].class);
                        for (int i = 0; i < ohIds.length; i++) {
                            overheads.add(new Overhead(new OverheadId(ohIds[i]), labels[i],
                                    Money.of(amounts[i], currencies[i].trim()), dayOfMonth[i], starts[i], ends[i],
                                    versions[i]));
                        }
                    }
                    List<OneOffExpense> oneOffs = new ArrayList<>();
                    UUID[] ooIds = row.get("oo_ids", UUID[].class);
                    if (ooIds != null) {
                        String[] labels = row.get("oo_labels", String[].class);
                        LocalDate[] dates = row.get("oo_dates", LocalDate[].class);
                        String[] currencies = row.get("oo_currencies", String[].class);
                        Long[] amounts = row.get("oo_amounts", Long[].class);
                        Long[] versions = row.get("oo_versions", Long[].class);
                        for (int i = 0; i < ooIds.length; i++) {
                            oneOffs.add(new OneOffExpense(ooIds[i], labels[i], dates[i],
                                    Money.of(amounts[i], currencies[i].trim()), versions[i]));
                        }
                    }
                    List<PaidDates> paid = new ArrayList<>();
                    UUID[] phClients = row.get("ph_clients", UUID[].class);
                    if (phClients != null) {
                        LocalDate[] due = row.get("ph_due", LocalDate[].class);
                        LocalDate[] paidOn = row.get("ph_paid", LocalDate[].class);
                        for (int i = 0; i < phClients.length; i++) {
                            paid.add(new PaidDates(new ClientId(phClients[i]), due[i], paidOn[i]));
                        }
                    }
                    return new SmallFacts(balance, overheads, oneOffs, days == null ? List.of() : List.of(days), first,
                            paid);
                })
                .one();
    }
}
