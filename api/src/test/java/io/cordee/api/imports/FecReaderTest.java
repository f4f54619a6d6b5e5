package io.cordee.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.common.InvalidInput;
import io.cordee.core.imports.Sheet;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a FEC's bytes (ADR 51): separators, the encodings the text allows, no quoting. */
class FecReaderTest {

    static final String HEADER = "JournalCode\tCompteNum\tCompteLib\tEcritureLib\tDebit\n";

    @Test
    void iso885915IsReadWithItsEuroSignAndWindows1252WithItsOe() {
        // € is 0xA4 in ISO-8859-15 (¤ in Windows-1252); no byte 0x80–0x9F, so ISO-8859-15 is chosen
        byte[] iso = (HEADER + "VE\t706000\tVentes €\tÉtude\t10,00\n").getBytes(Charset.forName("ISO-8859-15"));
        Sheet sheet = FecReader.read(iso);
        assertThat(sheet.cell(0, 2)).isEqualTo("Ventes €");
        assertThat(sheet.cell(0, 3)).isEqualTo("Étude");
        // œ is 0x9C in Windows-1252: a C1 byte, so Windows-1252
        byte[] cp = (HEADER + "VE\t706000\tCœur €\tÉtude\t10,00\n").getBytes(Charset.forName("windows-1252"));
        assertThat(FecReader.read(cp).cell(0, 2)).isEqualTo("Cœur €");
    }

    @Test
    void pipesSeparateWhenTheHeaderHasThemAndAQuoteIsJustACharacter() {
        Sheet sheet = FecReader.read(("JournalCode|CompteNum|EcritureLib\r\nVE|411000|Facture \"Refonte|x\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.headers()).containsExactly("JournalCode", "CompteNum", "EcritureLib");
        assertThat(sheet.rows().get(0)).containsExactly("VE", "411000", "Facture \"Refonte", "x");
        assertThat(sheet.rowNumber(0)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAFecIsRefused() {
        assertThatThrownBy(() -> FecReader.read("Nom;Segment\nAlpha;PME\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("neither tabs nor pipes");
        assertThatThrownBy(() -> FecReader.read("Nom\tSegment\nAlpha\tPME\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is this a FEC?");
        assertThatThrownBy(() -> FecReader.read(new byte[0])).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("empty");
    }
}
