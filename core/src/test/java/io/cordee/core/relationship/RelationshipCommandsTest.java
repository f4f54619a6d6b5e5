package io.cordee.core.relationship;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relationship commands (ADR 79): interactions, agreements, commitments and their deliveries, comments, the
 * strengths map, the health weights and the changes of a logged row; each valid case at its bounds, each broken
 * field with its code.
 */
class RelationshipCommandsTest {

    private static final ClientId CLIENT = new ClientId(new UUID(0, 1));
    private static final ProjectId PROJECT = new ProjectId(new UUID(0, 2));
    private static final CommitmentId COMMITMENT = new CommitmentId(new UUID(0, 3));
    private static final AgreementId AGREEMENT = new AgreementId(new UUID(0, 4));
    private static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    // ---- interactions

    @Test
    void anInteractionIsStrippedAndValidAtItsBounds() {
        CreateInteractionCommand c = new CreateInteractionCommand(CLIENT, MARCH_5, InteractionKind.CALL,
                List.of(" Ada "), null, "  Kick-off ", 1, 5, false);
        assertThat(c.summary()).isEqualTo("Kick-off");
        assertThat(c.agencyParticipants()).containsExactly("Ada");
        assertThat(c.clientParticipants()).isEmpty();
        // 2000-01-01, a summary of 5,000 characters, 20 participants of 200 characters a side, no energy
        List<String> twenty = Collections.nCopies(20, "p".repeat(200));
        new CreateInteractionCommand(CLIENT, FIRST_DAY, InteractionKind.MEETING, twenty, twenty, "s".repeat(5_000),
                null, null, true);
        assertThat(new CreateInteractionCommand(CLIENT, new InteractionDraft(MARCH_5, InteractionKind.CALL, null, null,
                "Fine", null, null, null)).internal()).isFalse();
    }

    @Test
    void anInteractionsBrokenFieldsAreNamed() {
        refused(() -> interaction(LocalDate.of(1999, 12, 31), "Fine", 3), "date", ErrorCode.OUT_OF_RANGE);
        refused(() -> interaction(MARCH_5, "  ", 3), "summary", ErrorCode.REQUIRED);
        refused(() -> interaction(MARCH_5, "s".repeat(5_001), 3), "summary", ErrorCode.TOO_LONG);
        refused(() -> interaction(MARCH_5, "Fine", 0), "agencyEnergy", ErrorCode.OUT_OF_RANGE);
        refused(() -> interaction(MARCH_5, "Fine", 6), "agencyEnergy", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateInteractionCommand(CLIENT, MARCH_5, InteractionKind.CALL, null,
                Collections.nCopies(21, "p"), "Fine", null, null, false), "clientParticipants", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateInteractionCommand(CLIENT, MARCH_5, InteractionKind.CALL, null,
                List.of("Sophie", " "), "Fine", null, null, false), "clientParticipants[1]", ErrorCode.REQUIRED);
        refusedAll(() -> new CreateInteractionCommand(null, null, null, null, null, null, null, 7, false),
                "clientId REQUIRED", "date REQUIRED", "kind REQUIRED", "summary REQUIRED", "clientEnergy OUT_OF_RANGE");
    }

    // ---- agreements

    @Test
    void anAgreementIsNormalisedAndValidAtItsBounds() {
        CreateAgreementCommand c = new CreateAgreementCommand(CLIENT, null, " Weekly call ", Side.CLIENT, "  ", null,
                null, null);
        assertThat(c.what()).isEqualTo("Weekly call");
        assertThat(c.ownerName()).isNull();
        assertThat(c.status()).isEqualTo(AgreementStatus.PROPOSED);
        new CreateAgreementCommand(CLIENT, PROJECT, "w".repeat(1_000), Side.AGENCY, "o".repeat(200), FIRST_DAY,
                AgreementStatus.DONE, LAST_DAY);
    }

    @Test
    void anAgreementsBrokenFieldsAreNamed() {
        refused(() -> agreement("w".repeat(1_001), null, null), "what", ErrorCode.TOO_LONG);
        refused(() -> agreement("Call", AgreementStatus.DONE, LocalDate.of(2101, 1, 1)), "doneDate",
                ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> agreement("Call", AgreementStatus.AGREED, MARCH_5), "doneDate",
                ErrorCode.INVALID_FORMAT)).isEqualTo("goes only with the DONE status");
        refused(() -> new CreateAgreementCommand(CLIENT, null, "Call", Side.CLIENT, "o".repeat(201), null, null,
                null), "ownerName", ErrorCode.TOO_LONG);
        // what the API test sends: a blank what and a done date on an AGREED agreement, both named
        refusedAll(() -> new CreateAgreementCommand(CLIENT, null, "", Side.CLIENT, null, null, AgreementStatus.AGREED,
                LocalDate.of(2026, 1, 1)), "what REQUIRED", "doneDate INVALID_FORMAT");
        refusedAll(() -> new CreateAgreementCommand(null, null, null, null, null, LocalDate.of(1999, 12, 31), null,
                null), "clientId REQUIRED", "what REQUIRED", "ownerSide REQUIRED", "dueDate OUT_OF_RANGE");
    }

    // ---- commitments and deliveries

    @Test
    void aCommitmentIsStrippedAndValidAtItsBounds() {
        assertThat(new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT, " Texts ", MARCH_5, null)
                .title()).isEqualTo("Texts");
        new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.APPROVAL, "t".repeat(200), FIRST_DAY, LAST_DAY);
        assertThat(new CreateCommitmentCommand(CLIENT, new CommitmentDraft(PROJECT, CommitmentKind.CONTENT, "Texts",
                MARCH_5, null))).isEqualTo(new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT,
                "Texts", MARCH_5, null));
    }

    @Test
    void aCommitmentsBrokenFieldsAreNamed() {
        refused(() -> new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT, "", MARCH_5, null),
                "title", ErrorCode.REQUIRED);
        refused(() -> new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT, "t".repeat(201), MARCH_5,
                null), "title", ErrorCode.TOO_LONG);
        assertThat(refused(() -> new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT, "Texts",
                LocalDate.of(1900, 1, 1), null), "dueDate", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 2000-01-01 and 2100-12-31");
        refused(() -> new CreateCommitmentCommand(CLIENT, PROJECT, CommitmentKind.CONTENT, "Texts", MARCH_5,
                LocalDate.of(2101, 1, 1)), "deliveredDate", ErrorCode.OUT_OF_RANGE);
        refusedAll(() -> new CreateCommitmentCommand(null, null, null, null, null, null), "clientId REQUIRED",
                "projectId REQUIRED", "kind REQUIRED", "title REQUIRED", "dueDate REQUIRED");
    }

    @Test
    void aDeliveryAndItsComment() {
        RecordCommitmentDeliveryCommand c = new RecordCommitmentDeliveryCommand(COMMITMENT, 0L, MARCH_5, "  Done ");
        assertThat(c.comment()).isEqualTo("Done");
        assertThat(new RecordCommitmentDeliveryCommand(COMMITMENT, 0L, MARCH_5, "   ").comment()).isNull();
        // 2,000 characters once stripped: the bound
        new RecordCommitmentDeliveryCommand(COMMITMENT, 3L, LAST_DAY, " " + "c".repeat(2_000) + " ");
        assertThat(refused(() -> new RecordCommitmentDeliveryCommand(COMMITMENT, 0L, MARCH_5, "c".repeat(2_001)),
                "comment", ErrorCode.TOO_LONG)).isEqualTo("at most 2000 characters");
        refused(() -> new RecordCommitmentDeliveryCommand(COMMITMENT, 0L, FIRST_DAY.minusDays(1), null),
                "deliveredDate", ErrorCode.OUT_OF_RANGE);
        refusedAll(() -> new RecordCommitmentDeliveryCommand(null, null, null, null), "id REQUIRED",
                "version REQUIRED", "deliveredDate REQUIRED");
    }

    // ---- comments

    @Test
    void aCommentOnAnAgreement() {
        assertThat(new CommentOnAgreementCommand(AGREEMENT, " Agreed ").body()).isEqualTo("Agreed");
        new CommentOnAgreementCommand(AGREEMENT, "b".repeat(2_000));
        refused(() -> new CommentOnAgreementCommand(AGREEMENT, "   "), "body", ErrorCode.REQUIRED);
        refused(() -> new CommentOnAgreementCommand(AGREEMENT, "b".repeat(2_001)), "body", ErrorCode.TOO_LONG);
        refusedAll(() -> new CommentOnAgreementCommand(null, null), "agreementId REQUIRED", "body REQUIRED");
    }

    // ---- strengths map

    @Test
    void aStrengthsMapIsNormalisedAndValidAtItsBounds() {
        SetStrengthsMapCommand c = new SetStrengthsMapCommand(CLIENT, null, List.of(
                new Strength(" design ", 1, 5, Lead.AGENCY), new Strength(" Brand voice ", 3, 3, Lead.SHARED)),
                List.of(" Texts on time "));
        assertThat(c.strengths()).extracting(Strength::domain).containsExactly("DESIGN", "Brand voice");
        assertThat(c.expectations()).containsExactly("Texts on time");
        assertThat(new SetStrengthsMapCommand(CLIENT, 2L, null, null).strengths()).isEmpty();
        // 30 domains of 50 characters, 30 expectations of 500
        List<Strength> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.add(new Strength(String.format("%050d", i), 5, 1, Lead.CLIENT));
        }
        new SetStrengthsMapCommand(CLIENT, 0L, thirty, Collections.nCopies(30, "e".repeat(500)));
    }

    @Test
    void aStrengthsMapsBrokenFieldsAreNamed() {
        // the API test's map: DESIGN twice whatever its case, and TECH's agency at 6
        refusedAll(() -> new SetStrengthsMapCommand(CLIENT, null, List.of(new Strength("design", 5, 2, Lead.AGENCY),
                        new Strength("Design", 3, 3, Lead.SHARED), new Strength("TECH", 6, 1, Lead.AGENCY)), null),
                "strengths[1].domain DUPLICATE", "strengths[2].agency OUT_OF_RANGE");
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, List.of(new Strength("", 1, 1, Lead.SHARED)), null),
                "strengths[0].domain", ErrorCode.REQUIRED);
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, List.of(new Strength("d".repeat(51), 1, 1,
                Lead.SHARED)), null), "strengths[0].domain", ErrorCode.TOO_LONG);
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, List.of(new Strength("DATA", 1, 0, Lead.SHARED)),
                null), "strengths[0].client", ErrorCode.OUT_OF_RANGE);
        List<Strength> thirtyOne = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            thirtyOne.add(new Strength("d" + i, 1, 1, Lead.SHARED));
        }
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, thirtyOne, null), "strengths", ErrorCode.OUT_OF_RANGE);
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, null, Collections.nCopies(31, "e")), "expectations",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new SetStrengthsMapCommand(CLIENT, null, null, List.of("e".repeat(501))), "expectations[0]",
                ErrorCode.TOO_LONG);
        refused(() -> new SetStrengthsMapCommand(null, null, null, null), "clientId", ErrorCode.REQUIRED);
    }

    // ---- health weights

    @Test
    void healthWeightsAddUpToAHundredEachWithin0And100() {
        new UpdateHealthWeightsCommand(null, new HealthWeights(100, 0, 0, 0, 0, -1));
        new UpdateHealthWeightsCommand(4L, HealthWeights.DEFAULTS);
        // 30 + 20 × 4 = 110
        assertThat(refused(() -> new UpdateHealthWeightsCommand(null, new HealthWeights(30, 20, 20, 20, 20, -1)),
                "weights", ErrorCode.OUT_OF_RANGE)).isEqualTo("must add up to 100 (got 110)");
        // −10 + 110 = 100: the total holds, each weight does not
        refusedAll(() -> new UpdateHealthWeightsCommand(null, new HealthWeights(-10, 110, 0, 0, 0, -1)),
                "commitments OUT_OF_RANGE", "feedback OUT_OF_RANGE");
        refused(() -> new UpdateHealthWeightsCommand(null, null), "weights", ErrorCode.REQUIRED);
    }

    // ---- changes of a logged row

    @Test
    void aChangeNamesItsRowAndTheVersionRead() {
        // only the title changes; version 0 is the row as first logged
        CommitmentDraft title = new CommitmentDraft(null, null, "All the texts", null, null);
        UpdateEntryCommand<CommitmentId, CommitmentDraft> change = new UpdateEntryCommand<>(COMMITMENT, 0L, title);
        assertThat(change.expectedVersion()).isZero();
        assertThat(change.changes()).isEqualTo(title);
        // a change of no field is well formed: the row it merges to is the service's to check
        new UpdateEntryCommand<>(AGREEMENT, 7L, new AgreementDraft(null, null, null, null, null, null, null));
    }

    @Test
    void aChangeWithoutItsVersionOrRowIsRefused() {
        InteractionDraft summary = new InteractionDraft(null, null, null, null, "Signed", null, null, null);
        assertThat(refused(() -> new UpdateEntryCommand<>(new InteractionId(new UUID(0, 5)), null, summary),
                "version", ErrorCode.REQUIRED)).isEqualTo("is required");
        refusedAll(() -> new UpdateEntryCommand<>(null, null, summary), "id REQUIRED", "version REQUIRED");
    }

    private static CreateInteractionCommand interaction(LocalDate date, String summary, int agencyEnergy) {
        return new CreateInteractionCommand(CLIENT, date, InteractionKind.CALL, null, null, summary, agencyEnergy,
                null, false);
    }

    private static CreateAgreementCommand agreement(String what, AgreementStatus status, LocalDate doneDate) {
        return new CreateAgreementCommand(CLIENT, null, what, Side.CLIENT, null, null, status, doneDate);
    }
}
