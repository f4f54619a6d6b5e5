package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.AbsenceRepository;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Team members and their absences in memory, with the adapters' rules (ADR 0080: {@code InMemoryTeamContractTest}
 * runs both contracts on it): every read and write within one agency, versions checked, members read with their
 * absences, written without them. Names are ordered as Java orders strings, which agrees with the database for the
 * plain names tests use.
 */
public final class InMemoryTeam implements TeamMemberRepository, AbsenceRepository {

    private static final Comparator<TeamMember> BY_NAME = Comparator.comparing(TeamMember::name)
            .thenComparing(m -> m.id().value(), StoredOrder.IDS);
    private static final Comparator<Absence> BY_START = Comparator.comparing(Absence::from)
            .thenComparing(a -> a.id().value(), StoredOrder.IDS);

    private final Map<TeamMemberId, TeamMember> members = new ConcurrentHashMap<>();
    private final Map<AbsenceId, Absence> absences = new ConcurrentHashMap<>();

    // ---- team members --------------------------------------------------------------------------

    @Override
    public Mono<TeamMember> findById(AgencyId agencyId, TeamMemberId id) {
        return Mono.justOrEmpty(members.get(id)).filter(m -> m.agencyId().equals(agencyId)).map(this::withAbsences);
    }

    @Override
    public Mono<Page<TeamMember>> findPage(AgencyId agencyId, boolean includeArchived, PageRequest page) {
        return Mono.fromSupplier(() -> {
            List<TeamMember> all = ofAgency(agencyId).filter(m -> includeArchived || !m.archived()).toList();
            List<TeamMember> rest = all;
            if (page.after() != null) {
                int bar = page.after().lastIndexOf('|');
                TeamMember cursor = new TeamMember(new TeamMemberId(UUID.fromString(page.after().substring(bar + 1))),
                        agencyId, page.after().substring(0, bar), null, List.of(), java.math.BigDecimal.ONE,
                        io.cordee.core.money.Money.of(0, "EUR"), io.cordee.core.money.Money.of(0, "EUR"), false, 0);
                rest = all.stream().filter(m -> BY_NAME.compare(m, cursor) > 0).toList();
            }
            List<Page.Edge<TeamMember>> edges = rest.stream().limit(page.first())
                    .map(m -> new Page.Edge<>(withAbsences(m), m.name() + "|" + m.id().value())).toList();
            return new Page<>(edges, rest.size() > page.first(), page.withTotal() ? all.size() : Page.NOT_COUNTED);
        });
    }

    @Override
    public Flux<TeamMember> findAllById(AgencyId agencyId, Collection<TeamMemberId> ids) {
        return Flux.defer(() -> Flux.fromIterable(ofAgency(agencyId).filter(m -> ids.contains(m.id()))
                .map(this::withAbsences).toList()));
    }

    @Override
    public Flux<TeamMember> findAll(AgencyId agencyId) {
        return Flux.defer(() -> Flux.fromIterable(ofAgency(agencyId).map(this::withAbsences).toList()));
    }

    @Override
    public Mono<TeamMember> insert(TeamMember member) {
        return Mono.fromSupplier(() -> {
            TeamMember stored = TeamMember.withAbsences(member, List.of());
            if (members.putIfAbsent(member.id(), stored) != null) {
                throw new IllegalStateException("team member " + member.id().value() + " already exists");
            }
            return stored;
        });
    }

    @Override
    public synchronized Mono<TeamMember> update(TeamMember m) {
        TeamMember current = members.get(m.id());
        if (current == null || !current.agencyId().equals(m.agencyId()) || current.version() != m.version()) {
            return Mono.empty();
        }
        TeamMember next = new TeamMember(m.id(), m.agencyId(), m.name(), m.jobTitle(), m.skills(), m.fte(),
                m.monthlyLoadedCost(), m.dailyBillRate(), m.startDate(), m.endDate(), m.archived(), m.version() + 1,
                List.of());
        members.put(next.id(), next);
        return Mono.just(next);
    }

    private java.util.stream.Stream<TeamMember> ofAgency(AgencyId agencyId) {
        return members.values().stream().filter(m -> m.agencyId().equals(agencyId)).sorted(BY_NAME);
    }

    private TeamMember withAbsences(TeamMember m) {
        return TeamMember.withAbsences(m, absences.values().stream()
                .filter(a -> a.agencyId().equals(m.agencyId()) && a.memberId().equals(m.id())).sorted(BY_START)
                .toList());
    }

    // ---- absences ------------------------------------------------------------------------------

    @Override
    public Mono<Absence> findById(AgencyId agencyId, AbsenceId id) {
        return Mono.justOrEmpty(absences.get(id)).filter(a -> a.agencyId().equals(agencyId));
    }

    @Override
    public Flux<Absence> findByMembers(AgencyId agencyId, Collection<TeamMemberId> memberIds) {
        return Flux.defer(() -> Flux.fromIterable(absences.values().stream()
                .filter(a -> a.agencyId().equals(agencyId) && memberIds.contains(a.memberId())).sorted(BY_START)
                .toList()));
    }

    @Override
    public Mono<Absence> insert(Absence absence) {
        return Mono.fromSupplier(() -> {
            if (absences.putIfAbsent(absence.id(), absence) != null) {
                throw new IllegalStateException("absence " + absence.id().value() + " already exists");
            }
            return absence;
        });
    }

    @Override
    public synchronized Mono<Absence> update(Absence a) {
        Absence current = absences.get(a.id());
        if (current == null || !current.agencyId().equals(a.agencyId()) || current.version() != a.version()) {
            return Mono.empty();
        }
        Absence next = new Absence(a.id(), a.agencyId(), current.memberId(), a.kind(), a.from(), a.to(), a.note(),
                a.version() + 1);
        absences.put(next.id(), next);
        return Mono.just(next);
    }

    @Override
    public synchronized Mono<Boolean> delete(AgencyId agencyId, AbsenceId id, long version) {
        Absence current = absences.get(id);
        if (current == null || !current.agencyId().equals(agencyId) || current.version() != version) {
            return Mono.just(false);
        }
        absences.remove(id);
        return Mono.just(true);
    }
}
