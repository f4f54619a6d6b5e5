package io.cordee.persistence.deal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.deal.Deal;
import io.cordee.core.deal.DealId;
import io.cordee.core.deal.DealRepository;
import io.cordee.core.deal.DealStage;
import io.cordee.core.deal.DurationUnit;
import io.cordee.core.deal.StaffingNeed;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.RowReader;
import io.cordee.persistence.common.Sql;
import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deals in one table. Mapped by hand rather than with MapStruct: two jsonb columns (milestones, staffing need)
 * and a nested billing plan make a mapper mostly expressions.
 */
@Repository
public class DealPersistenceAdapter implements DealRepository {

    private static final String COLUMNS = "agency_id, id, name, client_id, prospect_name, prospect_segment, currency,"
            + " expected_fee_minor, probability_percent, expected_start, duration, duration_unit, deposit_percent,"
            + " monthly_in_arrears, milestones, staffing_need, stage, project_id, version";

    private static final KeysetQuery<DealRow> PAGE = new KeysetQuery<>("deal", COLUMNS, "expected_start",
            DealRow.class, DealRow::expectedStart, DealRow::id, LocalDate::parse);
    /** Every read of {@code DealRow} by position (ADR 62). */
    private static final RowReader<DealRow> ROW = PAGE.reader();

    /** The stored form of a staffing need. */
    record NeedJson(UUID memberId, int sharePercent) {
    }

    private static final TypeReference<List<NeedJson>> NEEDS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final MilestonesJson milestones;
    private final JsonMapper json = JsonMapper.builder().build();

    public DealPersistenceAdapter(DatabaseClient db, MilestonesJson milestones) {
        this.db = db;
        this.milestones = milestones;
    }

    @Override
    public Mono<Deal> findById(AgencyId agencyId, DealId id) {
        return PAGE.findById(db, agencyId.value(), id.value()).map(this::toDomain);
    }

    @Override
    public Mono<Page<Deal>> findPage(AgencyId agencyId, Set<DealStage> stages, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value());
        if (stages != null && !stages.isEmpty()) {
            where.and("stage = ANY(:stages)", "stages", stages.stream().map(Enum::name).toArray(String[]::new));
        }
        return PAGE.fetch(db, where, page, this::toDomain);
    }

    @Override
    public Flux<Deal> findOpen(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM deal WHERE agency_id = :agencyId AND stage IN ('LEAD', 'PROPOSAL')"
                        + " ORDER BY expected_start, id")
                .bind("agencyId", agencyId.value())
                .map(ROW).all().map(this::toDomain);
    }

    @Override
    public Flux<Deal> findAll(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM deal WHERE agency_id = :agencyId ORDER BY id")
                .bind("agencyId", agencyId.value())
                .mapProperties(DealRow.class).all().map(this::toDomain);
    }

    @Override
    public Mono<Deal> insert(Deal deal) {
        return PAGE.insert(db, toRow(deal)).map(this::toDomain);
    }

    @Override
    public Mono<Deal> update(Deal deal) {
        return PAGE.updateAtVersion(db, "name = :name, client_id = :clientId, prospect_name = :prospectName,"
                        + " prospect_segment = :prospectSegment, currency = :currency,"
                        + " expected_fee_minor = :expectedFeeMinor, probability_percent = :probabilityPercent,"
                        + " expected_start = :expectedStart, duration = :duration, duration_unit = :durationUnit,"
                        + " deposit_percent = :depositPercent, monthly_in_arrears = :monthlyInArrears,"
                        + " milestones = :milestones, staffing_need = :staffingNeed, stage = :stage,"
                        + " project_id = :projectId",
                "id = :id AND stage IN ('LEAD', 'PROPOSAL')", toRow(deal))
                .map(this::toDomain);
    }

    private DealRow toRow(Deal d) {
        BillingPlan plan = d.billingPlan();
        return new DealRow(d.agencyId().value(), d.id().value(), d.name(),
                d.clientId() == null ? null : d.clientId().value(), d.prospectName(),
                d.prospectSegment() == null ? null : d.prospectSegment().name(),
                d.expectedFee().currency().getCurrencyCode(), d.expectedFee().minorUnits(), d.probabilityPercent(),
                d.expectedStart(), d.duration(), d.durationUnit().name(), plan.depositPercent(),
                plan.monthlyInArrears(), milestones.toJson(plan.milestones()),
                Json.of(json.writeValueAsString(d.staffingNeed().stream()
                        .map(n -> new NeedJson(n.memberId().value(), n.sharePercent())).toList())),
                d.stage().name(), d.projectId() == null ? null : d.projectId().value(), d.version());
    }

    private Deal toDomain(DealRow r) {
        List<StaffingNeed> needs = json.readValue(r.staffingNeed().asString(), NEEDS).stream()
                .map(n -> new StaffingNeed(new TeamMemberId(n.memberId()), n.sharePercent())).toList();
        return new Deal(new DealId(r.id()), new AgencyId(r.agencyId()), r.name(),
                r.clientId() == null ? null : new ClientId(r.clientId()), r.prospectName(),
                r.prospectSegment() == null ? null : Segment.valueOf(r.prospectSegment()),
                new Money(r.expectedFeeMinor(), Currency.getInstance(r.currency())), r.probabilityPercent(),
                r.expectedStart(), r.duration(), DurationUnit.valueOf(r.durationUnit()),
                new BillingPlan(r.depositPercent(), milestones.fromJson(r.milestones()), r.monthlyInArrears()),
                needs, DealStage.valueOf(r.stage()), r.projectId() == null ? null : new ProjectId(r.projectId()),
                r.version());
    }
}
