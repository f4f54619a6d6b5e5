package io.cordee.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.MailServer;
import io.cordee.api.support.OtherAgencies;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.digest.DigestService.Report;
import io.cordee.core.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The weekly digest (ADR 40) through a real SMTP server (GreenMail), run by calling the job with the test clock
 * on a Monday of the agencies' time zone (Paris): the default schedule is Monday 08:00. Every test uses the same
 * Monday, so whichever runs first sends that week's digests and the others' expectations still hold. Each pass
 * is for the demo agency and the test's own: the other agencies of the shared database have their week claimed
 * ({@link OtherAgencies}).
 */
@MailServer.WithSmtp
class DigestTest {

    static final String UNSUBSCRIBE = """
            mutation($t: String!) { unsubscribeDigest(input: {token: $t}) { optOut userErrors { field code } } }""";
    static final String OPT_OUT = """
            mutation($o: Boolean!) { setDigestOptOut(input: {optOut: $o}) { optOut userErrors { code } } }""";

    @Autowired
    WeeklyDigest digest;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;
    @Autowired
    DatabaseClient db;

    LocalDate monday;

    @BeforeEach
    void nextMonday() {
        monday = clock.todayInParis().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void at(int hour, int minute) {
        clock.startAt(monday.atTime(hour, minute).atZone(TestClock.PARIS).toInstant());
    }

    /** The job at the clock's time, for the demo agency and {@code own}: the others' week is claimed. */
    private List<Report> run(AgencyId... own) {
        List<AgencyId> about = new java.util.ArrayList<>(List.of(own));
        about.add(DemoAgency.ID);
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), about);
        return digest.run().block(Duration.ofSeconds(60));
    }

    private String week(boolean fr) {
        return monday.format(DateTimeFormatter.ofPattern("d MMMM yyyy", fr ? Locale.FRENCH : Locale.ENGLISH));
    }

    private static List<MimeMessage> mailsTo(String address, String subjectPart) {
        return Arrays.stream(MailServer.to(address)).filter(m -> {
            try {
                return m.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void theDemoOwnerGetsTheOpenAlertsAndTheLowestPointTheApiShows() throws Exception {
        at(8, 30);
        // what the owner sees in the API at that moment: the open critical and warning alerts, the 26-week forecast
        HttpGraphQlTester owner = tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        List<Map<String, Object>> alerts = owner.document("""
                        { alerts(first: 100, filter: {status: [OPEN], severity: [CRITICAL, WARNING]}) {
                            nodes { kind severity openedAt client { name } } } }""").execute()
                .path("alerts.nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        Map<String, Object> forecast = owner.document("""
                        { cashForecast(horizonWeeks: 26) { lowestBalance { amountMinor currency } lowestWeek
                            firstWeekBelowThreshold safetyThreshold { amountMinor } } }""").execute()
                .path("cashForecast").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        assertThat(alerts).as("the demo's story fires critical and warning alerts").isNotEmpty();

        run();
        String subject = "Studio Boréal — your digest for the week of " + week(false);
        List<MimeMessage> mails = mailsTo(DemoAgency.OWNER_EMAIL, subject);
        assertThat(mails).as("one digest for the demo owner this week").hasSize(1);
        // the demo's OWNER and FINANCE users get it; its LEAD and CLIENT users none
        assertThat(mailsTo(DemoAgency.FINANCE_EMAIL, subject)).hasSize(1);
        assertThat(mailsTo(DemoAgency.LEAD_EMAIL, "digest")).isEmpty();
        assertThat(mailsTo(DemoAgency.CLIENT_EMAIL, "digest")).isEmpty();

        Map<String, String> parts = MailServer.parts(mails.get(0));
        String text = parts.get("text/plain");
        assertThat(text).startsWith("Hello Camille Martin,").contains("Open alerts (" + alerts.size() + "):");
        for (Map<String, Object> alert : alerts) {
            String severity = alert.get("severity").equals("CRITICAL") ? "Critical" : "Warning";
            @SuppressWarnings("unchecked")
            Map<String, Object> client = (Map<String, Object>) alert.get("client");
            String since = OffsetDateTime.parse((String) alert.get("openedAt")).atZoneSameInstant(TestClock.PARIS)
                    .toLocalDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
            assertThat(text).contains("- " + severity + " · " + title((String) alert.get("kind")) + " · "
                    + (client == null ? "whole agency" : client.get("name")) + " · since " + since);
        }
        // the lowest point, formatted by hand: amountMinor 123456 EUR -> "1,234.56 EUR"
        @SuppressWarnings("unchecked")
        Map<String, Object> lowest = (Map<String, Object>) forecast.get("lowestBalance");
        long minor = ((Number) lowest.get("amountMinor")).longValue();
        String amount = String.format(Locale.US, "%s%,d.%02d EUR", minor < 0 ? "-" : "", Math.abs(minor) / 100,
                Math.abs(minor) % 100);
        assertThat(text).contains("Cash forecast (26 weeks):")
                .contains("Lowest point: " + amount + " in the week of " + english((String) forecast.get("lowestWeek")));
        if (forecast.get("firstWeekBelowThreshold") != null) {
            assertThat(text).contains("Goes under the safety threshold")
                    .contains("in the week of " + english((String) forecast.get("firstWeekBelowThreshold")));
        } else {
            assertThat(text).contains("Stays above the safety threshold");
        }
        assertThat(parts.get("text/html")).contains("<html lang=\"en\">").contains("<h1 style=\"font-size:1.2em\">Studio Boréal</h1>")
                .contains(amount);
    }

    private static String english(String isoDate) {
        return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    private static String title(String kind) {
        return switch (kind) {
            case "CAPACITY_CONCENTRATION" -> "Capacity concentration";
            case "CASH_SHORTFALL" -> "Cash shortfall";
            case "LONG_TIME_TO_CASH" -> "Long time to cash";
            case "EXPOSURE_LIMIT" -> "Exposure limit";
            case "FUNDING_RISK" -> "Funding risk";
            case "OVERDUE_INVOICE" -> "Overdue invoice";
            case "PAYMENT_DRIFT" -> "Payment drift";
            case "ENGAGEMENT_DROP" -> "Engagement drop";
            default -> "Unrealistic brief";
        };
    }

    @Test
    void dueAtEightOnceAWeekForOwnerAndFinanceWhoHaveNotOptedOut() throws Exception {
        Tenants.Tenant agency = tenants.create("Digest Weekly Studio");
        String subject = "Digest Weekly Studio — your digest for the week of " + week(false);
        // opt-out: FINANCE says no; a LEAD gets no digest, so may not opt out either (FORBIDDEN, nothing changes)
        tenants.as(agency, Role.FINANCE).document(OPT_OUT).variable("o", true).execute()
                .path("setDigestOptOut.optOut").entity(Boolean.class).isEqualTo(true);
        tenants.as(agency, Role.LEAD).document(OPT_OUT).variable("o", true).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        tenants.as(agency, Role.FINANCE).document("{ viewer { digestOptOut } }").execute()
                .path("viewer.digestOptOut").entity(Boolean.class).isEqualTo(true);
        tenants.as(agency, Role.OWNER).document("{ viewer { digestOptOut } }").execute()
                .path("viewer.digestOptOut").entity(Boolean.class).isEqualTo(false);

        // Monday 07:59 in Paris: not yet
        at(7, 59);
        assertThat(run(agency.agencyId())).noneMatch(r -> r.agencyId().equals(agency.agencyId()));
        assertThat(mailsTo(agency.email(Role.OWNER), subject)).isEmpty();

        // 08:30: the owner only (finance opted out, lead and client get none)
        at(8, 30);
        List<Report> first = run(agency.agencyId());
        assertThat(first).filteredOn(r -> r.agencyId().equals(agency.agencyId())).singleElement()
                .satisfies(r -> {
                    assertThat(r.sent()).isEqualTo(1);
                    assertThat(r.failed()).isZero();
                });
        assertThat(mailsTo(agency.email(Role.OWNER), subject)).hasSize(1);
        assertThat(mailsTo(agency.email(Role.FINANCE), "digest")).isEmpty();
        assertThat(mailsTo(agency.email(Role.LEAD), "digest")).isEmpty();
        assertThat(mailsTo(agency.email(Role.CLIENT), "digest")).isEmpty();
        // no bank balance and no alert: the mail says so and what to enter first
        String text = MailServer.parts(mailsTo(agency.email(Role.OWNER), subject).get(0)).get("text/plain");
        assertThat(text).contains("No open critical or warning alert.")
                .contains("No forecast yet: record the bank balance in Bank & costs.");

        // a second run the same week (another instance, or the next check on Thursday) sends nothing
        clock.startAt(monday.plusDays(3).atTime(9, 0).atZone(TestClock.PARIS).toInstant());
        assertThat(run(agency.agencyId())).noneMatch(r -> r.agencyId().equals(agency.agencyId()));
        assertThat(mailsTo(agency.email(Role.OWNER), "Digest Weekly Studio")).hasSize(1);
        assertThat(db.sql("SELECT sent FROM digest_run WHERE agency_id = :a").bind("a", agency.agencyId().value())
                .mapValue(Integer.class).all().collectList().block()).containsExactly(1);

        // the next Monday at 08:00 sharp: a new week, a new digest
        clock.startAt(monday.plusWeeks(1).atTime(8, 0).atZone(TestClock.PARIS).toInstant());
        run(agency.agencyId());
        assertThat(mailsTo(agency.email(Role.OWNER), "Digest Weekly Studio")).hasSize(2);
    }

    @Test
    void aFrenchAgencysDigestIsFrench() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Hebdo");
        // an agency set up in French (setup stores its language; Tenants builds agencies without one)
        db.sql("UPDATE agency SET language = 'fr' WHERE agency_id = :a").bind("a", agency.agencyId().value())
                .fetch().rowsUpdated().block();
        at(8, 30);
        run(agency.agencyId());
        List<MimeMessage> mails = mailsTo(agency.email(Role.OWNER), "Atelier Hebdo");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Atelier Hebdo — votre point de la semaine du " + week(true));
        Map<String, String> parts = MailServer.parts(mails.get(0));
        assertThat(parts.get("text/plain")).startsWith("Bonjour OWNER user,")
                .contains("Aucune alerte critique ou d'avertissement ouverte.")
                .contains("Prévision de trésorerie (26 semaines) :")
                .contains("Pas encore de prévision : saisissez le solde bancaire dans Banque et coûts.")
                .contains("en tant que propriétaire de Atelier Hebdo");
        assertThat(parts.get("text/html")).contains("<html lang=\"fr\">").contains(">Ne plus recevoir ce point</a>");

        // the mail's own unsubscribe link works without signing in, once or twice, and only switches the digest off
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/#/digest-off/([A-Za-z0-9_-]{43})")
                .matcher(parts.get("text/plain"));
        assertThat(link.find()).isTrue();
        assertThat(parts.get("text/html")).contains("/#/digest-off/" + link.group(1));
        for (int i = 0; i < 2; i++) {
            tenants.anonymous().document(UNSUBSCRIBE).variable("t", link.group(1)).execute()
                    .path("unsubscribeDigest.userErrors").entityList(Object.class).hasSize(0)
                    .path("unsubscribeDigest.optOut").entity(Boolean.class).isEqualTo(true);
        }
        assertThat(db.sql("SELECT email FROM app_user WHERE agency_id = :a AND digest_opt_out")
                .bind("a", agency.agencyId().value()).mapValue(String.class).all().collectList().block())
                .containsExactly(agency.email(Role.OWNER));
        // a link never issued: NOT_FOUND on token, nothing changed
        tenants.anonymous().document(UNSUBSCRIBE).variable("t", "A".repeat(43)).execute()
                .path("unsubscribeDigest.optOut").valueIsNull()
                .path("unsubscribeDigest.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("unsubscribeDigest.userErrors[0].field").entityList(String.class).containsExactly("token");
        // a blank token is a missing one (ADR 79, sixth pass): REQUIRED, as every required text, no longer NOT_FOUND
        tenants.anonymous().document(UNSUBSCRIBE).variable("t", "   ").execute()
                .path("unsubscribeDigest.optOut").valueIsNull()
                .path("unsubscribeDigest.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED")
                .path("unsubscribeDigest.userErrors[0].field").entityList(String.class).containsExactly("token");
        // the next week, the finance user (still in) gets the digest, the owner no longer
        clock.startAt(monday.plusWeeks(1).atTime(9, 0).atZone(TestClock.PARIS).toInstant());
        run(agency.agencyId());
        assertThat(mailsTo(agency.email(Role.OWNER), "Atelier Hebdo")).hasSize(1);
        assertThat(mailsTo(agency.email(Role.FINANCE), "Atelier Hebdo")).hasSize(2);
    }
}
