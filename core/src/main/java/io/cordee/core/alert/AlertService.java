package io.cordee.core.alert;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Use cases of the early warnings: evaluate an agency's rules and store what changed, list alerts,
 * acknowledge and snooze them, read and change the thresholds.
 *
 * <p>Who sees what (ADR 10): OWNER and FINANCE every alert; LEAD the kinds about people and briefs
 * ({@link #LEAD_KINDS}: capacity concentration — the same shares the capacity view shows a lead —
 * unrealistic brief and engagement drop), never the money ones; CLIENT none ({@link Forbidden} on lists,
 * "not found" by id). Thresholds: staff read them, OWNER changes them.
 */
public final class AlertService {

    public static final Set<AlertKind> LEAD_KINDS = Collections.unmodifiableSet(EnumSet.of(
            AlertKind.CAPACITY_CONCENTRATION, AlertKind.UNREALISTIC_BRIEF, AlertKind.ENGAGEMENT_DROP));
    /** Months of capacity the concentration rule looks ahead, the as-of month included. */
    public static final int CAPACITY_MONTHS = 12;
    /** Weeks of forecast and exposure the rules read (longer when the cash warning level is further). */
    public static final int HORIZON_WEEKS = 52;
    public static final int COMMENT_MAX_LENGTH = AcknowledgeAlertCommand.COMMENT_MAX_LENGTH;
    private final AlertRepository alerts;
    private final AgencyRepository agencies;
    private final AlertContextLoader contexts;
    private final List<AlertRule> rules;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;
    private final Computations computations;

    /**
     * The evaluation runs each of {@code rules} (in practice {@link EarlyWarnings#RULES}) over the context
     * {@code contexts} reads (ADR 54).
     */
    public AlertService(AlertRepository alerts, AgencyRepository agencies, AlertContextLoader contexts,
                        List<AlertRule> rules, TransactionRunner tx, IdGenerator ids, Clock clock,
                        Computations computations) {
        this.alerts = alerts;
        this.agencies = agencies;
        this.contexts = contexts;
        this.rules = List.copyOf(rules);
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.computations = computations;
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /**
     * Runs every rule over the agency's facts as of {@code today}, reconciles the findings with the
     * unresolved alerts and stores the changes in one transaction; returns them. The facts are read in a
     * fixed number of statements whatever the size of the agency. A concurrent change of the same alerts
     * (an acknowledgement, another instance's evaluation) makes the transaction fail and the evaluation
     * run again, up to three times.
     */
    public Flux<AlertChange> evaluate(AgencyId agencyId, LocalDate today) {
        return agency(agencyId).flatMapMany(agency -> alerts.findThresholds(agencyId)
                .defaultIfEmpty(AgencyThresholds.defaults())
                .flatMap(th -> contexts.load(agency, today, th.thresholds()))
                .flatMap(context -> computations.run(() -> EarlyWarnings.findings(rules, context)))
                // the unresolved alerts read outside a transaction, which is opened only when there is something to
                // write (most days, for most agencies, nothing: issue 20); the writes check the versions read and
                // the unique index, as they did inside it (a read inside a read-committed transaction is no fresher)
                .flatMap(findings -> alerts.findUnresolved(agencyId).collectList().flatMap(stored -> {
                    Map<AlertId, Long> versions = stored.stream()
                            .collect(Collectors.toMap(StoredAlert::id, StoredAlert::version));
                    List<AlertChange> changes = AlertLifecycle.reconcile(
                            stored.stream().map(StoredAlert::alert).toList(), findings,
                            clockOn(agency, today), ids::newId);
                    return changes.isEmpty() ? Mono.just(changes)
                            : tx.inTransaction(alerts.apply(agencyId, changes, versions)).thenReturn(changes);
                }))
                .retryWhen(Retry.max(3).filter(Conflict.class::isInstance))
                .flatMapIterable(changes -> changes));
    }

    /** The service's clock in the agency's time zone, moved by whole days to {@code day} (snoozes end by it). */
    private Clock clockOn(Agency agency, LocalDate day) {
        Clock zoned = clock.withZone(agency.settings().timeZone());
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(zoned), day);
        return days == 0 ? zoned : Clock.offset(zoned, java.time.Duration.ofDays(days));
    }

    /** Every agency, for the daily evaluation. */
    public Flux<AgencyId> agencyIds() {
        return alerts.agencyIds();
    }

    /** Today in the agency's time zone, by the service's clock. */
    public Mono<LocalDate> today(AgencyId agencyId) {
        return agency(agencyId).map(a -> LocalDate.now(clock.withZone(a.settings().timeZone())));
    }

    // ---- use cases -----------------------------------------------------------------------------

    /** The alerts the caller may see, newest first; CLIENT users may not list alerts. */
    public Mono<Page<StoredAlert>> alerts(Caller caller, AlertFilter filter, PageRequest page) {
        return Mono.fromCallable(() -> visibleKinds(caller, "see alerts"))
                .flatMap(kinds -> today(caller.agencyId()).flatMap(today -> alerts.findPage(caller.agencyId(),
                        (filter == null ? AlertFilter.all() : filter).within(kinds), today, page)));
    }

    /** One alert, if it exists in the caller's agency and the caller may see its kind; empty otherwise. */
    public Mono<StoredAlert> find(Caller caller, AlertId id) {
        if (caller.isClientUser()) {
            return Mono.empty();
        }
        Set<AlertKind> kinds = visibleKinds(caller, "see alerts");
        return alerts.findById(caller.agencyId(), id).filter(a -> kinds.contains(a.alert().kind()));
    }

    /**
     * The stored alerts of {@code agencyId} with these ids, in that order (those that no longer exist, or
     * belong to another agency, are left out), read in one statement: what live subscribers are told after
     * an evaluation. No caller: the subscriptions filter by role ({@link #visibleKinds}).
     */
    public Flux<StoredAlert> stored(AgencyId agencyId, List<AlertId> ids) {
        return alerts.findAllById(agencyId, ids).collectMap(StoredAlert::id)
                .flatMapIterable(byId -> ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** Marks an open alert as seen, with an optional comment: it leaves the open list until it gets worse. */
    public Mono<StoredAlert> acknowledge(Caller caller, AlertId id, long expectedVersion, String comment) {
        return caller.command(Caller.STAFF_ROLES, "acknowledge alerts",
                        () -> new AcknowledgeAlertCommand(id, expectedVersion, comment))
                .flatMap(command -> acknowledge(caller, command));
    }

    /** Marks an alert as seen: the command holds the rules of its comment. */
    public Mono<StoredAlert> acknowledge(Caller caller, AcknowledgeAlertCommand command) {
        return Mono.fromCallable(() -> visibleKinds(caller, "acknowledge alerts"))
                .then(existing(caller, command.alertId(), command.expectedVersion()))
                .flatMap(stored -> write(caller, new StoredAlert(stored.alert().acknowledge(clock.instant()),
                        caller.userId(), command.comment(), command.expectedVersion())));
    }

    /** Quiets an alert until a date after today (the agency's time zone), unless it gets worse first. */
    public Mono<StoredAlert> snooze(Caller caller, AlertId id, long expectedVersion, LocalDate until) {
        return caller.command(Caller.STAFF_ROLES, "snooze alerts",
                        () -> new SnoozeAlertCommand(id, expectedVersion, until))
                .flatMap(command -> snooze(caller, command));
    }

    /** Quiets an alert: the command holds the rules of its date; "after today" is checked here. */
    public Mono<StoredAlert> snooze(Caller caller, SnoozeAlertCommand command) {
        return Mono.fromCallable(() -> visibleKinds(caller, "snooze alerts"))
                .then(today(caller.agencyId()))
                .flatMap(today -> {
                    new Validator().check(command.until().isAfter(today), "until",
                            "must be after today (" + today + ")", ErrorCode.OUT_OF_RANGE).throwIfInvalid();
                    return existing(caller, command.alertId(), command.expectedVersion());
                })
                .flatMap(stored -> write(caller, new StoredAlert(stored.alert().snooze(command.until()),
                        stored.acknowledgedBy(), stored.comment(), command.expectedVersion())));
    }

    /** The agency's thresholds (the defaults until the owner changes them). Agency staff only. */
    public Mono<AgencyThresholds> thresholds(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the alert thresholds"))
                .then(alerts.findThresholds(caller.agencyId()).defaultIfEmpty(AgencyThresholds.defaults()));
    }

    /**
     * Changes the thresholds (OWNER only): unset fields keep their value; {@code expectedVersion} is the
     * version read, null while the defaults were never saved. A stale version is a {@link Conflict}.
     */
    public Mono<AgencyThresholds> updateThresholds(Caller caller, Long expectedVersion,
                                                   Function<AlertThresholds, AlertThresholds> changes) {
        return Mono.fromCallable(() -> caller.require(EnumSet.of(Role.OWNER, Role.FINANCE), "change the alert thresholds"))
                .then(alerts.findThresholds(caller.agencyId()).defaultIfEmpty(AgencyThresholds.defaults()))
                .flatMap(current -> {
                    long stored = current.version() == null ? -1 : current.version();
                    long expected = expectedVersion == null ? -1 : expectedVersion;
                    if (stored != expected) {
                        return Mono.error(new Conflict("AlertThresholds", expected));
                    }
                    AlertThresholds next = changes.apply(current.thresholds());
                    return alerts.saveThresholds(caller.agencyId(), next, expected)
                            .switchIfEmpty(Mono.error(() -> new Conflict("AlertThresholds", expected)));
                });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Mono<StoredAlert> existing(Caller caller, AlertId id, long expectedVersion) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Alert", id.value())))
                .flatMap(stored -> stored.version() == expectedVersion ? Mono.just(stored)
                        : Mono.error(new Conflict("Alert", expectedVersion)));
    }

    private Mono<StoredAlert> write(Caller caller, StoredAlert next) {
        return alerts.update(caller.agencyId(), next)
                .switchIfEmpty(Mono.error(() -> new Conflict("Alert", next.version())));
    }

    /** The kinds the caller's role sees; {@link Forbidden} for a CLIENT user. */
    public static Set<AlertKind> visibleKinds(Caller caller, String action) {
        caller.require(Caller.STAFF_ROLES, action);
        return caller.seesMoney() ? EnumSet.allOf(AlertKind.class) : LEAD_KINDS;
    }

    private Mono<Agency> agency(AgencyId agencyId) {
        return agencies.existing(agencyId);
    }
}
