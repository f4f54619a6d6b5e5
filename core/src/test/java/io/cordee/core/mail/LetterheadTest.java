package io.cordee.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterheadTest {

    @Test
    void aMailIsInTheLanguageItsReaderChoseElseTheAgencysElseEnglish() {
        Letterhead french = new Letterhead("Atelier Nord", "fr");
        Letterhead unset = new Letterhead("Studio Sud", null);

        assertThat(french.languageOr("en")).isEqualTo("en");
        assertThat(french.languageOr(null)).isEqualTo("fr");
        assertThat(unset.languageOr(null)).isEqualTo("en");
    }
}
