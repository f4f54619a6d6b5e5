package io.cordee.api.graphql.alert;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.alert.AcknowledgeAlertCommand;
import io.cordee.core.alert.AgencyThresholds;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertFilter;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.AlertStatus;
import io.cordee.core.alert.AlertSubject;
import io.cordee.core.alert.AlertThresholds;
import io.cordee.core.alert.Evidence;
import io.cordee.core.alert.Severity;
import io.cordee.core.alert.SnoozeAlertCommand;
import io.cordee.core.alert.StoredAlert;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Alerts over GraphQL: the list, {@code node(id:)}, acknowledging and snoozing, the thresholds. Who sees
 * which kind is decided in {@link AlertService}; the nested client, project and brief load in one batch
 * per field.
 */
@Controller
public class AlertController {

    public static final String TYPE = "Alert";

    /** GraphQL {@code Alert}: a stored alert (named so that {@code Node} resolves to the right type). */
    public record Alert(StoredAlert stored) {
        public io.cordee.core.alert.Alert state() {
            return stored.alert();
        }
    }

    public record EvidenceItem(String name, String value) {
    }

    public record AlertFilterInput(List<AlertStatus> status, List<Severity> severity, List<AlertKind> kind,
                                   String clientId, Boolean includeSnoozed) {
    }

    public record AcknowledgeAlertInput(String id, Long version, String comment) {
    }

    public record SnoozeAlertInput(String id, Long version, LocalDate until) {
    }

    public record AlertPayload(Alert alert, List<UserError> userErrors) {
    }

    public record UpdateAlertThresholdsInput(Long version, Integer capacityWarningPercent,
                                             Integer capacityCriticalPercent, Integer cashCriticalWeeks,
                                             Integer cashWarningWeeks, Integer timeToFirstCashDays,
                                             Integer exposurePercentOfOpening, Integer overdueDays,
                                             Integer overdueCriticalDays, Integer paymentDriftDays,
                                             Integer engagementDropPoints, Integer engagementWindowDays,
                                             Integer commitmentSlipDays) {

        AlertThresholds applyTo(AlertThresholds t) {
            return new AlertThresholds(or(capacityWarningPercent, t.capacityWarningPercent()),
                    or(capacityCriticalPercent, t.capacityCriticalPercent()), or(cashCriticalWeeks, t.cashCriticalWeeks()),
                    or(cashWarningWeeks, t.cashWarningWeeks()), or(timeToFirstCashDays, t.timeToFirstCashDays()),
                    or(exposurePercentOfOpening, t.exposurePercentOfOpening()), or(overdueDays, t.overdueDays()),
                    or(overdueCriticalDays, t.overdueCriticalDays()), or(paymentDriftDays, t.paymentDriftDays()),
                    or(engagementDropPoints, t.engagementDropPoints()), or(engagementWindowDays, t.engagementWindowDays()),
                    or(commitmentSlipDays, t.commitmentSlipDays()));
        }

        private static int or(Integer value, int current) {
            return value == null ? current : value;
        }
    }

    /** GraphQL {@code AlertThresholds}. */
    public record AlertThresholdsView(int capacityWarningPercent, int capacityCriticalPercent, int cashCriticalWeeks,
                                      int cashWarningWeeks, int timeToFirstCashDays, int exposurePercentOfOpening,
                                      int overdueDays, int overdueCriticalDays, int paymentDriftDays,
                                      int engagementDropPoints, int engagementWindowDays, int commitmentSlipDays,
                                      Long version) {
        static AlertThresholdsView of(AgencyThresholds a) {
            AlertThresholds t = a.thresholds();
            return new AlertThresholdsView(t.capacityWarningPercent(), t.capacityCriticalPercent(),
                    t.cashCriticalWeeks(), t.cashWarningWeeks(), t.timeToFirstCashDays(), t.exposurePercentOfOpening(),
                    t.overdueDays(), t.overdueCriticalDays(), t.paymentDriftDays(), t.engagementDropPoints(),
                    t.engagementWindowDays(), t.commitmentSlipDays(), a.version());
        }
    }

    public record UpdateAlertThresholdsPayload(AlertThresholdsView alertThresholds, List<UserError> userErrors) {
    }

    private final AlertService alerts;
    private final ClientService clients;
    private final ProjectService projects;
    private final BriefService briefs;
    private final AlertNotifications notifications;

    public AlertController(AlertService alerts, ClientService clients, ProjectService projects, BriefService briefs,
                           AlertNotifications notifications) {
        this.alerts = alerts;
        this.clients = clients;
        this.projects = projects;
        this.briefs = briefs;
        this.notifications = notifications;
    }

    // ---- queries -------------------------------------------------------------------------------

    @QueryMapping
    public Mono<Connection<Alert>> alerts(@Argument Integer first, @Argument String after,
                                          @Argument AlertFilterInput filter,
                                          DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> {
            AlertFilter f = filter == null ? new AlertFilter(Set.of(), Set.of(), Set.of(), null, false)
                    : new AlertFilter(filter.status() == null ? null : Set.copyOf(filter.status()),
                            filter.severity() == null ? null : Set.copyOf(filter.severity()),
                            filter.kind() == null ? null : Set.copyOf(filter.kind()),
                            ClientController.optionalId(filter.clientId(), "filter.clientId"),
                            Boolean.TRUE.equals(filter.includeSnoozed()));
            return alerts.alerts(caller, f, page).map(p -> p.map(Alert::new));
        });
    }

    @QueryMapping
    public Mono<AlertThresholdsView> alertThresholds() {
        return Callers.current().flatMap(alerts::thresholds).map(AlertThresholdsView::of);
    }

    // ---- fields --------------------------------------------------------------------------------

    @SchemaMapping(typeName = TYPE)
    public AlertKind kind(Alert a) {
        return a.state().kind();
    }

    @SchemaMapping(typeName = TYPE)
    public Severity severity(Alert a) {
        return a.state().severity();
    }

    @SchemaMapping(typeName = TYPE)
    public AlertStatus status(Alert a) {
        return a.state().status();
    }

    @SchemaMapping(typeName = TYPE)
    public String subjectType(Alert a) {
        AlertSubject s = a.state().subject();
        return s instanceof AlertSubject.OfProject ? "PROJECT" : s instanceof AlertSubject.OfInvoice ? "INVOICE"
                : s instanceof AlertSubject.OfBrief ? "BRIEF" : s instanceof AlertSubject.OfClient ? "CLIENT" : "AGENCY";
    }

    @SchemaMapping(typeName = TYPE)
    public String invoiceId(Alert a) {
        return a.state().subject() instanceof AlertSubject.OfInvoice i ? GlobalId.of("Invoice", i.invoice().value())
                : null;
    }

    @SchemaMapping(typeName = TYPE)
    public List<EvidenceItem> evidence(Alert a) {
        return a.state().evidence().items().stream().map(i -> new EvidenceItem(i.name(), text(i.value()))).toList();
    }

    @SchemaMapping(typeName = TYPE)
    public String suggestedAction(Alert a) {
        return a.state().suggestedAction();
    }

    @SchemaMapping(typeName = TYPE)
    public boolean linksToRenegotiation(Alert a) {
        return a.state().linksToRenegotiation();
    }

    @SchemaMapping(typeName = TYPE)
    public boolean worsened(Alert a) {
        return a.state().worsened();
    }

    @SchemaMapping(typeName = TYPE)
    public OffsetDateTime openedAt(Alert a) {
        return DateTimes.utc(a.state().openedAt());
    }

    @SchemaMapping(typeName = TYPE)
    public OffsetDateTime acknowledgedAt(Alert a) {
        return DateTimes.utc(a.state().acknowledgedAt());
    }

    @SchemaMapping(typeName = TYPE)
    public OffsetDateTime resolvedAt(Alert a) {
        return DateTimes.utc(a.state().resolvedAt());
    }

    @SchemaMapping(typeName = TYPE)
    public LocalDate snoozedUntil(Alert a) {
        return a.state().snoozedUntil();
    }

    @SchemaMapping(typeName = TYPE)
    public String comment(Alert a) {
        return a.stored().comment();
    }

    @SchemaMapping(typeName = TYPE)
    public long version(Alert a) {
        return a.stored().version();
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Alert, Client>> client(List<Alert> batch) {
        return Batches.load(batch, AlertController::clientOf, clients::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Alert, Project>> project(List<Alert> batch) {
        return Batches.load(batch, AlertController::projectOf, projects::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Alert, Brief>> brief(List<Alert> batch) {
        return Batches.load(batch, AlertController::briefOf, briefs::findAll);
    }

    /** The subject's client, project or brief; null for an alert whose subject has none (its field is null). */
    private static ClientId clientOf(Alert a) {
        return a.state().subject().clientId().orElse(null);
    }

    private static ProjectId projectOf(Alert a) {
        return a.state().subject() instanceof AlertSubject.OfProject p ? p.project() : null;
    }

    private static BriefId briefOf(Alert a) {
        return a.state().subject() instanceof AlertSubject.OfBrief b ? b.brief() : null;
    }

    private static String text(Evidence.Value value) {
        if (value instanceof Evidence.Figure f) {
            return f.value().toPlainString();
        } else if (value instanceof Evidence.Day d) {
            return d.value().toString();
        } else if (value instanceof Evidence.Month m) {
            return m.value().toString();
        } else if (value instanceof Evidence.Amount a) {
            return a.value().amount().toPlainString() + " " + a.value().currency().getCurrencyCode();
        }
        return ((Evidence.Label) value).value();
    }

    // ---- mutations -----------------------------------------------------------------------------

    @MutationMapping
    public Mono<AlertPayload> acknowledgeAlert(@Argument AcknowledgeAlertInput input) {
        return Mutations.asCaller(caller -> alerts.acknowledge(caller, new AcknowledgeAlertCommand(
                                new AlertId(GlobalId.decode(input.id(), TYPE, "id")), version(input.version()),
                                input.comment()))
                        .flatMap(stored -> announce(caller, AlertChange.Type.ACKNOWLEDGED, stored)),
                stored -> new AlertPayload(new Alert(stored), List.of()), errors -> new AlertPayload(null, errors));
    }

    @MutationMapping
    public Mono<AlertPayload> snoozeAlert(@Argument SnoozeAlertInput input) {
        return Mutations.asCaller(caller -> alerts.snooze(caller, new SnoozeAlertCommand(
                                new AlertId(GlobalId.decode(input.id(), TYPE, "id")), version(input.version()),
                                input.until()))
                        .flatMap(stored -> announce(caller, AlertChange.Type.SNOOZED, stored)),
                stored -> new AlertPayload(new Alert(stored), List.of()), errors -> new AlertPayload(null, errors));
    }

    @MutationMapping
    public Mono<UpdateAlertThresholdsPayload> updateAlertThresholds(@Argument UpdateAlertThresholdsInput input) {
        return Mutations.asCaller(caller -> alerts.updateThresholds(caller, input.version(), input::applyTo),
                t -> new UpdateAlertThresholdsPayload(AlertThresholdsView.of(t), List.of()),
                errors -> new UpdateAlertThresholdsPayload(null, errors));
    }

    /**
     * The written change told to every instance's subscribers (ADR 75), as a {@code NOTIFY} in the mutation's
     * transaction: delivered when it commits, never when it is rolled back.
     */
    private Mono<StoredAlert> announce(io.cordee.core.identity.Caller caller, AlertChange.Type type, StoredAlert stored) {
        return notifications.publishOnCommit(caller.agencyId(), List.of(new AlertChange(type, stored.alert())))
                .thenReturn(stored);
    }

    private static long version(Long version) {
        if (version == null) {
            throw io.cordee.core.common.InvalidInput.of("version", "is required", io.cordee.core.common.ErrorCode.REQUIRED);
        }
        return version;
    }
}
