package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CASH_RISK against the default 20 % threshold: above it a warning, from 40 % critical; at it, nothing. */
class CashRiskRuleTest {

    @Test
    void firesAboveTheAgencysThreshold() {
        assertThat(CashRiskRule.findings(risk(0.20), CashRiskSettings.defaults())).as("20 % is not above 20 %").isEmpty();
        assertThat(CashRiskRule.findings(risk(null), CashRiskSettings.defaults())).as("a horizon under 13 weeks").isEmpty();

        Finding warning = CashRiskRule.findings(risk(0.2505), CashRiskSettings.defaults()).get(0);
        assertThat(warning.kind()).isEqualTo(AlertKind.CASH_RISK);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.subject()).isEqualTo(AlertSubject.agency());
        assertThat(warning.magnitude()).isEqualByComparingTo("2505"); // basis points
        assertThat(warning.evidence().figure("probabilityWithin13Weeks")).isEqualByComparingTo("0.251");
        assertThat(warning.evidence().figure("thresholdPercent")).isEqualByComparingTo("20");
        assertThat(warning.evidence().amount("expectedShortfall")).isEqualTo(Money.of(1_234_500, "EUR"));
        assertThat(warning.suggestedAction()).startsWith("In 25 % of 2000 simulated futures");

        assertThat(CashRiskRule.findings(risk(0.40), CashRiskSettings.defaults()).get(0).severity())
                .isEqualTo(Severity.CRITICAL);
        // an agency that accepts up to 50 %
        assertThat(CashRiskRule.findings(risk(0.40), new CashRiskSettings(Map.of(), 50, 3L))).isEmpty();
    }

    private static CashRisk risk(Double within13) {
        Money zero = Money.of(0, "EUR");
        return new CashRisk(LocalDate.of(2026, 6, 1), 2000, 1, zero, zero, List.of(), within13, null, null,
                Money.of(1_234_500, "EUR"), List.of());
    }
}
