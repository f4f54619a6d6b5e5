package io.cordee.api.support;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertService;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.digest.DigestRepository;
import io.cordee.core.digest.DigestService;
import io.cordee.core.mail.Mailer;
import java.time.Clock;
import java.time.DayOfWeek;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * A {@link DigestService} of the application's own repositories and services, its clock (the {@link TestClock}, or
 * the clock a test puts in its place) and public URL, sending through a mailer of the test's choosing on Mondays:
 * another instance on the same database, or one whose mails the test holds or keeps. The application's own is wired
 * in {@code DigestConfiguration}.
 */
@TestComponent
public class DigestServices {

    private final DigestRepository digests;
    private final AgencyRepository agencies;
    private final AlertService alerts;
    private final CashService cash;
    private final ClientRepository clients;
    private final Clock clock;
    private final String publicUrl;

    public DigestServices(DigestRepository digests, AgencyRepository agencies, AlertService alerts, CashService cash,
                          ClientRepository clients, Clock clock, @Value("${cordee.public-url}") String publicUrl) {
        this.digests = digests;
        this.agencies = agencies;
        this.alerts = alerts;
        this.cash = cash;
        this.clients = clients;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** Sends through {@code mailer} on Mondays at 08:00. */
    public DigestService sendingThrough(Mailer mailer) {
        return sendingThrough(mailer, 8);
    }

    /** Sends through {@code mailer} on Mondays at {@code hour} (which the service checks: 0-23). */
    public DigestService sendingThrough(Mailer mailer, int hour) {
        return new DigestService(digests, agencies, alerts, cash, clients, mailer, clock, DayOfWeek.MONDAY, hour,
                publicUrl);
    }
}
