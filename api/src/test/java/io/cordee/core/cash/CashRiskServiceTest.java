package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link CashRiskService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * the probabilistic forecast of an agency with nothing uncertain (every path is the base forecast, so every
 * figure is worked out by hand), its input rules and roles, and the settings' versions, roles and agencies.
 * The clock stands on Thursday 15 April 2027 in Paris; the agency keeps the defaults (no safety threshold) and
 * has no team, no invoice and no deal.
 */
@ApiTest
class CashRiskServiceTest extends TenantServiceTest {

    @Autowired
    CashRiskService risks;
    @Autowired
    CashService cash;

    @Override
    protected String tenantName() {
        return "Cash Risk Studio";
    }

    @Test
    void withNothingUncertainEveryPathIsTheBaseForecast() {
        // 10,000.00 today; a one-off of 15,000.00 on Wednesday 28 April
        block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        block(cash.addOneOff(owner, "Servers", LocalDate.of(2027, 4, 28), eur(1_500_000)));

        CashRisk risk = block(risks.risk(owner, null, 13, 50, null, Scenario.BASE));

        // 13 weeks from Monday 12 April: 10,000.00 in the first two, 10,000 − 15,000 = −5,000.00 from the week of
        // 26 April on, in every one of the 50 paths, so P10 = P50 = P90 = the base, and under 0 with probability 1
        assertThat(risk).extracting(CashRisk::asOf, CashRisk::paths, CashRisk::seed, CashRisk::opening)
                .containsExactly(TODAY, 50, CashRiskService.DEFAULT_SEED, eur(1_000_000));
        assertThat(risk.weeks()).hasSize(13);
        assertThat(risk.weeks().subList(0, 3)).extracting(CashRisk.Week::monday, CashRisk.Week::p10,
                        CashRisk.Week::p50, CashRisk.Week::p90, CashRisk.Week::base, CashRisk.Week::probabilityUnder)
                .containsExactly(
                        tuple(LocalDate.of(2027, 4, 12), eur(1_000_000), eur(1_000_000), eur(1_000_000),
                                eur(1_000_000), 0.0),
                        tuple(LocalDate.of(2027, 4, 19), eur(1_000_000), eur(1_000_000), eur(1_000_000),
                                eur(1_000_000), 0.0),
                        tuple(LocalDate.of(2027, 4, 26), eur(-500_000), eur(-500_000), eur(-500_000),
                                eur(-500_000), 1.0));
        assertThat(risk.weeks().get(12)).extracting(CashRisk.Week::monday, CashRisk.Week::p50,
                CashRisk.Week::probabilityUnder).containsExactly(LocalDate.of(2027, 7, 5), eur(-500_000), 1.0);
        // every path under within 13 weeks; 26 and 52 are beyond the horizon; shortfall: 0 − (−5,000) in every path
        assertThat(risk.probabilityUnderWithin13Weeks()).isEqualTo(1.0);
        assertThat(risk.probabilityUnderWithin26Weeks()).isNull();
        assertThat(risk.probabilityUnderWithin52Weeks()).isNull();
        assertThat(risk.expectedShortfall()).isEqualTo(eur(500_000));
        assertThat(risk.badPathClients()).isEmpty();
    }

    @Test
    void theInputsAreCheckedEveryBrokenRuleAtOnceAndOnlyMoneyRolesRunIt() {
        block(cash.recordBalance(owner, TODAY, eur(1_000_000)));
        assertThat(refusal(catchThrowable(() -> block(risks.risk(owner, null, 0, 0, null, Scenario.BASE)))))
                .containsExactly("horizonWeeks OUT_OF_RANGE", "paths OUT_OF_RANGE");
        assertThat(refusal(catchThrowable(() -> block(risks.risk(owner, null, 13, MonteCarlo.MAX_PATHS + 1, null,
                Scenario.BASE))))).containsExactly("paths OUT_OF_RANGE");
        for (Role role : new Role[] {Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(risks.risk(caller, null, 13, 50, null, Scenario.BASE))))
                    .isInstanceOf(Forbidden.class);
        }
        // another agency has no balance to start from: this one's is not read
        Caller stranger = tenants.create("Cash Risk Stranger").owner();
        assertThat(refusal(catchThrowable(() -> block(risks.risk(stranger, null, 13, 50, null, Scenario.BASE)))))
                .containsExactly("asOf REQUIRED");
    }

    @Test
    void settingsAreVersionedChangedByMoneyRolesOnlyAndKeptPerAgency() {
        Caller lead = as(Role.LEAD);
        // the defaults, never saved: version null; staff may read them, a client user may not
        assertThat(block(risks.settings(lead))).isEqualTo(CashRiskSettings.defaults());
        assertThat(catchThrowable(() -> block(risks.settings(as(Role.CLIENT)))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(risks.updateSettings(lead, null, null, 10))))
                .isInstanceOf(Forbidden.class);
        assertThat(block(risks.settings(owner)).version()).isNull();

        // the first save: version 0, IN_DOUBT changed, the other statuses keep their defaults
        CashRiskSettings saved = block(risks.updateSettings(owner, null, Map.of(RoundStatus.IN_DOUBT, 70), 10));
        assertThat(saved.version()).isZero();
        assertThat(saved.cashRiskPercent()).isEqualTo(10);
        assertThat(saved.roundFailurePercent()).containsEntry(RoundStatus.IN_DOUBT, 70)
                .containsEntry(RoundStatus.NOT_STARTED, 30).containsEntry(RoundStatus.FAILED, 100);

        // "never saved" once saved, then a percent out of 1–100: refused, nothing written
        assertThat(catchThrowable(() -> block(risks.updateSettings(as(Role.FINANCE), null, null,
                50)))).isInstanceOf(Conflict.class);
        assertThat(refusal(catchThrowable(() -> block(risks.updateSettings(owner, 0L, null, 101)))))
                .containsExactly("cashRiskPercent OUT_OF_RANGE");
        assertThat(block(risks.settings(owner))).isEqualTo(saved);

        // another agency still has the defaults, and cannot write over these with their version
        Caller stranger = tenants.create("Cash Risk Settings Stranger").owner();
        assertThat(block(risks.settings(stranger))).isEqualTo(CashRiskSettings.defaults());
        assertThat(catchThrowable(() -> block(risks.updateSettings(stranger, 0L, null, 99))))
                .isInstanceOf(Conflict.class);
        assertThat(block(risks.settingsOf(tenant.agencyId()))).isEqualTo(saved);
    }
}
