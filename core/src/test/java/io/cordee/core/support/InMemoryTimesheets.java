package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.identity.Role;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.timesheet.TimeEntry;
import io.cordee.core.timesheet.TimesheetRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time entries in memory, with the adapter's rules (ADR 0080: {@code InMemoryTimesheetsContractTest}): a key is
 * stored once per agency, actuals are summed per project, member and day. What the adapter reads from other
 * tables (users, invoices) is recorded here with {@link #recordUser} and {@link #recordInvoice}.
 */
public final class InMemoryTimesheets implements TimesheetRepository {

    private record Owned<T>(AgencyId agencyId, T value) {
    }

    private record Invoice(ProjectId projectId, long minor, InvoiceStatus status) {
    }

    private record User(String email, String displayName, Role role) {
    }

    private final List<Owned<TimeEntry>> entries = new ArrayList<>();
    private final List<Owned<Invoice>> invoices = new ArrayList<>();
    private final List<Owned<User>> users = new ArrayList<>();

    /** A user of the agency, as the users table would hold them. */
    public synchronized void recordUser(AgencyId agencyId, String email, String displayName, Role role) {
        users.add(new Owned<>(agencyId, new User(email, displayName, role)));
    }

    /** An invoice of the project, as the invoice table would hold it. */
    public synchronized void recordInvoice(AgencyId agencyId, ProjectId projectId, long minor, InvoiceStatus status) {
        invoices.add(new Owned<>(agencyId, new Invoice(projectId, minor, status)));
    }

    @Override
    public synchronized Mono<Long> insertNew(AgencyId agencyId, List<TimeEntry> batch) {
        long inserted = 0;
        for (TimeEntry entry : batch) {
            if (ofAgency(entries, agencyId).noneMatch(e -> e.key().equals(entry.key()))) {
                entries.add(new Owned<>(agencyId, entry));
                inserted++;
            }
        }
        return Mono.just(inserted);
    }

    @Override
    public synchronized Flux<String> existingKeys(AgencyId agencyId, Collection<String> keys) {
        return Flux.fromIterable(ofAgency(entries, agencyId).map(TimeEntry::key).filter(keys::contains).toList());
    }

    @Override
    public synchronized Flux<StaffUser> staffUsers(AgencyId agencyId) {
        return Flux.fromIterable(ofAgency(users, agencyId).filter(u -> u.role() != Role.CLIENT)
                .map(u -> new StaffUser(u.email(), u.displayName())).toList());
    }

    @Override
    public synchronized Flux<TimeEntry> actuals(AgencyId agencyId, Collection<ProjectId> projectIds, LocalDate from,
                                                LocalDate to) {
        record Key(ProjectId project, TeamMemberId member, LocalDate day) {
        }
        Map<Key, Integer> minutes = new java.util.LinkedHashMap<>();
        ofAgency(entries, agencyId).filter(e -> projectIds.contains(e.projectId()))
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to))
                .forEach(e -> minutes.merge(new Key(e.projectId(), e.memberId(), e.date()), e.minutes(), Integer::sum));
        return Flux.fromIterable(minutes.entrySet().stream().map(m -> new TimeEntry(null, m.getKey().member(),
                m.getKey().project(), m.getKey().day(), m.getValue(), null, null)).toList());
    }

    @Override
    public synchronized Flux<TimeEntry> findAll(AgencyId agencyId) {
        return Flux.fromIterable(ofAgency(entries, agencyId)
                .sorted(Comparator.comparing(TimeEntry::id, StoredOrder.IDS)).toList());
    }

    @Override
    public synchronized Flux<Invoiced> invoiced(AgencyId agencyId, Collection<ProjectId> projectIds) {
        Map<String, Long> byProject = new TreeMap<>();
        Map<String, ProjectId> ids = new TreeMap<>();
        ofAgency(invoices, agencyId).filter(i -> projectIds.contains(i.projectId()))
                .filter(i -> i.status() == InvoiceStatus.ISSUED || i.status() == InvoiceStatus.PAID)
                .forEach(i -> {
                    byProject.merge(i.projectId().value().toString(), i.minor(), Long::sum);
                    ids.put(i.projectId().value().toString(), i.projectId());
                });
        return Flux.fromIterable(byProject.entrySet().stream()
                .map(e -> new Invoiced(ids.get(e.getKey()), e.getValue())).toList());
    }

    private static <T> java.util.stream.Stream<T> ofAgency(List<Owned<T>> rows, AgencyId agencyId) {
        return rows.stream().filter(r -> r.agencyId().equals(agencyId)).map(Owned::value);
    }
}
