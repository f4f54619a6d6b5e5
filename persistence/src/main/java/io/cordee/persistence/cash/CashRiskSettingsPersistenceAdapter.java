package io.cordee.persistence.cash;

import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.cash.CashRiskSettingsRepository;
import io.cordee.core.client.RoundStatus;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class CashRiskSettingsPersistenceAdapter implements CashRiskSettingsRepository {

    private static final Map<RoundStatus, String> COLUMN = Map.of(
            RoundStatus.NOT_STARTED, "not_started_percent",
            RoundStatus.IN_PROGRESS, "in_progress_percent",
            RoundStatus.IN_DOUBT, "in_doubt_percent",
            RoundStatus.SIGNED, "signed_percent",
            RoundStatus.FAILED, "failed_percent");

    private final DatabaseClient db;

    public CashRiskSettingsPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<CashRiskSettings> find(AgencyId agencyId) {
        return db.sql("SELECT * FROM cash_risk_settings WHERE agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> {
                    EnumMap<RoundStatus, Integer> failure = new EnumMap<>(RoundStatus.class);
                    COLUMN.forEach((status, column) -> failure.put(status, row.get(column, Integer.class)));
                    return new CashRiskSettings(failure, row.get("cash_risk_percent", Integer.class),
                            row.get("version", Long.class));
                })
                .one();
    }

    @Override
    public Mono<CashRiskSettings> save(AgencyId agencyId, CashRiskSettings s, Long expectedVersion) {
        String sql = expectedVersion == null
                ? "INSERT INTO cash_risk_settings (agency_id, not_started_percent, in_progress_percent, in_doubt_percent,"
                        + " signed_percent, failed_percent, cash_risk_percent)"
                        + " VALUES (:agencyId, :NOT_STARTED, :IN_PROGRESS, :IN_DOUBT, :SIGNED, :FAILED, :risk)"
                        + " ON CONFLICT (agency_id) DO NOTHING RETURNING version"
                : updateAtVersion("cash_risk_settings", "not_started_percent = :NOT_STARTED,"
                        + " in_progress_percent = :IN_PROGRESS, in_doubt_percent = :IN_DOUBT, signed_percent = :SIGNED,"
                        + " failed_percent = :FAILED, cash_risk_percent = :risk", "")
                        + " RETURNING version";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agencyId.value())
                .bind("risk", s.cashRiskPercent());
        for (RoundStatus status : RoundStatus.values()) {
            spec = spec.bind(status.name(), s.roundFailurePercent().get(status));
        }
        if (expectedVersion != null) {
            spec = spec.bind("version", expectedVersion);
        }
        return spec.mapValue(Long.class).one()
                .map(version -> new CashRiskSettings(s.roundFailurePercent(), s.cashRiskPercent(), version));
    }
}
