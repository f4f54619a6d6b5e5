package io.cordee.core.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyService.SettingsChanges;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.support.InMemoryAgencies;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The agency's settings as its owner and finance change them, against {@link InMemoryAgencies}. */
class AgencyServiceTest {

    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final AgencyService service = new AgencyService(agencies);
    private Agency agency;

    @BeforeEach
    void anAgency() {
        // pays on the 25th, never below 1,500.50 EUR, expects SMEs 5 days late
        agency = agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                new AgencySettings(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"), Money.of(150_050, "EUR"),
                        25, Map.of(Segment.STARTUP, 10, Segment.SME, 5, Segment.ENTERPRISE, 30, Segment.PUBLIC, 45)),
                0)).block();
    }

    @Test
    void theOwnerChangesWhatIsGivenAndNothingElse() {
        Agency changed = service.updateSettings(caller(Role.OWNER), 0, new SettingsChanges(null,
                Money.of(200_000, "EUR"), null, Map.of(Segment.SME, 15))).block();
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.settings().safetyCashThreshold()).isEqualTo(Money.of(200_000, "EUR"));
        assertThat(changed.settings().payday()).isEqualTo(25);
        assertThat(changed.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(changed.settings().defaultPaymentDelayDays()).isEqualTo(Map.of(Segment.STARTUP, 10, Segment.SME, 15,
                Segment.ENTERPRISE, 30, Segment.PUBLIC, 45));
        assertThat(service.current(caller(Role.LEAD)).block()).isEqualTo(changed);
    }

    @Test
    void financeMayChangeTheSettingsButALeadMayNot() {
        assertThat(service.updateSettings(caller(Role.FINANCE), 0, new SettingsChanges(ZoneId.of("Europe/Zurich"),
                null, 1, null)).block().settings().payday()).isEqualTo(1);
        StepVerifier.create(service.updateSettings(caller(Role.LEAD), 1, new SettingsChanges(null, null, 2, null)))
                .expectError(Forbidden.class).verify();
        StepVerifier.create(service.updateSettings(caller(Role.CLIENT), 1, new SettingsChanges(null, null, 3, null)))
                .expectError(Forbidden.class).verify();
        assertThat(agencies.findById(agency.id()).block().settings().payday()).isEqualTo(1);
    }

    @Test
    void everyBrokenRuleIsToldAtOnceAndNothingIsWritten() {
        StepVerifier.create(service.updateSettings(caller(Role.OWNER), 0, new SettingsChanges(null,
                        Money.of(100, "CHF"), 29, Map.of(Segment.PUBLIC, 366))))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                Tuple.tuple("safetyCashThreshold", ErrorCode.INVALID_FORMAT),
                                Tuple.tuple("payday", ErrorCode.OUT_OF_RANGE),
                                Tuple.tuple("defaultPaymentDelayDays.PUBLIC", ErrorCode.OUT_OF_RANGE)))
                .verify();
        StepVerifier.create(service.updateSettings(caller(Role.OWNER), 0, new SettingsChanges(null,
                        Money.of(-1, "EUR"), null, null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(Tuple.tuple("safetyCashThreshold", ErrorCode.OUT_OF_RANGE)))
                .verify();
        assertThat(agencies.findById(agency.id()).block()).isEqualTo(agency);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        service.updateSettings(caller(Role.OWNER), 0, new SettingsChanges(null, null, 10, null)).block();
        StepVerifier.create(service.updateSettings(caller(Role.FINANCE), 0, new SettingsChanges(null, null, 20, null)))
                .expectError(Conflict.class).verify();
        assertThat(agencies.findById(agency.id()).block().settings().payday()).isEqualTo(10);
    }

    @Test
    void anAgencyThatIsNotThereIsNotFound() {
        Caller stranger = new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), Role.OWNER, null);
        StepVerifier.create(service.current(stranger)).expectError(NotFound.class).verify();
        StepVerifier.create(service.updateSettings(stranger, 0, new SettingsChanges(null, null, 10, null)))
                .expectError(NotFound.class).verify();
    }

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agency.id(), role,
                role == Role.CLIENT ? new io.cordee.core.client.ClientId(UUID.randomUUID()) : null);
    }
}
