package io.cordee.core.relationship;

import io.cordee.core.support.OneAgency;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceFilter;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.support.InMemoryClients;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The use cases against in-memory ports. Today is Tuesday 30 June 2026 in Paris. The agency has
 * client X (whose CLIENT user is {@code client}) with project P, and client Y.
 */
class RelationshipServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private final InMemoryRelationships repository = new InMemoryRelationships();
    private final InMemoryClients clients = new InMemoryClients();
    private final Client x = client("X");
    private final Client y = client("Y");
    private final Project p = new Project(new ProjectId(UUID.randomUUID()), agency, x.id(), "P", ProjectStatus.ACTIVE,
            LocalDate.of(2026, 1, 5), null, null, Money.of(1_000_000, "EUR"), 30, 0);
    private final Caller owner = caller(Role.OWNER, null);
    private final Caller lead = caller(Role.LEAD, null);
    private final Caller client = caller(Role.CLIENT, x.id());
    private RelationshipService service;

    @BeforeEach
    void agencyWithTwoClients() {
        clients.insert(x).block();
        clients.insert(y).block();
        Agency theAgency = new Agency(agency, "A", AgencySettings.defaults(Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris")), 0);
        service = new RelationshipService(repository, clients, new OneProject(p), new OneAgency(theAgency),
                new NoPayments(), UUID::randomUUID, Clock.fixed(Instant.parse("2026-06-30T10:00:00Z"), ZoneOffset.UTC),
                io.cordee.core.common.Computations.immediate());
    }

    @Test
    void aClientUserLogsOnlyClientSideEnergyForTheirOwnClient() {
        InteractionDraft draft = new InteractionDraft(TODAY, InteractionKind.CALL, List.of(), List.of("Sophie"),
                "Weekly call", null, 4, null);
        StepVerifier.create(service.addInteraction(client, x.id(), draft))
                .assertNext(i -> assertThat(i.internal()).isFalse()).verifyComplete();
        assertInvalid(service.addInteraction(client, x.id(), new InteractionDraft(TODAY, InteractionKind.CALL,
                        null, null, "Weekly call", 5, 4, true)),
                new FieldError("agencyEnergy", "only the agency rates its own energy", ErrorCode.FORBIDDEN),
                new FieldError("internal", "only the agency keeps internal notes", ErrorCode.FORBIDDEN));
        assertInvalid(service.addInteraction(client, y.id(), draft),
                new FieldError("clientId", "no such client", ErrorCode.NOT_FOUND));
        assertThat(repository.interactions).hasSize(1);
    }

    @Test
    void aClientUserNeverSeesInternalNotesTheHealthOrItsWeights() {
        service.addInteraction(lead, x.id(), new InteractionDraft(TODAY, InteractionKind.MEETING, null, null,
                "Public", 4, 4, false)).block();
        Interaction internal = service.addInteraction(lead, x.id(), new InteractionDraft(TODAY,
                InteractionKind.CALL, null, null, "Internal", 2, null, true)).block();

        StepVerifier.create(service.interactions(client, List.of(x.id(), y.id()), PageRequest.of(10, null)))
                .assertNext(pages -> {
                    assertThat(pages).containsOnlyKeys(x.id());
                    assertThat(pages.get(x.id()).items()).extracting(Interaction::summary).containsExactly("Public");
                })
                .verifyComplete();
        StepVerifier.create(service.findInteraction(client, internal.id())).verifyComplete();
        StepVerifier.create(service.findInteraction(lead, internal.id())).expectNextCount(1).verifyComplete();
        StepVerifier.create(service.health(client, List.of(x.id()))).expectNext(Map.of()).verifyComplete();
        StepVerifier.create(service.weights(client)).expectError(Forbidden.class).verify();
        StepVerifier.create(service.agreements(client, List.of(y.id()))).expectNext(Map.of()).verifyComplete();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Commitment texts = service.addCommitment(lead, x.id(), new CommitmentDraft(p.id(), CommitmentKind.CONTENT,
                "Texts", LocalDate.of(2026, 6, 1), null)).block();
        service.recordDelivery(client, texts.id(), 0L, LocalDate.of(2026, 6, 3)).block();
        StepVerifier.create(service.updateCommitment(lead, texts.id(), 0L, new CommitmentDraft(null, null, "Changed",
                null, null))).expectError(Conflict.class).verify();
        assertThat(repository.commitments.get(texts.id()))
                .extracting(Commitment::title, Commitment::deliveredDate, Commitment::version)
                .containsExactly("Texts", LocalDate.of(2026, 6, 3), 1L);
        // a CLIENT user records deliveries but changes nothing else
        StepVerifier.create(service.updateCommitment(client, texts.id(), 1L, new CommitmentDraft(null, null,
                "Mine", null, null))).expectError(Forbidden.class).verify();
    }

    @Test
    void aCommitmentBelongsToAProjectOfItsClient() {
        assertInvalid(service.addCommitment(lead, y.id(), new CommitmentDraft(p.id(), CommitmentKind.ASSETS,
                        "Photos", TODAY, null)),
                new FieldError("projectId", "no such project of this client", ErrorCode.NOT_FOUND));
        assertThat(repository.commitments).isEmpty();
    }

    @Test
    void onlyTheOwnerSetsWeightsAndTheyAddUpToAHundred() {
        HealthWeights energyOnly = new HealthWeights(0, 0, 100, 0, 0, -1);
        StepVerifier.create(service.updateWeights(lead, null, energyOnly)).expectError(Forbidden.class).verify();
        assertInvalid(service.updateWeights(owner, null, new HealthWeights(30, 15, 20, 15, 10, -1)),
                new FieldError("weights", "must add up to 100 (got 90)", ErrorCode.OUT_OF_RANGE));
        StepVerifier.create(service.updateWeights(owner, null, energyOnly))
                .assertNext(w -> assertThat(w.version()).isZero()).verifyComplete();
        StepVerifier.create(service.updateWeights(owner, null, energyOnly)).expectError(Conflict.class).verify();
        StepVerifier.create(service.weights(lead)).expectNext(new HealthWeights(0, 0, 100, 0, 0, 0)).verifyComplete();
    }

    @Test
    void theHealthOfSeveralClientsIsComputedAsOfTodayInTheAgencysZone() {
        // X: 1 of 2 commitments on time → COMMITMENTS 50; one interaction today (4, 4): ENERGY 75, FREQUENCY 25.
        // (30 × 50 + 20 × 75 + 15 × 25) ÷ 65 = 3375 ÷ 65 = 51.9 → 52. Y: nothing known → 50.
        service.addCommitment(lead, x.id(), new CommitmentDraft(p.id(), CommitmentKind.CONTENT, "Texts",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1))).block();
        service.addCommitment(lead, x.id(), new CommitmentDraft(p.id(), CommitmentKind.ASSETS, "Photos",
                LocalDate.of(2026, 6, 10), null)).block();
        service.addInteraction(lead, x.id(), new InteractionDraft(TODAY, InteractionKind.CALL, null, null, "Call",
                4, 4, false)).block();
        StepVerifier.create(service.health(lead, List.of(x.id(), y.id())))
                .assertNext(health -> {
                    assertThat(health.get(x.id()).asOf()).isEqualTo(TODAY);
                    assertThat(health.get(x.id()).score()).isEqualTo(52);
                    assertThat(health.get(y.id()).score()).isEqualTo(50);
                })
                .verifyComplete();
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private static void assertInvalid(Mono<?> work, FieldError... errors) {
        StepVerifier.create(work)
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors()).containsExactly(errors))
                .verify();
    }

    private Client client(String name) {
        return new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30, List.of(), null, false, 0);
    }

    private Caller caller(Role role, ClientId clientId) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role, clientId);
    }

    private static final class OneProject implements ProjectRepository {
        private final Project project;

        OneProject(Project project) {
            this.project = project;
        }

        @Override
        public Mono<Project> findById(AgencyId agencyId, ProjectId id) {
            return Mono.just(project).filter(p -> p.agencyId().equals(agencyId) && p.id().equals(id));
        }

        @Override
        public Mono<Page<Project>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Project> findByClients(AgencyId agencyId, Collection<ClientId> clientIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Project> findAllById(AgencyId agencyId, Collection<ProjectId> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Project> insert(Project project) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Project> update(Project project) {
            throw new UnsupportedOperationException();
        }
    }

    /** No client has paid an invoice yet: the payment component has no data. */
    private static final class NoPayments implements BillingRepository {

        @Override
        public Mono<io.cordee.core.billing.InvoicesWithPayments> findInvoicesOfProjects(AgencyId agencyId,
                                                                                       Collection<ProjectId> projectIds) {
            return Mono.just(new io.cordee.core.billing.InvoicesWithPayments(List.of(), Map.of()));
        }

        @Override
        public Flux<Payment> findPaymentsOfInvoices(AgencyId agencyId, Collection<InvoiceId> invoiceIds) {
            return Flux.empty();
        }

        @Override
        public Flux<Invoice> findAllInvoices(AgencyId agencyId) {
            return Flux.empty();
        }

        @Override
        public Flux<Invoice> findIssuedDueBefore(AgencyId agencyId, LocalDate date) {
            return Flux.empty();
        }

        @Override
        public Flux<PaidDates> findLastPaidDates(AgencyId agencyId, Collection<ClientId> clientIds, int perClient) {
            return Flux.empty();
        }

        @Override
        public Flux<PaidDates> findLastPaidDates(AgencyId agencyId, int perClient) {
            return Flux.empty();
        }

        @Override
        public Mono<ProjectBilling> findPlan(AgencyId agencyId, ProjectId projectId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<ProjectBilling> findPlans(AgencyId agencyId, Collection<ProjectId> projectIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<ProjectBilling> savePlan(AgencyId agencyId, ProjectId projectId, BillingPlan plan,
                                             long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Invoice> findInvoice(AgencyId agencyId, InvoiceId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Invoice> findInvoicesOfProject(AgencyId agencyId, ProjectId projectId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Page<Invoice>> findInvoicePage(AgencyId agencyId, InvoiceFilter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Receivable> findReceivables(AgencyId agencyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Receivable> findReceivables(AgencyId agencyId, LocalDate asOf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Invoice> replacePlannedInvoices(AgencyId agencyId, ProjectId projectId, List<Invoice> planned) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Invoice> updateInvoice(Invoice invoice) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Payment> insertPayment(Payment payment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Invoice> insertInvoice(Invoice invoice) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Payment> findPaymentsOfClient(AgencyId agencyId, ClientId clientId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Map<ProjectId, LocalDate>> firstPaymentDates(AgencyId agencyId, Collection<ProjectId> projectIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Payment> findPayments(AgencyId agencyId, LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }
    }
}
