package io.cordee.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SetupRepository} promises the first-run setup (ADR 0080, ADR 27) on an instance that already
 * holds an agency, as every world does once a test has made one: setup is not needed and no claim succeeds; once
 * claimed, no setup token is valid, whatever was saved; an address is taken once any user of any agency has it. The empty instance's side
 * (a token valid until the one claim) needs a store of its own: the api's {@code SetupTest} runs it.
 */
public abstract class SetupRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract SetupRepository setup();

    private SetupRepository setup;
    private AgencyId agency;

    protected SetupRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anInstanceWithAnAgency() {
        setup = setup();
        agency = world().newAgency();
    }

    @Test
    void anInstanceWithAnAgencyNeedsNoSetupAndRefusesEveryClaim() {
        assertThat(setup.needed().block()).isFalse();
        assertThat(claim(NOON)).isFalse();
        assertThat(claim(NOON.plusSeconds(1))).isFalse();
        assertThat(setup.needed().block()).isFalse();
    }

    @Test
    void noSetupTokenIsValidOnceSetupHasBeenClaimed() {
        byte[] issued = RandomHashes.sha256Sized();
        setup.saveToken(issued, NOON).block();
        // saved twice (an instance restarted with the same token): still one token, still not valid
        setup.saveToken(issued.clone(), NOON.plusSeconds(60)).block();
        claim(NOON);
        assertThat(setup.tokenValid(issued).block()).isFalse();
        assertThat(setup.tokenValid(RandomHashes.sha256Sized()).block()).isFalse();
    }

    @Test
    void anAddressIsTakenOnceAUserOfAnyAgencyHasIt() {
        User olga = world().newUser(agency, "Olga", Role.OWNER);
        User elsewhere = world().newUser(world().newAgency(), "Elsewhere", Role.LEAD);
        assertThat(setup.emailTaken(olga.email()).block()).isTrue();
        assertThat(setup.emailTaken(elsewhere.email()).block()).isTrue();
        assertThat(setup.emailTaken("nobody." + UUID.randomUUID() + "@agency.example").block()).isFalse();
    }

    /** The claim, in its own setup transaction (refused here: its writes are rolled back with it or kept). */
    private Boolean claim(Instant at) {
        return world().transactions().inTransaction(setup.claim(at)).block();
    }
}
