package io.cordee.core.agency;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agency's settings changes (ADR 79): each valid case at its bounds, each broken field with its code. */
class UpdateAgencySettingsCommandTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void nothingChangedIsValidAndEachBoundIsInclusive() {
        UpdateAgencySettingsCommand none = new UpdateAgencySettingsCommand(0, EUR, null, null, null, null);
        assertThat(none.defaultPaymentDelayDays()).isNull();
        // payday 1 and 28, a threshold of 0, delays of 0 and 365 days
        new UpdateAgencySettingsCommand(3, EUR, ZoneId.of("Europe/Paris"), Money.of(0, "EUR"), 1,
                Map.of(Segment.PUBLIC, 0, Segment.ENTERPRISE, 365));
        UpdateAgencySettingsCommand c = new UpdateAgencySettingsCommand(3, EUR, null, null, 28,
                Map.of(Segment.SME, 45));
        assertThat(c.defaultPaymentDelayDays()).containsExactly(Map.entry(Segment.SME, 45));
        assertThat(new UpdateAgencySettingsCommand(3, EUR, new AgencyService.SettingsChanges(null, null, 28,
                Map.of(Segment.SME, 45)))).isEqualTo(c);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new UpdateAgencySettingsCommand(0, EUR, null, Money.of(100, "CHF"), null, null),
                "safetyCashThreshold", ErrorCode.INVALID_FORMAT)).isEqualTo("must be in the agency's currency EUR");
        // −0.01 EUR
        refused(() -> new UpdateAgencySettingsCommand(0, EUR, null, Money.of(-1, "EUR"), null, null),
                "safetyCashThreshold", ErrorCode.OUT_OF_RANGE);
        refused(() -> new UpdateAgencySettingsCommand(0, EUR, null, null, 0, null), "payday", ErrorCode.OUT_OF_RANGE);
        refused(() -> new UpdateAgencySettingsCommand(0, EUR, null, null, 29, null), "payday", ErrorCode.OUT_OF_RANGE);
        refused(() -> new UpdateAgencySettingsCommand(0, EUR, null, null, null, Map.of(Segment.PUBLIC, -1)),
                "defaultPaymentDelayDays.PUBLIC", ErrorCode.OUT_OF_RANGE);
        refused(() -> new UpdateAgencySettingsCommand(0, null, null, null, null, null), "currency",
                ErrorCode.REQUIRED);
    }

    @Test
    void aTimeZoneIsReadFromItsNameAndAMalformedOneIsRefused() {
        assertThat(UpdateAgencySettingsCommand.timeZone("America/Montreal")).isEqualTo(ZoneId.of("America/Montreal"));
        // no text is no change
        assertThat(UpdateAgencySettingsCommand.timeZone(null)).isNull();
        // an unknown region, a blank, a known region in the wrong case, an offset beyond ±18:00
        for (String malformed : new String[] {"Mars/Olympus", " ", "europe/paris", "+19:00"}) {
            assertThat(refused(() -> UpdateAgencySettingsCommand.timeZone(malformed), "timeZone",
                    ErrorCode.INVALID_FORMAT)).as(malformed).isEqualTo("is not an IANA time zone such as Europe/Paris");
        }
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new UpdateAgencySettingsCommand(0, EUR, null, Money.of(100, "CHF"), 29,
                        Map.of(Segment.PUBLIC, 366)), "safetyCashThreshold INVALID_FORMAT", "payday OUT_OF_RANGE",
                "defaultPaymentDelayDays.PUBLIC OUT_OF_RANGE");
    }
}
