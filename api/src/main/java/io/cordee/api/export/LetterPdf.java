package io.cordee.api.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A proposal letter's HTML (ProposalLetter, every value already escaped) printed to PDF with openhtmltopdf
 * (ADR 65). The font is embedded, never looked up on the machine: Liberation Sans, which PDFBox ships in its
 * own jar, covers French (é, è, à, ç, œ, «, », the no-break spaces of the amounts) and is subset into the file.
 */
final class LetterPdf {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private LetterPdf() {
    }

    static byte[] render(String letterHtml) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // One face for every weight: a bold run prints in the same embedded font rather than in a
        // built-in PDF font that has no glyph for the accents.
        for (int weight : new int[] {400, 700}) {
            builder.useFont(LetterPdf::font, FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml(letterHtml), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The letter as well-formed XHTML in the embedded font. Letters stored before ADR 65 end their
     * {@code meta} element HTML-style; it is closed here, the only element of the letter without an end tag.
     */
    static String xhtml(String letterHtml) {
        return letterHtml.replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\" />")
                .replaceFirst("</style>", "body { font-family: '" + FONT_FAMILY + "'; max-width: none; margin: 0; }\n"
                        + "@page { size: A4; margin: 2cm; }\n</style>");
    }

    private static InputStream font() {
        return PDDocument.class.getResourceAsStream(FONT);
    }
}
