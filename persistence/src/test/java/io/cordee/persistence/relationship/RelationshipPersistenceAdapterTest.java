package io.cordee.persistence.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.Agreement;
import io.cordee.core.relationship.AgreementId;
import io.cordee.core.relationship.AgreementStatus;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.CommitmentKind;
import io.cordee.core.relationship.HealthWeights;
import io.cordee.core.relationship.Interaction;
import io.cordee.core.relationship.InteractionId;
import io.cordee.core.relationship.InteractionKind;
import io.cordee.core.relationship.Lead;
import io.cordee.core.relationship.RelationshipComment;
import io.cordee.core.relationship.Side;
import io.cordee.core.relationship.Strength;
import io.cordee.core.relationship.StrengthsMap;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class RelationshipPersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final RelationshipPersistenceAdapter adapter = new RelationshipPersistenceAdapter(db,
            new RelationshipRowMapperImpl(new StrengthsJson()));
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** For each test (a new instance per test): an agency with two clients, and another agency. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();
    private final ClientId x = TestDatabase.newClient(agency);
    private final ClientId y = TestDatabase.newClient(agency);
    private ProjectId project;

    @BeforeEach
    void aProjectOfX() {
        project = new ProjectId(ids.newId());
        db.sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, currency, fee_budget_minor,"
                        + " payment_terms_days) VALUES (:a, :id, :c, 'P', 'ACTIVE', '2026-01-05', 'EUR', 0, 30)")
                .bind("a", agency.value()).bind("id", project.value()).bind("c", x.value()).then().block();
    }

    @Test
    void roundTripsEveryFieldWithinItsAgencyOnly() {
        Interaction interaction = interaction(x, "2026-03-01", false);
        assertThat(adapter.insertInteraction(interaction).block()).isEqualTo(interaction);
        Interaction unrated = new Interaction(new InteractionId(ids.newId()), agency, x, LocalDate.of(2026, 3, 2),
                InteractionKind.EMAIL, List.of(), List.of(), "Sent the sitemap", null, null, true, 0);
        adapter.insertInteraction(unrated).block();
        assertThat(adapter.findInteraction(agency, unrated.id()).block()).isEqualTo(unrated);
        assertThat(adapter.findInteraction(otherAgency, interaction.id()).block()).isNull();

        Agreement agreement = new Agreement(new AgreementId(ids.newId()), agency, x, null, "Weekly call",
                Side.AGENCY, "Léa", LocalDate.of(2026, 4, 1), AgreementStatus.DONE, LocalDate.of(2026, 3, 30), 0);
        adapter.insertAgreement(agreement).block();
        assertThat(adapter.findAgreement(agency, agreement.id()).block()).isEqualTo(agreement);
        assertThat(adapter.findAgreements(otherAgency, List.of(x)).collectList().block()).isEmpty();

        Commitment commitment = new Commitment(new CommitmentId(ids.newId()), agency, x, project,
                CommitmentKind.APPROVAL, "Approve the design", LocalDate.of(2026, 4, 10), null, 0);
        adapter.insertCommitment(commitment).block();
        assertThat(adapter.findCommitments(agency, List.of(x, y)).collectList().block()).containsExactly(commitment);
        assertThat(adapter.findCommitment(otherAgency, commitment.id()).block()).isNull();

        StrengthsMap map = new StrengthsMap(agency, x, List.of(new Strength("DESIGN", 5, 2, Lead.AGENCY),
                new Strength("Communauté", 2, 5, Lead.CLIENT)), List.of("Texts on time", "One decision-maker"), -1);
        StrengthsMap saved = adapter.saveStrengthsMap(map, -1).block();
        assertThat(saved.version()).isZero();
        assertThat(adapter.findStrengthsMaps(agency, List.of(x, y)).collectList().block()).containsExactly(saved);
        assertThat(saved.strengths()).isEqualTo(map.strengths());
        assertThat(saved.expectations()).isEqualTo(map.expectations());
        assertThat(adapter.findStrengthsMaps(otherAgency, List.of(x)).collectList().block()).isEmpty();

        assertThat(adapter.findHealthWeights(agency).block()).isNull();
        assertThat(adapter.saveHealthWeights(agency, new HealthWeights(40, 10, 20, 10, 20, -1), -1).block())
                .isEqualTo(new HealthWeights(40, 10, 20, 10, 20, 0));
        assertThat(adapter.findHealthWeights(otherAgency).block()).isNull();
    }

    @Test
    void writesOnlyFromTheCurrentVersionAndNeverAnotherAgencysRow() {
        Interaction interaction = adapter.insertInteraction(interaction(x, "2026-03-01", false)).block();
        Interaction changed = with(interaction, "Changed", 0);
        assertThat(adapter.updateInteraction(changed).block().version()).isEqualTo(1);
        assertThat(adapter.updateInteraction(with(interaction, "Stale", 0)).block()).isNull();
        assertThat(adapter.updateInteraction(new Interaction(interaction.id(), otherAgency, x, interaction.date(),
                interaction.kind(), List.of(), List.of(), "Hijack", null, null, false, 1)).block()).isNull();
        assertThat(adapter.findInteraction(agency, interaction.id()).block().summary()).isEqualTo("Changed");

        StrengthsMap map = new StrengthsMap(agency, x, List.of(), List.of(), -1);
        adapter.saveStrengthsMap(map, -1).block();
        assertThat(adapter.saveStrengthsMap(map, -1).block()).isNull();
        assertThat(adapter.saveStrengthsMap(map, 0).block().version()).isEqualTo(1);
        assertThat(adapter.saveStrengthsMap(map, 0).block()).isNull();

        HealthWeights weights = new HealthWeights(20, 20, 20, 20, 20, -1);
        adapter.saveHealthWeights(agency, weights, -1).block();
        assertThat(adapter.saveHealthWeights(agency, weights, -1).block()).isNull();
        assertThat(adapter.saveHealthWeights(agency, weights, 5).block()).isNull();
        assertThat(adapter.saveHealthWeights(agency, weights, 0).block().version()).isEqualTo(1);
    }

    @Test
    void pagesEachClientsInteractionsNewestFirstInOneReadAndHidesInternalOnesWhenAsked() {
        // X: five interactions, two on the same day (ordered by id, newest id first); one is internal. Y: one.
        for (String date : List.of("2026-01-10", "2026-03-05", "2026-02-01", "2026-03-05", "2026-02-20")) {
            adapter.insertInteraction(interaction(x, date, false)).block();
        }
        Interaction internal = adapter.insertInteraction(interaction(x, "2026-02-25", true)).block();
        adapter.insertInteraction(interaction(y, "2026-01-01", false)).block();
        adapter.insertInteraction(new Interaction(new InteractionId(ids.newId()), otherAgency,
                TestDatabase.newClient(otherAgency),
                LocalDate.of(2026, 3, 31), InteractionKind.CALL, List.of(), List.of(), "Other", 3, 3, false, 0)).block();

        Map<ClientId, Page<Interaction>> first = adapter.findInteractionPages(agency, List.of(x, y), false,
                new PageRequest(2, null)).block();
        assertThat(first.get(x).totalCount()).isEqualTo(5);
        assertThat(first.get(y).totalCount()).isEqualTo(1);
        assertThat(first.get(y).hasNextPage()).isFalse();

        List<String> seen = new ArrayList<>();
        String after = null;
        Page<Interaction> page;
        do {
            page = adapter.findInteractionPages(agency, List.of(x), false, new PageRequest(2, after)).block().get(x);
            page.items().forEach(i -> seen.add(i.date().toString()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(seen).containsExactly("2026-03-05", "2026-03-05", "2026-02-20", "2026-02-01", "2026-01-10");

        Page<Interaction> staff = adapter.findInteractionPages(agency, List.of(x), true, new PageRequest(100, null))
                .block().get(x);
        assertThat(staff.totalCount()).isEqualTo(6);
        assertThat(staff.items()).contains(internal);
        assertThat(adapter.findInteractionPages(agency, List.of(x), true, new PageRequest(0, null)).block().get(x)
                .totalCount()).isEqualTo(6);
        assertThatThrownBy(() -> adapter.findInteractionPages(agency, List.of(x), true, new PageRequest(2, "garbage"))
                .block()).isInstanceOf(InvalidInput.class);
        assertThat(adapter.findInteractionsSince(agency, List.of(x, y), LocalDate.of(2026, 2, 20)).collectList().block())
                .extracting(i -> i.date().toString())
                .containsExactlyInAnyOrder("2026-03-05", "2026-03-05", "2026-02-20", "2026-02-25");
        assertThat(adapter.firstInteractionDates(agency, List.of(x, y, TestDatabase.newClient(agency))).block())
                .isEqualTo(Map.of(x, LocalDate.of(2026, 1, 10), y, LocalDate.of(2026, 1, 1)));
    }

    private Interaction interaction(ClientId client, String date, boolean internal) {
        return new Interaction(new InteractionId(ids.newId()), agency, client, LocalDate.parse(date),
                InteractionKind.MEETING, List.of("Léa", "Antoine"), List.of("Sophie"), "Meeting of " + date, 4, 5,
                internal, 0);
    }

    private static Interaction with(Interaction i, String summary, long version) {
        return new Interaction(i.id(), i.agencyId(), i.clientId(), i.date(), i.kind(), i.agencyParticipants(),
                i.clientParticipants(), summary, i.agencyEnergy(), i.clientEnergy(), i.internal(), version);
    }

    /**
     * The commented update of a commitment is one statement whose first part is the plain update: at version 0
     * it matches, returns version 1 and writes its comment; run again at version 0 it matches no row, returns
     * nothing and writes no second comment (1 comment, not 2).
     */
    @Test
    void aCommentedCommitmentUpdateWritesItsCommentOnlyWhenTheVersionMatches() {
        Commitment commitment = new Commitment(new CommitmentId(ids.newId()), agency, x, project,
                CommitmentKind.CONTENT, "Send the texts", LocalDate.of(2026, 4, 10), null, 0);
        adapter.insertCommitment(commitment).block();
        Commitment delivered = new Commitment(commitment.id(), agency, x, project, CommitmentKind.CONTENT,
                "Send the texts", LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 8), 0);
        RelationshipComment note = new RelationshipComment(ids.newId(), agency, x, null, commitment.id(), Side.CLIENT,
                null, "All texts in the shared folder", true, Instant.parse("2026-04-08T09:00:00Z"));

        assertThat(adapter.updateCommitment(delivered, note).block()).isEqualTo(new Commitment(commitment.id(),
                agency, x, project, CommitmentKind.CONTENT, "Send the texts", LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 8), 1));
        RelationshipComment stale = new RelationshipComment(ids.newId(), agency, x, null, commitment.id(),
                Side.CLIENT, null, "Again", true, Instant.parse("2026-04-08T10:00:00Z"));
        assertThat(adapter.updateCommitment(delivered, stale).block()).isNull();

        assertThat(adapter.findComments(agency, List.of(x)).collectList().block()).containsExactly(note);
        assertThat(adapter.findCommitment(agency, commitment.id()).block().version()).isEqualTo(1);
    }
}
