package io.cordee.api.support;

import io.cordee.core.agency.AgencyId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The agencies of the shared test database that a weekly-digest test is not about. The database is shared by every
 * API test class of the JVM, so by the time the digest tests run it holds the agencies of a hundred other classes
 * (about 900 in CI), and a digest pass would make and mail the digest of each one: 40 s a pass in CI, two weeks
 * sent in each of the four digest test classes, and thousands of messages that GreenMail keeps and every later
 * {@link MailServer#to} reads.
 *
 * <p>{@link #claimWeekOfAllBut} claims the week of every other agency in {@code digest_run}, as another instance
 * that has taken their digests would (ADR 82): a pass then reads, claims and sends only the test's own agencies,
 * through the same query, claim and mailer as before. Nothing a test checks is about the other agencies.
 */
public final class OtherAgencies {

    private OtherAgencies() {
    }

    /**
     * Claims, at {@code now}, the digest week of every agency but {@code about} (the week of
     * {@code DigestPersistenceAdapter#unclaimedThisWeek}: the ISO Monday of {@code now} in the agency's own time
     * zone); a week already claimed is left as it is.
     */
    public static void claimWeekOfAllBut(DatabaseClient db, Instant now, Collection<AgencyId> about) {
        db.sql("""
                        INSERT INTO digest_run (agency_id, week, claimed_at)
                        SELECT a.agency_id, date_trunc('week', CAST(:now AS timestamptz) AT TIME ZONE a.time_zone)::date, :now
                          FROM agency a
                         WHERE NOT (a.agency_id = ANY(:about))
                        ON CONFLICT DO NOTHING""")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("about", about.stream().map(AgencyId::value).toArray(UUID[]::new))
                .fetch().rowsUpdated().block(Duration.ofSeconds(60));
    }
}
