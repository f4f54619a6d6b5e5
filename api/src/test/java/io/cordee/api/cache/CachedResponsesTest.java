package io.cordee.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADR 91: the kept answers are bounded by their bytes, count their hits and misses, and keep one version per agency. */
class CachedResponsesTest {

    private static final AgencyId AGENCY = new AgencyId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 6);

    /**
     * An answer of 1,000 bytes for the document {@code text} (5 characters): the key weighs 2 × (5 characters of
     * document + 0 of operation name + 2 of "{}" for no variables + 2 of the locale "en") + 128 = 146, so the entry
     * 1,146.
     */
    private static CachedResponses.Key key(String text, long version) {
        return new CachedResponses.Key(AGENCY, version, ZoneId.of("Europe/Paris"), TODAY, Role.FINANCE, "en", text,
                null, Map.of());
    }

    @Test
    void keepsNoMoreBytesThanItsBound() {
        // room for three entries of 1,146 (3,438), not four (4,584)
        CachedResponses responses = new CachedResponses(3_500);
        for (String text : new String[] {"{ a }", "{ b }", "{ c }", "{ d }"}) {
            responses.put(key(text, 1), new byte[1_000]);
        }
        assertThat(responses.entries()).isEqualTo(3);
        assertThat(responses.bytes()).isEqualTo(3 * 1_146);
    }

    @Test
    void countsItsHitsAndMisses() {
        CachedResponses responses = new CachedResponses(1_000_000);
        assertThat(responses.get(key("{ a }", 1))).isNull();
        responses.put(key("{ a }", 1), "{\"x\":1}".getBytes());
        assertThat(responses.get(key("{ a }", 1)).asUnquotedUTF8()).isEqualTo("{\"x\":1}".getBytes());
        assertThat(responses.get(key("{ b }", 1))).isNull();
        responses.countMiss();
        assertThat(responses.hits()).isEqualTo(1);
        assertThat(responses.misses()).isEqualTo(3);
    }

    @Test
    void anAgencysNewerVersionLetsItsOlderAnswersGo() {
        CachedResponses responses = new CachedResponses(1_000_000);
        responses.put(key("{ a }", 1), new byte[10]);
        responses.put(key("{ b }", 1), new byte[10]);
        responses.put(key("{ a }", 2), new byte[10]);
        assertThat(responses.entries()).isEqualTo(1);
        assertThat(responses.get(key("{ b }", 1))).isNull();
        assertThat(responses.get(key("{ a }", 2))).isNotNull();
    }

    @Test
    void aSizeOfZeroTurnsItOff() {
        assertThat(new CachedResponses(0).enabled()).isFalse();
        assertThat(new CachedResponses(1).enabled()).isTrue();
    }
}
