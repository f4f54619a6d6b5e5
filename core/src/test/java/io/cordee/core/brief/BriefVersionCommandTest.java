package io.cordee.core.brief;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a brief version may hold (ADR 79): every broken rule is reported on its field when the command is built,
 * nothing is half-accepted.
 */
class BriefVersionCommandTest {

    private static final LocalDate PROJECT_START = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "estimate \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "12.5     | 12.50",
            "0        | 0.00",
            "99999.99 | 99999.99",
            "7.10     | 7.10",
    })
    void acceptsEstimatesToTheHundredth(String given, String stored) {
        List<Requirement> reqs = command(requirement("Catalogue", Priority.MUST, given)).requirements(() -> "new");
        assertThat(reqs.get(0).estimateDays()).isEqualTo(new BigDecimal(stored));
    }

    @ParameterizedTest(name = "estimate \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "-3        | OUT_OF_RANGE",
            "-0.01     | OUT_OF_RANGE",
            "100000    | OUT_OF_RANGE",
            "1.234     | INVALID_FORMAT",
            "three     | INVALID_FORMAT",
            "1e6       | OUT_OF_RANGE",
            "''        | REQUIRED",
    })
    void refusesOtherEstimates(String given, String code) {
        refused(() -> command(requirement("Catalogue", Priority.MUST, given)), "requirements[0].estimateDays",
                ErrorCode.valueOf(code));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        BriefVersionDraft draft = new BriefVersionDraft(Collections.nCopies(51, "Sell"),
                List.of("x".repeat(Validator.TEXT_MAX_LENGTH + 1)),
                List.of(requirement(" ", Priority.MUST, "1"), requirement("Search", null, "1"),
                        new RequirementDraft("k", "A", null, Priority.MUST, "1"),
                        new RequirementDraft("k", "B", null, Priority.MUST, "1")),
                null, null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
        // the launch is the day before the project's start (2026-03-02); the communication plan on it is allowed
        assertThat(errors(draft)).extracting(e -> e.field() + " " + e.code()).containsExactlyInAnyOrder(
                "objectives OUT_OF_RANGE",
                "targetUsers[0] TOO_LONG",
                "launchDate INVALID_DATE_ORDER",
                "requirements[0].title REQUIRED",
                "requirements[1].priority REQUIRED",
                "requirements[3].key DUPLICATE");
    }

    @Test
    void newRequirementsGetAKeyAndKeptOnesKeepTheirs() {
        List<Requirement> reqs = command(new RequirementDraft(" kept ", " Catalogue ", " ", Priority.MUST, "1"),
                requirement("New", Priority.COULD, "2")).requirements(() -> "generated");
        assertThat(reqs.get(0)).isEqualTo(new Requirement("kept", "Catalogue", null, Priority.MUST,
                new BigDecimal("1.00")));
        assertThat(reqs.get(1).key()).isEqualTo("generated");
    }

    @Test
    void theBoundsAreInclusive() {
        // 50 items of 5,000 characters; 200 requirements with a 200-character title, a 64-character key and a
        // 5,000-character story; both dates on the project's start
        List<String> fifty = Collections.nCopies(50, "x".repeat(Validator.TEXT_MAX_LENGTH));
        List<RequirementDraft> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new RequirementDraft(String.format("%064d", i), "t".repeat(200), "s".repeat(5_000),
                    Priority.WONT, "99999.99"));
        }
        BriefVersionCommand c = new BriefVersionCommand(fifty, fifty, many, fifty, fifty, fifty, PROJECT_START,
                PROJECT_START, PROJECT_START);
        assertThat(c.requirements()).hasSize(200);
        refused(() -> new BriefVersionCommand(null, null, null, Collections.nCopies(51, "x"), null, null, null, null,
                PROJECT_START), "constraints", ErrorCode.OUT_OF_RANGE);
        List<RequirementDraft> tooMany = new java.util.ArrayList<>(many);
        tooMany.add(requirement("One more", Priority.MUST, "1"));
        refused(() -> new BriefVersionCommand(null, null, tooMany, null, null, null, null, null, PROJECT_START),
                "requirements", ErrorCode.OUT_OF_RANGE);
        refused(() -> command(new RequirementDraft("k".repeat(65), "A", null, Priority.MUST, "1")),
                "requirements[0].key", ErrorCode.TOO_LONG);
        refused(() -> command(new RequirementDraft(null, "t".repeat(201), null, Priority.MUST, "1")),
                "requirements[0].title", ErrorCode.TOO_LONG);
        refused(() -> command(new RequirementDraft(null, "A", "s".repeat(5_001), Priority.MUST, "1")),
                "requirements[0].userStory", ErrorCode.TOO_LONG);
        refused(() -> new BriefVersionCommand(null, null, Collections.singletonList(null), null, null, null, null,
                null, PROJECT_START), "requirements[0]", ErrorCode.REQUIRED);
        refused(() -> new BriefVersionCommand(null, null, null, null, null, List.of(" "), null, null, PROJECT_START),
                "outOfScope[0]", ErrorCode.REQUIRED);
    }

    @Test
    void theDatesMayNotPrecedeTheProjectsStart() {
        assertThat(refused(() -> new BriefVersionCommand(null, null, null, null, null, null, null,
                PROJECT_START.minusDays(1), PROJECT_START), "communicationPlanDate", ErrorCode.INVALID_DATE_ORDER))
                .isEqualTo("must not be before the project's start date (2026-03-02)");
        // no requirements given: an update keeps the version's own
        BriefVersionCommand datesOnly = new BriefVersionCommand(null, null, null, null, null, null, PROJECT_START,
                null, PROJECT_START);
        assertThat(datesOnly.requirements()).isNull();
        assertThat(datesOnly.requirements(() -> "unused")).isNull();
    }

    @Test
    void aNewBriefsTitleIsReportedWithItsContent() {
        io.cordee.core.project.ProjectId project = new io.cordee.core.project.ProjectId(new java.util.UUID(0, 7));
        CreateBriefCommand c = new CreateBriefCommand(project, "  Refonte ", BriefVersionDraft.empty(),
                PROJECT_START);
        assertThat(c.title()).isEqualTo("Refonte");
        new CreateBriefCommand(project, "t".repeat(200), BriefVersionDraft.empty(), PROJECT_START);
        refused(() -> new CreateBriefCommand(project, "t".repeat(201), BriefVersionDraft.empty(), PROJECT_START),
                "title", ErrorCode.TOO_LONG);
        refusedAll(() -> new CreateBriefCommand(null, " ", new BriefVersionDraft(null, null,
                        List.of(requirement("A", Priority.MUST, "x")), null, null, null, PROJECT_START.minusDays(1),
                        null), PROJECT_START),
                "projectId REQUIRED", "title REQUIRED", "launchDate INVALID_DATE_ORDER",
                "requirements[0].estimateDays INVALID_FORMAT");
    }

    private static BriefVersionCommand command(RequirementDraft... drafts) {
        return new BriefVersionCommand(new BriefVersionDraft(null, null, List.of(drafts), null, null, null, null,
                null), PROJECT_START);
    }

    private static List<FieldError> errors(BriefVersionDraft draft) {
        try {
            new BriefVersionCommand(draft, PROJECT_START);
            return Assertions.fail("accepted");
        } catch (InvalidInput e) {
            return e.errors();
        }
    }

    private static RequirementDraft requirement(String title, Priority priority, String days) {
        return new RequirementDraft(null, title, null, priority, days);
    }
}
