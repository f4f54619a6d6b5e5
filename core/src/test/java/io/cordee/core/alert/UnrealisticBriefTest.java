package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.UnrealisticBrief.CurrentVersion;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Feasibility;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict comes from {@link Feasibility#verdict}: above 1.0 (scope ÷ capacity) is UNREALISTIC. */
class UnrealisticBriefTest {

    private static final BriefId BRIEF = new BriefId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final LocalDate LAUNCH = LocalDate.of(2027, 3, 1);

    @ParameterizedTest(name = "scope {0} for capacity {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            // 85 ÷ 100 = 0.85: REALISTIC; 100 ÷ 100 = 1.0: TIGHT — neither fires
            "85,     100, -",
            "100,    100, -",
            // 100.01 ÷ 100 = 1.0001: UNREALISTIC, 0.01 person-day missing
            "100.01, 100, 0.01",
            // 125 ÷ 100: 25 person-days missing
            "125,    100, 25",
            // nothing allocated at all: UNREALISTIC, the whole scope is missing
            "40,     0,   40"})
    void aroundTheUnrealisticVerdict(BigDecimal scope, BigDecimal capacity, BigDecimal missing) {
        List<Finding> findings = UnrealisticBrief.findings(List.of(version(scope, capacity, false, List.of())));
        if (missing == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.magnitude()).isEqualByComparingTo(missing);
        });
    }

    @Test
    void aLaunchThatCannotMoveFarEnoughIsCritical() {
        // 125 ÷ 100 and even the earliest realistic launch falls after the communication plan
        Finding f = UnrealisticBrief.findings(List.of(version(new BigDecimal("125"), new BigDecimal("100"), true,
                List.of("R-7", "R-3")))).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.UNREALISTIC_BRIEF);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.subject()).isEqualTo(AlertSubject.brief(BRIEF, CLIENT));
        assertThat(f.evidence().names()).containsExactly("ratio", "scopeDays", "capacityDays", "launchDate",
                "earliestRealisticLaunch", "communicationPlanDate", "requirementsToDrop");
        assertThat(f.evidence().figure("ratio")).isEqualByComparingTo("1.25");
        assertThat(f.suggestedAction()).contains("R-7, R-3");
        assertThat(f.linksToRenegotiation()).isFalse();
    }

    private static CurrentVersion version(BigDecimal scope, BigDecimal capacity, boolean afterPlan, List<String> drop) {
        BigDecimal ratio = capacity.signum() == 0 ? null : scope.divide(capacity, 4, RoundingMode.HALF_UP);
        Feasibility feasibility = new Feasibility(capacity, scope, ratio, Feasibility.verdict(ratio), drop,
                capacity.signum() == 0 ? null : LocalDate.of(2027, 4, 15), Money.of(0, "EUR"), false, afterPlan);
        return new CurrentVersion(BRIEF, CLIENT, new BriefFeasibility(new BriefVersionId(UUID.randomUUID()),
                LocalDate.of(2026, 11, 23), LAUNCH, LocalDate.of(2027, 4, 1), feasibility, List.of(), null));
    }
}
