package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.brief.BriefComparison.FieldChange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefComparisonTest {

    @Test
    void addedRemovedAndChangedFieldByField() {
        List<Requirement> v1 = List.of(
                new Requirement("R1", "Login", "As a customer I sign in", Priority.MUST, new BigDecimal("10")),
                new Requirement("R2", "Search", "As a customer I search", Priority.SHOULD, new BigDecimal("5")),
                new Requirement("R3", "Export", "As an admin I export", Priority.COULD, new BigDecimal("3")));
        List<Requirement> v2 = List.of(
                new Requirement("R1", "Login", "As a customer I sign in", Priority.MUST, new BigDecimal("8.0")),
                new Requirement("R2", "Search & filters", "As a customer I search", Priority.MUST, new BigDecimal("5.00")),
                new Requirement("R4", "Alerts", "As a customer I am told", Priority.SHOULD, new BigDecimal("2")));

        BriefComparison.Diff diff = BriefComparison.compare(v1, v2);

        assertThat(diff.added()).extracting(Requirement::key).containsExactly("R4");
        assertThat(diff.removed()).extracting(Requirement::key).containsExactly("R3");
        assertThat(diff.changed()).hasSize(2);
        // 10 → 8.0 is a change; 5 → 5.00 is not
        assertThat(diff.changed().get(0).key()).isEqualTo("R1");
        assertThat(diff.changed().get(0).changes()).containsExactly(new FieldChange("estimateDays", "10", "8"));
        assertThat(diff.changed().get(1).changes()).containsExactly(
                new FieldChange("title", "Search", "Search & filters"),
                new FieldChange("priority", "SHOULD", "MUST"));
    }

    @Test
    void identicalVersionsHaveNoDifference() {
        List<Requirement> v = List.of(FeasibilityTest.requirement("R1", Priority.MUST, "3"));
        BriefComparison.Diff diff = BriefComparison.compare(v, v);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }
}
