package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a brief version may hold: every broken rule is reported on its field, nothing is half-accepted. */
class BriefValidationTest {

    private static final Project PROJECT = new Project(new ProjectId(UUID.randomUUID()),
            new AgencyId(UUID.randomUUID()), new ClientId(UUID.randomUUID()), "Site", ProjectStatus.ACTIVE,
            LocalDate.of(2026, 3, 2), null, null, Money.of(0, "EUR"), 30, 0);
    private final BriefService service = new BriefService(null, null, null, null, null, null, null,
            UUID::randomUUID, null, io.cordee.core.common.Computations.immediate());

    @ParameterizedTest(name = "estimate \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "12.5     | 12.50",
            "0        | 0.00",
            "99999.99 | 99999.99",
            "7.10     | 7.10",
    })
    void acceptsEstimatesToTheHundredth(String given, String stored) {
        List<Requirement> reqs = validRequirements(requirement("Catalogue", Priority.MUST, given));
        assertThat(reqs.get(0).estimateDays()).isEqualTo(new BigDecimal(stored));
    }

    @ParameterizedTest(name = "estimate \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "-3        | OUT_OF_RANGE",
            "100000    | OUT_OF_RANGE",
            "1.234     | INVALID_FORMAT",
            "three     | INVALID_FORMAT",
            "1e6       | OUT_OF_RANGE",
            "''        | REQUIRED",
    })
    void refusesOtherEstimates(String given, String code) {
        assertThat(errors(draftWith(requirement("Catalogue", Priority.MUST, given))))
                .extracting(FieldError::field, e -> e.code().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requirements[0].estimateDays", code));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        BriefVersionDraft draft = new BriefVersionDraft(Collections.nCopies(51, "Sell"),
                List.of("x".repeat(Validator.TEXT_MAX_LENGTH + 1)),
                List.of(requirement(" ", Priority.MUST, "1"), requirement("Search", null, "1"),
                        new RequirementDraft("k", "A", null, Priority.MUST, "1"),
                        new RequirementDraft("k", "B", null, Priority.MUST, "1")),
                null, null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
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
        List<Requirement> reqs = validRequirements(new RequirementDraft(" kept ", " Catalogue ", " ", Priority.MUST, "1"),
                requirement("New", Priority.COULD, "2"));
        assertThat(reqs.get(0)).isEqualTo(new Requirement("kept", "Catalogue", null, Priority.MUST,
                new BigDecimal("1.00")));
        assertThat(reqs.get(1).key()).isNotBlank().isNotEqualTo("kept");
    }

    private List<Requirement> validRequirements(RequirementDraft... drafts) {
        Validator v = new Validator();
        List<Requirement> reqs = service.validate(v, PROJECT, draftWith(drafts));
        v.throwIfInvalid();
        return reqs;
    }

    private List<FieldError> errors(BriefVersionDraft draft) {
        Validator v = new Validator();
        service.validate(v, PROJECT, draft);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (InvalidInput e) {
            return e.errors();
        }
    }

    private static BriefVersionDraft draftWith(RequirementDraft... drafts) {
        return new BriefVersionDraft(null, null, List.of(drafts), null, null, null, null, null);
    }

    private static RequirementDraft requirement(String title, Priority priority, String days) {
        return new RequirementDraft(null, title, null, priority, days);
    }
}
