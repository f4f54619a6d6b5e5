package io.cordee.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static io.cordee.api.support.TenantServiceTest.block;
import static io.cordee.api.support.TenantServiceTest.refusal;

import io.cordee.api.support.ApiTest;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.identity.UserRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@link SetupService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04). That
 * database is set up already (the demo agency and every test's agencies), so here: sign-up when open makes an
 * agency with the settings asked for and its owner, signed in; an address signs in to one agency only; every broken
 * rule at once with nothing written; a closed instance refuses; a set-up instance takes no setup token. The
 * first run on an empty database is {@code SetupTest}'s, on an instance of its own.
 */
@ApiTest
class SetupServiceTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    SetupRepository setupRepository;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    UserRepository users;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionRunner tx;
    @Autowired
    IdGenerator ids;
    @Autowired
    Clock clock;
    @Autowired
    DatabaseClient db;

    private SetupService setup(SetupService.Signup signup) {
        return new SetupService(setupRepository, agencies, users, identity, tx, ids, clock, signup);
    }

    private static String email() {
        return "founder-" + UUID.randomUUID() + "@nord.example";
    }

    private long agenciesNamed(String name) {
        return block(db.sql("SELECT count(*) FROM agency WHERE name = :n").bind("n", name).mapValue(Long.class).one());
    }

    @Test
    void anOpenSignUpMakesTheAgencyAskedForAndItsOwnerSignedIn() {
        String email = email();
        SignedIn in = block(setup(SetupService.Signup.OPEN).signUp(new NewAgency(" Atelier Nord ", "CH", "CHF",
                "Europe/Zurich", "fr", " Nora Nord ", "  " + email.toUpperCase() + " ", PASSWORD)));

        // the address as stored: trimmed, lower case; the owner's name stripped
        assertThat(in.token()).isNotBlank();
        assertThat(in.user()).satisfies(u -> {
            assertThat(u.email()).isEqualTo(email);
            assertThat(u.displayName()).isEqualTo("Nora Nord");
            assertThat(u.role()).isEqualTo(Role.OWNER);
        });
        Agency agency = block(agencies.findById(in.user().agencyId()));
        assertThat(agency.name()).isEqualTo("Atelier Nord");
        assertThat(agency.settings().currency()).isEqualTo(Currency.getInstance("CHF"));
        assertThat(agency.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        // the password was hashed, not kept: it signs in
        assertThat(block(identity.checkPassword(email, PASSWORD)).id()).isEqualTo(in.user().id());
    }

    @Test
    void anAddressSignsInToOneAgencyOnlyAndEveryBrokenRuleIsNamedWithNothingWritten() {
        SetupService open = setup(SetupService.Signup.OPEN);
        String email = email();
        block(open.signUp(new NewAgency("Atelier Premier", "FR", "EUR", "Europe/Paris", "en", "Paul", email,
                PASSWORD)));
        assertThat(refusal(catchThrowable(() -> block(open.signUp(new NewAgency("Atelier Doublon", "FR", "EUR",
                "Europe/Paris", "en", "Paula", email, PASSWORD)))))).containsExactly("email DUPLICATE");
        assertThat(agenciesNamed("Atelier Doublon")).isZero();

        String other = email();
        assertThat(refusal(catchThrowable(() -> block(open.signUp(new NewAgency("Atelier Faux", "XX", "EURO",
                "Mars/Olympus", "de", " ", other.replace("@", " at "), "short"))))))
                .containsExactly("ownerName REQUIRED", "email INVALID_FORMAT", "country INVALID_FORMAT",
                        "currency INVALID_FORMAT", "timeZone INVALID_FORMAT", "language INVALID_FORMAT",
                        "password WEAK_PASSWORD");
        assertThat(agenciesNamed("Atelier Faux")).isZero();
    }

    @Test
    void aClosedOrSetUpInstanceTakesNoNewAgency() {
        NewAgency input = new NewAgency("Atelier Ferme", "FR", "EUR", "Europe/Paris", "fr", "Fanny", email(),
                PASSWORD);
        assertThat(refusal(catchThrowable(() -> block(setup(SetupService.Signup.CLOSED).signUp(input)))))
                .containsExactly("email SIGNUP_CLOSED");

        // this database has agencies: no setup needed, no token issued, any token refused as "already set up"
        SetupService service = setup(SetupService.Signup.CLOSED);
        assertThat(block(service.needed())).isFalse();
        assertThat(block(service.issueToken())).isNull();
        assertThat(refusal(catchThrowable(() -> block(service.setUp(null, input)))))
                .containsExactly("setupToken ALREADY_SET_UP");
        assertThat(refusal(catchThrowable(() -> block(service.setUp("a-token-of-another-instance", input)))))
                .containsExactly("setupToken ALREADY_SET_UP");
        assertThat(agenciesNamed("Atelier Ferme")).isZero();
    }
}
