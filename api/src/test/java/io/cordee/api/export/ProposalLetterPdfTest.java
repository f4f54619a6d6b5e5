package io.cordee.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.SiteProject;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A sent proposal's letter as PDF (ADR 65), read back with PDFBox, and the channel it was sent by. "Own Client"
 * (SME, 30-day terms, no history: pays 5 days late) has one project, 1 June to 31 August 2026, fee 30,000.00,
 * billed 30 % deposit (1 June) + Design (1 July, 30 %) + Launch (31 August, 40 %); Anna (10,000.00 a month)
 * works on it full time. Bank: 50,000.00 on 31 May.
 */
@ApiTest
class ProposalLetterPdfTest {

    static final String SEND = """
            mutation($c: ID!, $l: ProposalLanguage!, $ch: ProposalChannel) {
              recordProposalSent(input: {clientId: $c, options: [{depositPercent: 30, monthlyInArrears: true}],
                language: $l, sentOn: "2026-06-01", channel: $ch}) {
                proposal { id channel facts { peakExposure { amountMinor } } }
                userErrors { field message code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    String client;

    @BeforeEach
    void aClientWithAProject() {
        tenant = tenants.create("Atelier Élan");
        finance = tenants.as(tenant, Role.FINANCE);
        client = GlobalId.of("Client", tenant.ownClient().id().value());
        SiteProject.create(tenants, tenant);
    }

    @Test
    void theFrenchLetterPrintsTheClientAndThePeakExposureWithItsAccentsInAnEmbeddedFont() throws IOException {
        var sent = finance.document(SEND).variable("c", client).variable("l", "FR").variable("ch", "POST").execute()
                .path("recordProposalSent.userErrors").entityList(Object.class).hasSize(0)
                .path("recordProposalSent.proposal.channel").entity(String.class).isEqualTo("POST");
        // Anna costs 10,000.00 a month for June, July and August: 30,000.00 of work by 31 August. Paid by then:
        // the deposit (9,000.00, due 1 July, paid 5 days late) and Design (9,000.00, due 31 July, paid 5 August);
        // Launch (12,000.00) is due 30 September. Peak: 30,000.00 − 18,000.00 = 12,000.00.
        sent.path("recordProposalSent.proposal.facts.peakExposure.amountMinor").entity(Long.class)
                .isEqualTo(1_200_000L);
        String id = sent.path("recordProposalSent.proposal.id").entity(String.class).get();

        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        byte[] pdf = get("/exports/proposals/" + id + "/letter.pdf", session, 200)
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"proposition-2026-06-01.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // the amounts keep their no-break spaces (U+00A0) in the letter: compare with plain spaces
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(text).contains("Chère équipe Own Client,", "Own Client", "12 000,00 €", "Les faits",
                    "Option 1 — un acompte de 30 % + une facturation mensuelle à terme échu");
            // every font of the page is embedded (a subset of Liberation Sans), none taken from the reader's machine
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            });
        }
    }

    @Test
    void theClientReadsItsOwnLetterALeadNoneAndAnotherAgencyFindsNothing() {
        String id = finance.document(SEND).variable("c", client).variable("l", "EN").variable("ch", null).execute()
                .path("recordProposalSent.userErrors").entityList(Object.class).hasSize(0)
                // no channel given: e-mail, the default
                .path("recordProposalSent.proposal.channel").entity(String.class).isEqualTo("EMAIL")
                .path("recordProposalSent.proposal.id").entity(String.class).get();
        String path = "/exports/proposals/" + id + "/letter.pdf";

        get(path, tenants.signIn(tenant.email(Role.CLIENT), Tenants.PASSWORD), 200)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"proposal-2026-06-01.pdf\"");
        get(path, tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD), 403)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
        Tenants.Tenant other = tenants.create("Other Agency");
        get(path, tenants.signIn(other.email(Role.OWNER), Tenants.PASSWORD), 404);
        web.get().uri(path).exchange().expectStatus().isUnauthorized();
        get("/exports/proposals/not-an-id/letter.pdf", tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD), 400)
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("id:"));
    }

    private WebTestClient.ResponseSpec get(String uri, String session, int status) {
        // A harness bound, not an assertion: the first letter printed in a JVM loads openhtmltopdf and PDFBox
        // (several seconds on a loaded 2-core machine), past the client's default 5 s.
        return web.mutate().responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri(uri).cookie("CORDEE_SESSION", session).exchange().expectStatus().isEqualTo(status);
    }
}
