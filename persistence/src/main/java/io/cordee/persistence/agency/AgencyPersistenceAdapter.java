package io.cordee.persistence.agency;

import static io.cordee.persistence.common.Sql.anyRowChanged;
import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import java.time.LocalDate;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class AgencyPersistenceAdapter implements AgencyRepository {

    private static final String COLUMNS = "agency_id, name, currency, time_zone, safety_cash_threshold_minor, payday,"
            + " delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days, version";

    private final DatabaseClient db;
    private final AgencyRowMapper mapper;

    public AgencyPersistenceAdapter(DatabaseClient db, AgencyRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Agency> findById(AgencyId id) {
        return db.sql("SELECT " + COLUMNS + " FROM agency WHERE agency_id = :agencyId")
                .bind("agencyId", id.value())
                .mapProperties(AgencyRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Agency> insert(Agency agency) {
        return db.sql(insertInto("agency", COLUMNS) + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(agency))
                .mapProperties(AgencyRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Agency> updateSettings(Agency agency) {
        return db.sql(updateAtVersion("agency", "name = :name, time_zone = :timeZone,"
                                + " safety_cash_threshold_minor = :safetyCashThresholdMinor, payday = :payday,"
                                + " delay_startup_days = :delayStartupDays, delay_sme_days = :delaySmeDays,"
                                + " delay_enterprise_days = :delayEnterpriseDays, delay_public_days = :delayPublicDays",
                        "currency = :currency") + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(agency))
                .mapProperties(AgencyRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Flux<LocalDate> holidays(AgencyId id, LocalDate from, LocalDate to) {
        return db.sql("SELECT day FROM agency_holiday WHERE agency_id = :agencyId AND day BETWEEN :from AND :to"
                        + " ORDER BY day")
                .bind("agencyId", id.value()).bind("from", from).bind("to", to)
                .mapValue(LocalDate.class).all();
    }

    @Override
    public Mono<Void> addHolidays(AgencyId id, Set<LocalDate> days, String label) {
        if (days.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO agency_holiday (agency_id, day, label)"
                        + " SELECT :agencyId, d, :label FROM unnest(:days) AS d ON CONFLICT DO NOTHING")
                .bind("agencyId", id.value()).bind("label", label)
                .bind("days", days.stream().sorted().toArray(LocalDate[]::new))
                .then();
    }

    @Override
    public Mono<Boolean> removeHoliday(AgencyId id, LocalDate day) {
        return anyRowChanged(db.sql("DELETE FROM agency_holiday WHERE agency_id = :agencyId AND day = :day")
                .bind("agencyId", id.value()).bind("day", day));
    }
}
