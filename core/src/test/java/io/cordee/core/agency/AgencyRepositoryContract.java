package io.cordee.core.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AgencyRepository} promises its callers (ADR 0080): run against the R2DBC adapter and against
 * {@code InMemoryAgencies}, which {@code AgencyServiceTest} uses.
 */
public abstract class AgencyRepositoryContract {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);

    protected abstract AgencyRepository agencies();

    private AgencyRepository agencies;
    private Agency agency;
    private Agency other;

    @BeforeEach
    void twoAgencies() {
        agencies = agencies();
        agency = agencies.insert(agency("Atelier")).block();
        other = agencies.insert(agency("Studio")).block();
    }

    @Test
    void aSavedAgencyIsFoundAsItWasSavedMoneyToTheCent() {
        // a 1,500.50 EUR safety threshold: 150,050 minor units
        Agency found = agencies.findById(agency.id()).block();
        assertThat(found).isEqualTo(agency);
        assertThat(found.settings().safetyCashThreshold()).isEqualTo(Money.of(150_050, "EUR"));
        assertThat(found.settings().defaultPaymentDelayDays()).containsEntry(Segment.PUBLIC, 45);
        assertThat(agencies.findById(new AgencyId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void settingsAreWrittenFromTheVersionReadOnlyAndNeverInAnotherCurrency() {
        Agency moved = agencies.updateSettings(withSettings(agency, EUR, 10, 0)).block();
        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.settings().payday()).isEqualTo(10);
        // a second writer still holding version 0
        assertThat(agencies.updateSettings(withSettings(agency, EUR, 15, 0)).block()).isNull();
        // the right version, but another currency: an agency's currency never changes
        assertThat(agencies.updateSettings(withSettings(agency, Currency.getInstance("CHF"), 15, 1)).block())
                .isNull();
        assertThat(agencies.findById(agency.id()).block()).isEqualTo(moved);
        // the other agency is untouched
        assertThat(agencies.findById(other.id()).block()).isEqualTo(other);
    }

    @Test
    void holidaysAreTheAgencysOwnByDayBothEndsIncluded() {
        LocalDate mayDay = LocalDate.of(2027, 5, 1);
        LocalDate armistice = LocalDate.of(2027, 11, 11);
        LocalDate christmas = LocalDate.of(2027, 12, 25);
        agencies.addHolidays(agency.id(), Set.of(christmas, NEW_YEAR, mayDay), "Public holiday").block();
        agencies.addHolidays(other.id(), Set.of(LocalDate.of(2027, 7, 14)), "Other").block();
        // 1 January to 1 May, both included, by day
        assertThat(agencies.holidays(agency.id(), NEW_YEAR, mayDay).collectList().block())
                .containsExactly(NEW_YEAR, mayDay);
        // adding a day already there keeps it once
        agencies.addHolidays(agency.id(), Set.of(NEW_YEAR, armistice), "Again").block();
        agencies.addHolidays(agency.id(), Set.of(), "Nothing").block();
        assertThat(agencies.holidays(agency.id(), NEW_YEAR, LocalDate.of(2027, 12, 31)).collectList().block())
                .containsExactly(NEW_YEAR, mayDay, armistice, christmas);

        assertThat(agencies.removeHoliday(agency.id(), mayDay).block()).isTrue();
        assertThat(agencies.removeHoliday(agency.id(), mayDay).block()).isFalse();
        // another agency neither sees nor removes them
        assertThat(agencies.holidays(other.id(), NEW_YEAR, LocalDate.of(2027, 6, 30)).collectList().block()).isEmpty();
        assertThat(agencies.removeHoliday(other.id(), NEW_YEAR).block()).isFalse();
        assertThat(agencies.holidays(agency.id(), NEW_YEAR, NEW_YEAR).collectList().block()).containsExactly(NEW_YEAR);
    }

    private static Agency agency(String name) {
        return new Agency(new AgencyId(UUID.randomUUID()), name, new AgencySettings(EUR, ZoneId.of("Europe/Paris"),
                Money.of(150_050, "EUR"), 25, Map.of(Segment.STARTUP, 10, Segment.SME, 5, Segment.ENTERPRISE, 30,
                Segment.PUBLIC, 45)), 0);
    }

    private static Agency withSettings(Agency a, Currency currency, int payday, long version) {
        AgencySettings s = a.settings();
        return new Agency(a.id(), a.name(), new AgencySettings(currency, s.timeZone(),
                new Money(s.safetyCashThreshold().minorUnits(), currency), payday, s.defaultPaymentDelayDays()),
                version);
    }
}
