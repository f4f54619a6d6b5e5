package io.cordee.core.search;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** A search as typed (ADR 79): the text folded, the bounds inclusive, each broken field with its code. */
class SearchCommandTest {

    @Test
    void theTextIsFoldedAndTheHitsDefaultToTen() {
        SearchCommand c = SearchCommand.of("  Éclair ", null);
        assertThat(c.text()).isEqualTo("eclair");
        assertThat(c.first()).isEqualTo(10);
        // the bounds: 1 character and 1 hit; 100 characters (after stripping) and 20 hits
        assertThat(SearchCommand.of("a", 1).first()).isEqualTo(1);
        assertThat(SearchCommand.of(" " + "a".repeat(100) + " ", 20).text()).hasSize(100);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> SearchCommand.of("   ", null), "text", ErrorCode.REQUIRED))
                .isEqualTo("Type something to search for");
        refused(() -> SearchCommand.of(null, null), "text", ErrorCode.REQUIRED);
        // 101 characters: one over the 100 allowed
        assertThat(refused(() -> SearchCommand.of("a".repeat(101), null), "text", ErrorCode.TOO_LONG))
                .isEqualTo("At most 100 characters");
        assertThat(refused(() -> SearchCommand.of("lumen", 21), "first", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("Between 1 and 20");
        refused(() -> SearchCommand.of("lumen", 0), "first", ErrorCode.OUT_OF_RANGE);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> SearchCommand.of("", 0), "text REQUIRED", "first OUT_OF_RANGE");
    }
}
