package io.cordee.core.export;

import io.cordee.core.agency.Agency;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The whole agency as data, for the complete export (ADR 42): every record the forecast and the alerts read,
 * with its id, so that an import into an empty agency can rebuild the same forecast. {@code OWNER} only:
 * it holds every cost. A fixed number of statements, whatever the agency's size.
 */
public final class AgencyExportService {

    /** Everything exported, each list in a stable order. */
    public record AgencyData(Agency agency, List<Client> clients, List<Project> projects, List<ProjectBilling> plans,
                             List<Invoice> invoices, List<Payment> payments, List<BankAccount> accounts,
                             List<BankBalance> balances, List<TeamMember> members, List<Absence> absences,
                             List<Allocation> allocations, List<Overhead> overheads, List<OneOffExpense> oneOffs,
                             List<LocalDate> holidays, io.cordee.core.alert.AlertThresholds thresholds,
                             io.cordee.core.relationship.HealthWeights healthWeights,
                             io.cordee.core.cash.CashRiskSettings cashRisk,
                             List<io.cordee.core.deal.Deal> deals,
                             List<io.cordee.core.timesheet.TimeEntry> timeEntries,
                             List<io.cordee.core.relationship.Interaction> interactions,
                             List<io.cordee.core.relationship.StrengthsMap> strengthsMaps,
                             List<io.cordee.core.relationship.Agreement> agreements,
                             List<io.cordee.core.relationship.Commitment> commitments,
                             ArchiveRecords records) {

        public AgencyData {
            records = records == null ? ArchiveRecords.NONE : records;
            deals = deals == null ? List.of() : List.copyOf(deals);
            timeEntries = timeEntries == null ? List.of() : List.copyOf(timeEntries);
            interactions = interactions == null ? List.of() : List.copyOf(interactions);
            strengthsMaps = strengthsMaps == null ? List.of() : List.copyOf(strengthsMaps);
            agreements = agreements == null ? List.of() : List.copyOf(agreements);
            commitments = commitments == null ? List.of() : List.copyOf(commitments);
        }
    }

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);


    private final AgencyArchivePorts ports;

    public AgencyExportService(AgencyArchivePorts ports) {
        this.ports = java.util.Objects.requireNonNull(ports, "ports");
    }

    /**
     * The agency in one read-only REPEATABLE READ transaction (ADR 58): every statement reads the same snapshot, so
     * an invoice's {@code paid} and its payments agree even while someone records a payment.
     */
    public Mono<AgencyData> read(Caller caller) {
        return Mono.fromCallable(() -> caller.require(EnumSet.of(Role.OWNER), "export the whole agency"))
                .then(ports.tx().inReadOnlySnapshot(snapshot(caller)));
    }

    private Mono<AgencyData> snapshot(Caller caller) {
        var agency = caller.agencyId();
        return Mono.zip(
                        ports.agencies().existing(agency),
                        sorted(ports.clients().findAll(agency), Comparator.comparing(c -> c.id().value())),
                        sorted(ports.members().findAll(agency), Comparator.comparing(m -> m.id().value())))
                .flatMap(base -> {
                    List<ClientId> clientIds = base.getT2().stream().map(Client::id).toList();
                    List<TeamMemberId> memberIds = base.getT3().stream().map(TeamMember::id).toList();
                    Mono<List<Project>> projectList = clientIds.isEmpty() ? Mono.just(List.of())
                            : sorted(ports.projects().findByClients(agency, clientIds),
                                    Comparator.comparing(p -> p.id().value()));
                    return projectList.flatMap(ps -> {
                        List<ProjectId> projectIds = ps.stream().map(Project::id).toList();
                        return Mono.zip(List.of(
                                projectIds.isEmpty() ? Mono.just(List.<ProjectBilling>of())
                                        : sorted(ports.billing().findPlans(agency, projectIds),
                                                Comparator.comparing(p -> p.projectId().value())),
                                ports.billing().findAllInvoices(agency).collectList(),
                                sorted(ports.billing().findPayments(agency, FIRST, LAST),
                                        Comparator.comparing(Payment::receivedOn).thenComparing(p -> p.id().value())),
                                ports.cash().accounts(agency).collectList(),
                                ports.cash().allBalances(agency).collectList(),
                                memberIds.isEmpty() ? Mono.just(List.<Absence>of())
                                        : sorted(ports.absences().findByMembers(agency, memberIds),
                                                Comparator.comparing(a -> a.id().value())),
                                projectIds.isEmpty() ? Mono.just(List.<Allocation>of())
                                        : sorted(ports.allocations().findByProjects(agency, projectIds),
                                                Comparator.comparing(a -> a.id().value())),
                                sorted(ports.cash().overheads(agency), Comparator.comparing(o -> o.id().value())),
                                sorted(ports.cash().oneOffs(agency, FIRST, LAST),
                                        Comparator.comparing(OneOffExpense::date).thenComparing(OneOffExpense::id)),
                                sorted(ports.agencies().holidays(agency, FIRST, LAST), Comparator.naturalOrder()),
                                // the settings an agency may have changed: none saved is the defaults (null)
                                ports.alerts().findThresholds(agency).map(t -> List.of(t.thresholds()))
                                        .defaultIfEmpty(List.of()),
                                ports.relationships().findHealthWeights(agency).map(List::of).defaultIfEmpty(List.of()),
                                ports.cashRisk().find(agency).map(List::of).defaultIfEmpty(List.of()),
                                // format 3 (ADR 61): the pipeline and the actual time, each in id order
                                ports.deals().findAll(agency).collectList(),
                                ports.timesheets().findAll(agency).collectList(),
                                // the relationship with each client (ADR 61), one statement per kind
                                clientIds.isEmpty() ? Mono.just(List.of()) : sorted(ports.relationships()
                                        .findInteractionsSince(agency, clientIds, FIRST),
                                        Comparator.comparing(i -> i.id().value())),
                                clientIds.isEmpty() ? Mono.just(List.of()) : sorted(ports.relationships()
                                        .findStrengthsMaps(agency, clientIds),
                                        Comparator.comparing(m -> m.clientId().value())),
                                clientIds.isEmpty() ? Mono.just(List.of()) : sorted(ports.relationships()
                                        .findAgreements(agency, clientIds), Comparator.comparing(a -> a.id().value())),
                                clientIds.isEmpty() ? Mono.just(List.of()) : sorted(ports.relationships()
                                        .findCommitments(agency, clientIds), Comparator.comparing(c -> c.id().value())),
                                // format 4 (ADR 70): briefs, proposals and comments as the tables hold them
                                ports.records().read(agency).map(List::of)),
                                r -> r).map(r -> new AgencyData(base.getT1(), base.getT2(), ps, cast(r[0]), cast(r[1]),
                                cast(r[2]), cast(r[3]), cast(r[4]), base.getT3(), cast(r[5]), cast(r[6]), cast(r[7]),
                                cast(r[8]), cast(r[9]), first(r[10]), first(r[11]), first(r[12]), cast(r[13]),
                                cast(r[14]), cast(r[15]), cast(r[16]), cast(r[17]), cast(r[18]), first(r[19])));
                    });
                });
    }

    private static <T> Mono<List<T>> sorted(Flux<T> flux, Comparator<? super T> order) {
        return flux.collectSortedList(order);
    }

    private static <T> T first(Object list) {
        List<T> l = cast(list);
        return l.isEmpty() ? null : l.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
