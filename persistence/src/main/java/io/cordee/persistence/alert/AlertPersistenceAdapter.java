package io.cordee.persistence.alert;

import static io.cordee.persistence.common.Sql.updateAtVersion;
import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.Alert;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertFilter;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertRepository;
import io.cordee.core.alert.AlertStatus;
import io.cordee.core.alert.AlertSubject;
import io.cordee.core.alert.AlertThresholds;
import io.cordee.core.alert.AgencyThresholds;
import io.cordee.core.alert.Severity;
import io.cordee.core.alert.StoredAlert;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.brief.BriefId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.Keyset;
import io.cordee.persistence.common.Sql;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Alerts and alert thresholds in PostgreSQL. Rows are mapped by hand rather than with MapStruct: the
 * subject (five shapes in four nullable columns) and the evidence (jsonb, see {@link EvidenceJson}) are
 * the whole mapping. The partial unique index {@code alert_one_unresolved} is what makes a duplicate
 * unresolved alert impossible even when two evaluations race: the loser's insert finds the conflict and
 * its transaction fails with a {@link Conflict}.
 */
@Repository
public class AlertPersistenceAdapter implements AlertRepository {

    private static final String COLUMNS = "agency_id, id, kind, subject_type, client_id, project_id, invoice_id,"
            + " brief_id, severity, status, evidence, magnitude, suggested_action, links_to_renegotiation, worsened,"
            + " opened_at, acknowledged_at, acknowledged_by, comment, resolved_at, snoozed_until, version";
    private static final String THRESHOLDS = "capacity_warning_percent, capacity_critical_percent,"
            + " cash_critical_weeks, cash_warning_weeks, time_to_first_cash_days, exposure_percent_of_opening,"
            + " overdue_days, overdue_critical_days, payment_drift_days, engagement_drop_points,"
            + " engagement_window_days, commitment_slip_days";

    private final DatabaseClient db;
    private final EvidenceJson evidence;

    public AlertPersistenceAdapter(DatabaseClient db, EvidenceJson evidence) {
        this.db = db;
        this.evidence = evidence;
    }

    // ---- thresholds ----------------------------------------------------------------------------

    @Override
    public Mono<AgencyThresholds> findThresholds(AgencyId agencyId) {
        return db.sql("SELECT " + THRESHOLDS + ", version FROM alert_thresholds WHERE agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new AgencyThresholds(thresholds(row), row.get("version", Long.class)))
                .one();
    }

    @Override
    public Mono<AgencyThresholds> saveThresholds(AgencyId agencyId, AlertThresholds t, long expectedVersion) {
        String sql = expectedVersion < 0
                ? "INSERT INTO alert_thresholds (agency_id, " + THRESHOLDS + ") VALUES (:agencyId, :cw, :cc, :kc, :kw,"
                        + " :ttc, :exp, :od, :odc, :drift, :drop, :window, :slip)"
                        + " ON CONFLICT (agency_id) DO NOTHING RETURNING version"
                : updateAtVersion("alert_thresholds", "capacity_warning_percent = :cw, capacity_critical_percent = :cc,"
                        + " cash_critical_weeks = :kc, cash_warning_weeks = :kw, time_to_first_cash_days = :ttc,"
                        + " exposure_percent_of_opening = :exp, overdue_days = :od, overdue_critical_days = :odc,"
                        + " payment_drift_days = :drift, engagement_drop_points = :drop,"
                        + " engagement_window_days = :window, commitment_slip_days = :slip", "")
                        + " RETURNING version";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agencyId.value())
                .bind("cw", t.capacityWarningPercent()).bind("cc", t.capacityCriticalPercent())
                .bind("kc", t.cashCriticalWeeks()).bind("kw", t.cashWarningWeeks())
                .bind("ttc", t.timeToFirstCashDays()).bind("exp", t.exposurePercentOfOpening())
                .bind("od", t.overdueDays()).bind("odc", t.overdueCriticalDays())
                .bind("drift", t.paymentDriftDays()).bind("drop", t.engagementDropPoints())
                .bind("window", t.engagementWindowDays()).bind("slip", t.commitmentSlipDays());
        if (expectedVersion >= 0) {
            spec = spec.bind("version", expectedVersion);
        }
        return spec.mapValue(Long.class).one().map(version -> new AgencyThresholds(t, version));
    }

    private static AlertThresholds thresholds(Readable row) {
        return new AlertThresholds(i(row, "capacity_warning_percent"), i(row, "capacity_critical_percent"),
                i(row, "cash_critical_weeks"), i(row, "cash_warning_weeks"), i(row, "time_to_first_cash_days"),
                i(row, "exposure_percent_of_opening"), i(row, "overdue_days"), i(row, "overdue_critical_days"),
                i(row, "payment_drift_days"), i(row, "engagement_drop_points"), i(row, "engagement_window_days"),
                i(row, "commitment_slip_days"));
    }

    private static int i(Readable row, String column) {
        return row.get(column, Integer.class);
    }

    // ---- alerts --------------------------------------------------------------------------------

    @Override
    public Flux<StoredAlert> findUnresolved(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM alert WHERE agency_id = :agencyId AND status <> 'RESOLVED'"
                        + " ORDER BY opened_at, id")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> alert(row)).all();
    }

    @Override
    public Mono<StoredAlert> findById(AgencyId agencyId, AlertId id) {
        return db.sql("SELECT " + COLUMNS + " FROM alert WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .map((row, meta) -> alert(row)).one();
    }

    @Override
    public Flux<StoredAlert> findAllById(AgencyId agencyId, List<AlertId> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM alert WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", ids.stream().map(AlertId::value).toArray(UUID[]::new))
                .map((row, meta) -> alert(row)).all();
    }

    @Override
    public Mono<Page<StoredAlert>> findPage(AgencyId agencyId, AlertFilter filter, LocalDate today, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("status = ANY(:statuses)", "statuses", names(filter.statuses()))
                .and("severity = ANY(:severities)", "severities", names(filter.severities()))
                // an empty set here means the role sees no kind at all
                .and("kind = ANY(:kinds)", "kinds", filter.kinds().stream().map(Enum::name).toArray(String[]::new))
                .and("client_id = :clientId", "clientId", filter.clientId() == null ? null : filter.clientId().value());
        if (!filter.includeSnoozed()) {
            where.and("(snoozed_until IS NULL OR snoozed_until <= :today)", "today", today);
        }
        Mono<Long> count = !page.withTotal() ? Mono.just(Page.NOT_COUNTED)
                : db.sql("SELECT count(*) FROM alert" + where.where()).bindValues(where.params())
                        .mapValue(Long.class).one();
        if (page.after() != null) {
            Keyset.Position after = Keyset.decode(page.after());
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(after.sortValue());
            } catch (RuntimeException e) {
                throw io.cordee.core.common.InvalidInput.of("after", "is not a cursor of this list",
                        io.cordee.core.common.ErrorCode.INVALID_FORMAT);
            }
            where.and("(opened_at, id) < (:afterSort, :afterId)").param("afterSort", at).param("afterId", after.id());
        }
        Mono<List<StoredAlert>> rows = page.first() == 0 ? Mono.just(List.of())
                : db.sql("SELECT " + COLUMNS + " FROM alert" + where.where()
                                + " ORDER BY opened_at DESC, id DESC LIMIT :limit")
                        .bindValues(where.params()).bind("limit", page.first() + 1)
                        .map((row, meta) -> alert(row)).all().collectList();
        return Mono.zip(rows, count).map(t -> {
            List<Page.Edge<StoredAlert>> edges = t.getT1().stream().limit(page.first())
                    .map(a -> new Page.Edge<>(a, Keyset.encode(
                            utc(a.alert().openedAt()).toString(), a.id().value())))
                    .toList();
            return new Page<>(edges, t.getT1().size() > page.first(), t.getT2());
        });
    }

    private static String[] names(java.util.Set<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).toArray(String[]::new);
    }

    /**
     * Two statements whatever the number of changes: the opened alerts inserted from column arrays, the
     * others updated from column arrays (a first evaluation of a large agency opens thousands). Nullable
     * values travel as text, empty for null, so that no array holds a null.
     */
    @Override
    public Mono<Void> apply(AgencyId agencyId, List<AlertChange> changes, Map<AlertId, Long> versions) {
        List<Alert> opened = changes.stream().filter(c -> c.type() == AlertChange.Type.OPENED)
                .map(AlertChange::alert).toList();
        List<Alert> changed = changes.stream().filter(c -> c.type() != AlertChange.Type.OPENED)
                .map(AlertChange::alert).toList();
        for (Alert a : changed) {
            if (!versions.containsKey(a.id())) {
                return Mono.error(new IllegalArgumentException("no stored version for " + a.id()));
            }
        }
        return insertAll(agencyId, opened).then(updateAll(agencyId, changed, versions));
    }

    private Mono<Void> insertAll(AgencyId agencyId, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Mono.empty();
        }
        String sql = "INSERT INTO alert (agency_id, id, kind, subject_type, client_id, project_id, invoice_id, brief_id,"
                + " severity, status, evidence, magnitude, suggested_action, links_to_renegotiation, worsened, opened_at,"
                + " acknowledged_at, resolved_at, snoozed_until)"
                + " SELECT :agencyId, t.id, t.kind, t.subject_type, NULLIF(t.client, '')::uuid, NULLIF(t.project, '')::uuid,"
                + " NULLIF(t.invoice, '')::uuid, NULLIF(t.brief, '')::uuid, t.severity, t.status, t.evidence::jsonb,"
                + " t.magnitude::numeric, t.action, t.links, t.worsened, t.opened::timestamptz,"
                + " NULLIF(t.ack, '')::timestamptz, NULLIF(t.res, '')::timestamptz, NULLIF(t.snz, '')::date"
                + " FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:subjectTypes AS text[]),"
                + " CAST(:clients AS text[]), CAST(:projects AS text[]), CAST(:invoices AS text[]),"
                + " CAST(:briefs AS text[]), CAST(:severities AS text[]), CAST(:statuses AS text[]),"
                + " CAST(:evidence AS text[]), CAST(:magnitudes AS text[]), CAST(:actions AS text[]),"
                + " CAST(:links AS boolean[]), CAST(:worsened AS boolean[]), CAST(:opened AS text[]),"
                + " CAST(:ack AS text[]), CAST(:res AS text[]), CAST(:snz AS text[]))"
                + " AS t(id, kind, subject_type, client, project, invoice, brief, severity, status, evidence, magnitude,"
                + " action, links, worsened, opened, ack, res, snz)"
                + " ON CONFLICT (agency_id, kind, subject_key) WHERE status <> 'RESOLVED' DO NOTHING";
        DatabaseClient.GenericExecuteSpec spec = state(db.sql(sql).bind("agencyId", agencyId.value()), alerts)
                .bind("kinds", texts(alerts, a -> a.kind().name()))
                .bind("subjectTypes", texts(alerts, a -> subjectType(a.subject())))
                .bind("clients", texts(alerts, a -> a.subject().clientId().map(c -> c.value().toString()).orElse(null)))
                .bind("projects", texts(alerts, a -> a.subject() instanceof AlertSubject.OfProject p
                        ? p.project().value().toString() : null))
                .bind("invoices", texts(alerts, a -> a.subject() instanceof AlertSubject.OfInvoice i
                        ? i.invoice().value().toString() : null))
                .bind("briefs", texts(alerts, a -> a.subject() instanceof AlertSubject.OfBrief b
                        ? b.brief().value().toString() : null))
                .bind("opened", texts(alerts, a -> a.openedAt().toString()));
        // a condition that already has an unresolved alert: someone else's evaluation got there first
        return spec.fetch().rowsUpdated()
                .flatMap(n -> n == alerts.size() ? Mono.<Void>empty() : Mono.error(new Conflict("Alert", 0)));
    }

    private Mono<Void> updateAll(AgencyId agencyId, List<Alert> alerts, Map<AlertId, Long> versions) {
        if (alerts.isEmpty()) {
            return Mono.empty();
        }
        String sql = "UPDATE alert a SET severity = t.severity, status = t.status, evidence = t.evidence::jsonb,"
                + " magnitude = t.magnitude::numeric, suggested_action = t.action, links_to_renegotiation = t.links,"
                + " worsened = t.worsened, acknowledged_at = NULLIF(t.ack, '')::timestamptz,"
                + " resolved_at = NULLIF(t.res, '')::timestamptz, snoozed_until = NULLIF(t.snz, '')::date,"
                // back to OPEN: whoever acknowledged it has not seen this state
                + " acknowledged_by = CASE WHEN t.status = 'OPEN' THEN NULL ELSE a.acknowledged_by END,"
                + " version = a.version + 1, updated_at = now()"
                + " FROM unnest(CAST(:ids AS uuid[]), CAST(:severities AS text[]), CAST(:statuses AS text[]),"
                + " CAST(:evidence AS text[]), CAST(:magnitudes AS text[]), CAST(:actions AS text[]),"
                + " CAST(:links AS boolean[]), CAST(:worsened AS boolean[]), CAST(:ack AS text[]), CAST(:res AS text[]),"
                + " CAST(:snz AS text[]), CAST(:versions AS bigint[]))"
                + " AS t(id, severity, status, evidence, magnitude, action, links, worsened, ack, res, snz, version)"
                + " WHERE a.agency_id = :agencyId AND a.id = t.id AND a.version = t.version";
        DatabaseClient.GenericExecuteSpec spec = state(db.sql(sql).bind("agencyId", agencyId.value()), alerts)
                .bind("versions", alerts.stream().map(a -> versions.get(a.id())).toArray(Long[]::new));
        // a row changed since it was read (an acknowledgement, another evaluation): run again
        return spec.fetch().rowsUpdated()
                .flatMap(n -> n == alerts.size() ? Mono.<Void>empty() : Mono.error(new Conflict("Alert", -1)));
    }

    /** The columns every write of an evaluation sets, one array per column. */
    private DatabaseClient.GenericExecuteSpec state(DatabaseClient.GenericExecuteSpec spec, List<Alert> alerts) {
        return spec.bind("ids", alerts.stream().map(a -> a.id().value()).toArray(UUID[]::new))
                .bind("severities", texts(alerts, a -> a.severity().name()))
                .bind("statuses", texts(alerts, a -> a.status().name()))
                .bind("evidence", texts(alerts, a -> evidence.toJson(a.evidence()).asString()))
                .bind("magnitudes", texts(alerts, a -> a.magnitude().toPlainString()))
                .bind("actions", texts(alerts, Alert::suggestedAction))
                .bind("links", alerts.stream().map(Alert::linksToRenegotiation).toArray(Boolean[]::new))
                .bind("worsened", alerts.stream().map(Alert::worsened).toArray(Boolean[]::new))
                .bind("ack", texts(alerts, a -> a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString()))
                .bind("res", texts(alerts, a -> a.resolvedAt() == null ? null : a.resolvedAt().toString()))
                .bind("snz", texts(alerts, a -> a.snoozedUntil() == null ? null : a.snoozedUntil().toString()));
    }

    /** A text column as an array with no null in it: empty for null. */
    private static String[] texts(List<Alert> alerts, java.util.function.Function<Alert, String> column) {
        return alerts.stream().map(column).map(v -> v == null ? "" : v).toArray(String[]::new);
    }

    @Override
    public Mono<StoredAlert> update(AgencyId agencyId, StoredAlert stored) {
        Map<String, Object> values = state(agencyId, stored.alert());
        values.put("acknowledgedBy", stored.acknowledgedBy() == null ? null : stored.acknowledgedBy().value());
        values.put("comment", stored.comment());
        values.put("version", stored.version());
        DatabaseClient.GenericExecuteSpec spec = db.sql(updateAtVersion("alert",
                "severity = :severity, status = :status,"
                + " evidence = :evidence, magnitude = :magnitude, suggested_action = :action,"
                + " links_to_renegotiation = :links, worsened = :worsened, acknowledged_at = :acknowledgedAt,"
                + " resolved_at = :resolvedAt, snoozed_until = :snoozedUntil, acknowledged_by = :acknowledgedBy,"
                + " comment = :comment", "id = :id") + " RETURNING " + COLUMNS);
        return bindAll(spec, values).map((row, meta) -> alert(row)).one();
    }

    @Override
    public Flux<AgencyId> agencyIds() {
        return db.sql("SELECT agency_id FROM agency ORDER BY agency_id").mapValue(UUID.class).all().map(AgencyId::new);
    }

    // ---- mapping -------------------------------------------------------------------------------

    /** The columns every write sets, named as the statements bind them (nulls included). */
    private Map<String, Object> state(AgencyId agencyId, Alert a) {
        Map<String, Object> values = new HashMap<>();
        values.put("agencyId", agencyId.value());
        values.put("id", a.id().value());
        values.put("severity", a.severity().name());
        values.put("status", a.status().name());
        values.put("evidence", evidence.toJson(a.evidence()));
        values.put("magnitude", a.magnitude());
        values.put("action", a.suggestedAction());
        values.put("links", a.linksToRenegotiation());
        values.put("worsened", a.worsened());
        values.put("acknowledgedAt", utc(a.acknowledgedAt()));
        values.put("resolvedAt", utc(a.resolvedAt()));
        values.put("snoozedUntil", a.snoozedUntil());
        return values;
    }

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("clientId", UUID.class), Map.entry("projectId", UUID.class), Map.entry("invoiceId", UUID.class),
            Map.entry("briefId", UUID.class), Map.entry("acknowledgedBy", UUID.class),
            Map.entry("acknowledgedAt", OffsetDateTime.class), Map.entry("resolvedAt", OffsetDateTime.class),
            Map.entry("snoozedUntil", LocalDate.class), Map.entry("comment", String.class));

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec,
                                                             Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            spec = e.getValue() == null ? spec.bindNull(e.getKey(), TYPES.get(e.getKey()))
                    : spec.bind(e.getKey(), e.getValue());
        }
        return spec;
    }

    private StoredAlert alert(Readable row) {
        UUID client = row.get("client_id", UUID.class);
        AlertSubject subject = switch (row.get("subject_type", String.class)) {
            case "AGENCY" -> AlertSubject.agency();
            case "CLIENT" -> AlertSubject.client(new ClientId(client));
            case "PROJECT" -> AlertSubject.project(new ProjectId(row.get("project_id", UUID.class)), new ClientId(client));
            case "INVOICE" -> AlertSubject.invoice(new InvoiceId(row.get("invoice_id", UUID.class)), new ClientId(client));
            case "BRIEF" -> AlertSubject.brief(new BriefId(row.get("brief_id", UUID.class)), new ClientId(client));
            default -> throw new IllegalStateException("unknown subject type");
        };
        Alert alert = new Alert(new AlertId(row.get("id", UUID.class)), AlertKind.valueOf(row.get("kind", String.class)),
                subject, Severity.valueOf(row.get("severity", String.class)),
                evidence.toEvidence(row.get("evidence", io.r2dbc.postgresql.codec.Json.class)),
                row.get("magnitude", BigDecimal.class), row.get("suggested_action", String.class),
                row.get("links_to_renegotiation", Boolean.class), AlertStatus.valueOf(row.get("status", String.class)),
                row.get("worsened", Boolean.class), instant(row, "opened_at"), instant(row, "acknowledged_at"),
                instant(row, "resolved_at"), row.get("snoozed_until", LocalDate.class));
        UUID by = row.get("acknowledged_by", UUID.class);
        return new StoredAlert(alert, by == null ? null : new UserId(by), row.get("comment", String.class),
                row.get("version", Long.class));
    }

    private static String subjectType(AlertSubject s) {
        if (s instanceof AlertSubject.OfProject) {
            return "PROJECT";
        } else if (s instanceof AlertSubject.OfInvoice) {
            return "INVOICE";
        } else if (s instanceof AlertSubject.OfBrief) {
            return "BRIEF";
        } else if (s instanceof AlertSubject.OfClient) {
            return "CLIENT";
        }
        return "AGENCY";
    }
}
