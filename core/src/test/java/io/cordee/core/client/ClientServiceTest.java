package io.cordee.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.support.InMemoryClients;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ClientServiceTest {

    private final InMemoryClients repository = new InMemoryClients();
    private final ClientService service = new ClientService(repository, UUID::randomUUID);
    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private final Caller lead = new Caller(new UserId(UUID.randomUUID()), agency, Role.LEAD, null);
    private final Caller finance = new Caller(new UserId(UUID.randomUUID()), agency, Role.FINANCE, null);

    @Test
    void createsWithDefaultTermsAndTrimmedName() {
        StepVerifier.create(service.create(lead, new ClientDraft("  Maison Lumen ", Segment.SME, null, null, null)))
                .assertNext(c -> {
                    assertThat(c.name()).isEqualTo("Maison Lumen");
                    assertThat(c.paymentTermsDays()).isEqualTo(ClientService.DEFAULT_PAYMENT_TERMS_DAYS);
                    assertThat(c.version()).isZero();
                    assertThat(c.agencyId()).isEqualTo(agency);
                })
                .verifyComplete();
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        StepVerifier.create(service.create(finance, new ClientDraft("", null, -1,
                        List.of(new Contact("Ana", "nope", null)), null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("name", ErrorCode.REQUIRED),
                                org.assertj.core.groups.Tuple.tuple("segment", ErrorCode.REQUIRED),
                                org.assertj.core.groups.Tuple.tuple("paymentTermsDays", ErrorCode.OUT_OF_RANGE),
                                org.assertj.core.groups.Tuple.tuple("contacts[0].email", ErrorCode.INVALID_FORMAT)))
                .verify();
    }

    @Test
    void aStaleVersionIsAConflict() {
        Client created = service.create(lead, new ClientDraft("Nuvola", Segment.STARTUP, null, null, null)).block();
        service.update(lead, created.id(), 0, new ClientDraft("Nuvola SAS", null, null, null, null)).block();

        StepVerifier.create(service.update(lead, created.id(), 0, new ClientDraft("Lost", null, null, null, null)))
                .expectError(Conflict.class).verify();
        assertThat(repository.findById(agency, created.id()).block().name()).isEqualTo("Nuvola SAS");
    }

    @Test
    void aClientUserSeesOnlyItsOwnClientAndCannotWrite() {
        Client own = service.create(lead, new ClientDraft("Own", Segment.SME, null, null, null)).block();
        Client other = service.create(lead, new ClientDraft("Other", Segment.SME, null, null, null)).block();
        Caller clientUser = new Caller(new UserId(UUID.randomUUID()), agency, Role.CLIENT, own.id());

        StepVerifier.create(service.list(clientUser, ClientFilter.all(), PageRequest.of(100, null)))
                .assertNext(page -> assertThat(page.items()).extracting(Client::name).containsExactly("Own"))
                .verifyComplete();
        StepVerifier.create(service.get(clientUser, other.id())).expectError(NotFound.class).verify();
        StepVerifier.create(service.create(clientUser, new ClientDraft("Mine", Segment.SME, 30, null, null)))
                .expectError(Forbidden.class).verify();
    }

    @Test
    void aLeadSetsNoPaymentTermsAndARefusedChangeChangesNothing() {
        Client created = service.create(finance, new ClientDraft("Terroirs", Segment.SME, 45, null, null)).block();

        StepVerifier.create(service.create(lead, new ClientDraft("Horizon", Segment.SME, 60, null, null)))
                .expectErrorSatisfies(e -> assertThat(((Forbidden) e).field()).contains("paymentTermsDays"))
                .verify();
        // a new name and new terms in one change: neither is written
        StepVerifier.create(service.update(lead, created.id(), 0, new ClientDraft("Terroirs SAS", null, 10, null, null)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Forbidden.class)
                        .hasMessage("Your role (LEAD) does not allow you to change money: paymentTermsDays"))
                .verify();
        assertThat(repository.findById(agency, created.id()).block())
                .extracting(Client::name, Client::paymentTermsDays, Client::version)
                .containsExactly("Terroirs", 45, 0L);
        // the name alone is the lead's to change
        assertThat(service.update(lead, created.id(), 0, new ClientDraft("Terroirs SAS", null, null, null, null))
                .block().name()).isEqualTo("Terroirs SAS");
    }

    @Test
    void anotherAgencysClientIsNotFound() {
        Client theirs = service.create(new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()),
                Role.OWNER, null), new ClientDraft("Theirs", Segment.SME, 30, null, null)).block();
        StepVerifier.create(service.get(lead, theirs.id())).expectError(NotFound.class).verify();
    }
}
