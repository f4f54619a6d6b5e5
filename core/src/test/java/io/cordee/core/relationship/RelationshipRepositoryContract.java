package io.cordee.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RelationshipRepository} promises its callers (ADR 0080): run against the R2DBC adapter on the
 * real PostgreSQL and against {@link InMemoryRelationships}, which {@code RelationshipServiceTest} uses.
 */
public abstract class RelationshipRepositoryContract extends PortContract {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract RelationshipRepository relationships();

    private RelationshipRepository relationships;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId alpha;
    private ClientId bravo;
    private ProjectId project;

    protected RelationshipRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgenciesAndTwoClients() {
        relationships = relationships();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        alpha = world().newClient(agency, "Alpha");
        bravo = world().newClient(agency, "Bravo");
        project = world().newProject(agency, alpha, "Site");
    }

    @Test
    void aSavedInteractionIsFoundAsItWasSaved() {
        Interaction rated = new Interaction(new InteractionId(UUID.randomUUID()), agency, alpha, MARCH_1,
                InteractionKind.MEETING, List.of("Léa", "Marc"), List.of("Anna"), "Kick-off", 4, 2, false, 0);
        Interaction unrated = new Interaction(new InteractionId(UUID.randomUUID()), agency, alpha, MARCH_1.plusDays(1),
                InteractionKind.EMAIL, List.of(), List.of(), "Sent the sitemap", null, null, true, 0);
        assertThat(relationships.insertInteraction(rated).block()).isEqualTo(rated);
        relationships.insertInteraction(unrated).block();
        assertThat(relationships.findInteraction(agency, rated.id()).block()).isEqualTo(rated);
        assertThat(relationships.findInteraction(agency, unrated.id()).block()).isEqualTo(unrated);
        assertThat(relationships.findInteraction(agency, new InteractionId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void interactionsArePagedNewestFirstThenByIdEachOnceWithTheWholeCount() {
        List<Interaction> five = fiveInteractionsOfAlpha();
        Interaction march8 = five.get(4);
        Interaction march5 = five.get(3);
        // the two of 3 March: the higher id first (date DESC, id DESC)
        List<Interaction> march3 = Stream.of(five.get(1), five.get(2))
                .sorted(Comparator.comparing((Interaction i) -> i.id().value(), StoredOrder.IDS).reversed()).toList();
        Interaction march1 = five.get(0);

        // pages of 3 over 5: [8, 5, 3 (high id)] then [3 (low id), 1] — the page break falls between equal dates
        Pages.Walk<Interaction> walk = Pages.walk(after -> relationships.findInteractionPages(agency,
                List.of(alpha, bravo), true, new PageRequest(3, after)).block().get(alpha));
        assertThat(walk.sizes()).containsExactly(3, 2);
        assertThat(walk.totals()).containsOnly(5L);
        assertThat(walk.items()).containsExactly(march8, march5, march3.get(0), march3.get(1), march1);
        // a client without interactions still gets its (empty) page
        Page<Interaction> none = relationships.findInteractionPages(agency, List.of(alpha, bravo), true,
                new PageRequest(3, null)).block().get(bravo);
        assertThat(none.items()).isEmpty();
        assertThat(none.totalCount()).isZero();
        assertThat(none.hasNextPage()).isFalse();

        // without the internal one (5 March): 4 left, and the total says 4
        Page<Interaction> visible = relationships.findInteractionPages(agency, List.of(alpha), false,
                new PageRequest(10, null)).block().get(alpha);
        assertThat(visible.items()).containsExactly(march8, march3.get(0), march3.get(1), march1);
        assertThat(visible.totalCount()).isEqualTo(4);
        // a page read without its total says so rather than 0
        assertThat(relationships.findInteractionPages(agency, List.of(alpha), true, new PageRequest(2, null, false))
                .block().get(alpha).totalCount()).isEqualTo(Page.NOT_COUNTED);
    }

    @Test
    void interactionsSinceADayIncludeInternalOnesAndTheFirstDateIsPerClient() {
        fiveInteractionsOfAlpha();
        // on or after 3 March: the two of 3 March, the internal one of 5 March and 8 March
        assertThat(relationships.findInteractionsSince(agency, List.of(alpha, bravo), MARCH_1.plusDays(2))
                .map(Interaction::date).collectList().block())
                .containsExactlyInAnyOrder(MARCH_1.plusDays(2), MARCH_1.plusDays(2), MARCH_1.plusDays(4),
                        MARCH_1.plusDays(7));
        // bravo has none, so it is absent rather than mapped to null
        assertThat(relationships.firstInteractionDates(agency, List.of(alpha, bravo)).block())
                .containsOnly(Map.entry(alpha, MARCH_1));
    }

    @Test
    void aStaleInteractionVersionIsRefusedAndChangesNothing() {
        Interaction call = relationships.insertInteraction(interaction(alpha, MARCH_1, false)).block();
        Interaction edited = relationships.updateInteraction(withSummary(call, "Budget call, moved to May")).block();
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.summary()).isEqualTo("Budget call, moved to May");
        // a second writer still holding version 0
        assertThat(relationships.updateInteraction(withSummary(call, "Stale write")).block()).isNull();
        assertThat(relationships.findInteraction(agency, call.id()).block()).isEqualTo(edited);
    }

    @Test
    void agreementsComeByDueDateThoseWithoutOneLastThenById() {
        Agreement april10a = relationships.insertAgreement(agreement(alpha, MARCH_1.plusDays(40))).block();
        Agreement noDate = relationships.insertAgreement(agreement(alpha, null)).block();
        Agreement done = relationships.insertAgreement(new Agreement(new AgreementId(UUID.randomUUID()), agency, alpha,
                project, "Send the brand book", Side.CLIENT, "Anna", MARCH_1.plusDays(31), AgreementStatus.DONE,
                MARCH_1.plusDays(29), 0)).block();
        Agreement april10b = relationships.insertAgreement(agreement(alpha, MARCH_1.plusDays(40))).block();
        relationships.insertAgreement(agreement(bravo, MARCH_1)).block();

        List<Agreement> april10 = Stream.of(april10a, april10b)
                .sorted(Comparator.comparing((Agreement a) -> a.id().value(), StoredOrder.IDS)).toList();
        // 1 April, then the two of 10 April by id, then the one without a date; bravo's is not asked for
        assertThat(relationships.findAgreements(agency, List.of(alpha)).collectList().block())
                .containsExactly(done, april10.get(0), april10.get(1), noDate);
        assertThat(relationships.findAgreement(agency, done.id()).block()).isEqualTo(done);

        Agreement agreed = relationships.updateAgreement(withStatus(noDate, AgreementStatus.AGREED)).block();
        assertThat(agreed.version()).isEqualTo(1);
        assertThat(relationships.updateAgreement(withStatus(noDate, AgreementStatus.DROPPED)).block()).isNull();
        assertThat(relationships.findAgreement(agency, noDate.id()).block()).isEqualTo(agreed);
    }

    @Test
    void commitmentsComeByDueDateThenIdAndADeliveryWritesItsCommentOnlyWithIt() {
        Commitment april10a = relationships.insertCommitment(commitment(MARCH_1.plusDays(40))).block();
        Commitment april2 = relationships.insertCommitment(commitment(MARCH_1.plusDays(32))).block();
        Commitment april10b = relationships.insertCommitment(commitment(MARCH_1.plusDays(40))).block();
        List<Commitment> april10 = Stream.of(april10a, april10b)
                .sorted(Comparator.comparing((Commitment c) -> c.id().value(), StoredOrder.IDS)).toList();
        assertThat(relationships.findCommitments(agency, List.of(alpha, bravo)).collectList().block())
                .containsExactly(april2, april10.get(0), april10.get(1));

        RelationshipComment word = comment(april2.id(), "Files are on the drive", true,
                Instant.parse("2027-04-03T09:00:00Z"));
        Commitment delivered = relationships.updateCommitment(delivered(april2, MARCH_1.plusDays(33)), word).block();
        assertThat(delivered.version()).isEqualTo(1);
        assertThat(delivered.deliveredDate()).isEqualTo(MARCH_1.plusDays(33));
        assertThat(relationships.findComments(agency, List.of(alpha)).collectList().block()).containsExactly(word);

        // a stale delivery writes neither the commitment nor its comment
        RelationshipComment late = comment(april2.id(), "Stale word", true, Instant.parse("2027-04-04T09:00:00Z"));
        assertThat(relationships.updateCommitment(delivered(april2, MARCH_1.plusDays(34)), late).block()).isNull();
        assertThat(relationships.findCommitment(agency, april2.id()).block()).isEqualTo(delivered);
        assertThat(relationships.findComments(agency, List.of(alpha)).collectList().block()).containsExactly(word);
        // a plain update keeps the same version rule
        assertThat(relationships.updateCommitment(delivered(april2, MARCH_1.plusDays(35))).block()).isNull();
    }

    @Test
    void commentsComeNewestFirst() {
        Agreement plan = relationships.insertAgreement(agreement(alpha, MARCH_1.plusDays(10))).block();
        Commitment files = relationships.insertCommitment(commitment(MARCH_1.plusDays(20))).block();
        RelationshipComment nine = new RelationshipComment(UUID.randomUUID(), agency, alpha, plan.id(), null,
                Side.CLIENT, null, "Fine by us", false, Instant.parse("2027-03-02T09:00:00Z"));
        RelationshipComment eleven = comment(files.id(), "Late by a day", false, Instant.parse("2027-03-02T11:00:00Z"));
        RelationshipComment ten = new RelationshipComment(UUID.randomUUID(), agency, alpha, plan.id(), null,
                Side.AGENCY, null, "Noted", false, Instant.parse("2027-03-02T10:00:00Z"));
        for (RelationshipComment c : List.of(nine, eleven, ten)) {
            assertThat(relationships.insertComment(c).block()).isEqualTo(c);
        }
        assertThat(relationships.findComments(agency, List.of(alpha, bravo)).collectList().block())
                .containsExactly(eleven, ten, nine);
    }

    @Test
    void aStrengthsMapIsInsertedOnceThenUpdatedFromItsVersion() {
        StrengthsMap first = new StrengthsMap(agency, alpha, List.of(new Strength("DESIGN", 5, 2, Lead.AGENCY),
                new Strength("DATA", 1, 4, Lead.CLIENT)), List.of("Quick answers"), 0);
        // inserted from -1: version 0
        StrengthsMap saved = relationships.saveStrengthsMap(first, -1).block();
        assertThat(saved).isEqualTo(first);
        // a second insert finds the map already there
        assertThat(relationships.saveStrengthsMap(first, -1).block()).isNull();
        StrengthsMap second = new StrengthsMap(agency, alpha, List.of(new Strength("DESIGN", 5, 3, Lead.SHARED)),
                List.of(), 0);
        StrengthsMap updated = relationships.saveStrengthsMap(second, 0).block();
        assertThat(updated.version()).isEqualTo(1);
        assertThat(relationships.saveStrengthsMap(first, 0).block()).isNull();
        assertThat(relationships.findStrengthsMaps(agency, List.of(alpha, bravo)).collectList().block())
                .containsExactly(updated);
    }

    @Test
    void healthWeightsAreEmptyUntilSavedThenVersioned() {
        assertThat(relationships.findHealthWeights(agency).block()).isNull();
        HealthWeights saved = relationships.saveHealthWeights(agency, new HealthWeights(30, 15, 20, 15, 20, -1), -1)
                .block();
        assertThat(saved).isEqualTo(new HealthWeights(30, 15, 20, 15, 20, 0));
        assertThat(relationships.saveHealthWeights(agency, new HealthWeights(20, 20, 20, 20, 20, -1), -1).block())
                .isNull();
        // 40 + 10 + 20 + 10 + 20 = 100
        HealthWeights moved = relationships.saveHealthWeights(agency, new HealthWeights(40, 10, 20, 10, 20, 0), 0)
                .block();
        assertThat(moved.version()).isEqualTo(1);
        assertThat(relationships.saveHealthWeights(agency, new HealthWeights(20, 20, 20, 20, 20, 0), 0).block())
                .isNull();
        assertThat(relationships.findHealthWeights(agency).block()).isEqualTo(new HealthWeights(40, 10, 20, 10, 20, 1));
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheRelationship() {
        Interaction call = relationships.insertInteraction(interaction(alpha, MARCH_1, false)).block();
        Agreement plan = relationships.insertAgreement(agreement(alpha, MARCH_1.plusDays(10))).block();
        Commitment files = relationships.insertCommitment(commitment(MARCH_1.plusDays(20))).block();
        RelationshipComment word = comment(files.id(), "Soon", false, Instant.parse("2027-03-02T09:00:00Z"));
        relationships.insertComment(word).block();
        StrengthsMap map = relationships.saveStrengthsMap(new StrengthsMap(agency, alpha,
                List.of(new Strength("TECH", 4, 1, Lead.AGENCY)), List.of(), 0), -1).block();
        HealthWeights weights = relationships.saveHealthWeights(agency, new HealthWeights(30, 15, 20, 15, 20, -1), -1)
                .block();

        // reads with the other agency and this agency's ids: nothing
        assertThat(relationships.findInteraction(otherAgency, call.id()).block()).isNull();
        Page<Interaction> page = relationships.findInteractionPages(otherAgency, List.of(alpha), true,
                new PageRequest(10, null)).block().get(alpha);
        assertThat(page.items()).isEmpty();
        assertThat(page.totalCount()).isZero();
        assertThat(relationships.findInteractionsSince(otherAgency, List.of(alpha), MARCH_1.minusYears(1))
                .collectList().block()).isEmpty();
        assertThat(relationships.firstInteractionDates(otherAgency, List.of(alpha)).block()).isEmpty();
        assertThat(relationships.findAgreement(otherAgency, plan.id()).block()).isNull();
        assertThat(relationships.findAgreements(otherAgency, List.of(alpha)).collectList().block()).isEmpty();
        assertThat(relationships.findCommitment(otherAgency, files.id()).block()).isNull();
        assertThat(relationships.findCommitments(otherAgency, List.of(alpha)).collectList().block()).isEmpty();
        assertThat(relationships.findComments(otherAgency, List.of(alpha)).collectList().block()).isEmpty();
        assertThat(relationships.findStrengthsMaps(otherAgency, List.of(alpha)).collectList().block()).isEmpty();
        assertThat(relationships.findHealthWeights(otherAgency).block()).isNull();

        // writes with the right ids and versions, claimed by the other agency: refused, nothing written
        assertThat(relationships.updateInteraction(new Interaction(call.id(), otherAgency, alpha, MARCH_1,
                InteractionKind.CALL, List.of(), List.of(), "Hijack", null, null, false, 0)).block()).isNull();
        assertThat(relationships.updateAgreement(new Agreement(plan.id(), otherAgency, alpha, null, "Hijack",
                Side.AGENCY, null, null, AgreementStatus.DROPPED, null, 0)).block()).isNull();
        Commitment hijack = new Commitment(files.id(), otherAgency, alpha, project, CommitmentKind.ASSETS, "Hijack",
                MARCH_1, MARCH_1, 0);
        RelationshipComment planted = new RelationshipComment(UUID.randomUUID(), otherAgency, alpha, null, files.id(),
                Side.CLIENT, null, "Planted", true, Instant.parse("2027-03-03T09:00:00Z"));
        assertThat(relationships.updateCommitment(hijack).block()).isNull();
        assertThat(relationships.updateCommitment(hijack, planted).block()).isNull();
        assertThat(relationships.saveStrengthsMap(new StrengthsMap(otherAgency, alpha, List.of(), List.of(), 0), 0)
                .block()).isNull();
        assertThat(relationships.saveHealthWeights(otherAgency, new HealthWeights(20, 20, 20, 20, 20, 0), 0).block())
                .isNull();

        assertThat(relationships.findInteraction(agency, call.id()).block()).isEqualTo(call);
        assertThat(relationships.findAgreement(agency, plan.id()).block()).isEqualTo(plan);
        assertThat(relationships.findCommitment(agency, files.id()).block()).isEqualTo(files);
        assertThat(relationships.findComments(agency, List.of(alpha)).collectList().block()).containsExactly(word);
        assertThat(relationships.findStrengthsMaps(agency, List.of(alpha)).collectList().block()).containsExactly(map);
        assertThat(relationships.findHealthWeights(agency).block()).isEqualTo(weights);
        assertThat(relationships.findHealthWeights(otherAgency).block()).isNull();
    }

    /** Alpha's interactions of 1, 3 (two), 5 (internal) and 8 March, in that order. */
    private List<Interaction> fiveInteractionsOfAlpha() {
        List<Interaction> five = new ArrayList<>();
        for (int[] dayAndInternal : new int[][] {{0, 0}, {2, 0}, {2, 0}, {4, 1}, {7, 0}}) {
            five.add(relationships.insertInteraction(interaction(alpha, MARCH_1.plusDays(dayAndInternal[0]),
                    dayAndInternal[1] == 1)).block());
        }
        return five;
    }

    private Interaction interaction(ClientId client, LocalDate date, boolean internal) {
        return new Interaction(new InteractionId(UUID.randomUUID()), agency, client, date, InteractionKind.CALL,
                List.of("Léa"), List.of(), "Call of " + date, 3, 3, internal, 0);
    }

    private static Interaction withSummary(Interaction i, String summary) {
        return new Interaction(i.id(), i.agencyId(), i.clientId(), i.date(), i.kind(), i.agencyParticipants(),
                i.clientParticipants(), summary, i.agencyEnergy(), i.clientEnergy(), i.internal(), i.version());
    }

    private Agreement agreement(ClientId client, LocalDate due) {
        return new Agreement(new AgreementId(UUID.randomUUID()), agency, client, null, "Weekly call", Side.AGENCY,
                "Léa", due, AgreementStatus.PROPOSED, null, 0);
    }

    private static Agreement withStatus(Agreement a, AgreementStatus status) {
        return new Agreement(a.id(), a.agencyId(), a.clientId(), a.projectId(), a.what(), a.ownerSide(), a.ownerName(),
                a.dueDate(), status, null, a.version());
    }

    private Commitment commitment(LocalDate due) {
        return new Commitment(new CommitmentId(UUID.randomUUID()), agency, alpha, project, CommitmentKind.ASSETS,
                "Photos for the home page", due, null, 0);
    }

    private static Commitment delivered(Commitment c, LocalDate on) {
        return new Commitment(c.id(), c.agencyId(), c.clientId(), c.projectId(), c.kind(), c.title(), c.dueDate(), on,
                c.version());
    }

    private RelationshipComment comment(CommitmentId on, String body, boolean delivery, Instant at) {
        return new RelationshipComment(UUID.randomUUID(), agency, alpha, null, on, Side.CLIENT, null, body, delivery,
                at);
    }
}
