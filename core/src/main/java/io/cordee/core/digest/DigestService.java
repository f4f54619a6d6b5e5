package io.cordee.core.digest;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertFilter;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.AlertStatus;
import io.cordee.core.alert.Severity;
import io.cordee.core.alert.StoredAlert;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.mail.Mailer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The weekly digest (ADR 40): once a week, at a day and hour of the agency's own time zone, every active OWNER
 * and FINANCE user who has not opted out gets a mail with the open critical and warning alerts and the base
 * forecast's lowest point and first week under the safety threshold. Run once across instances: the week is
 * claimed in the database first, and only the instance that claimed it sends.
 */
public final class DigestService {

    /** The forecast the digest reads: the cockpit's default horizon when nothing crosses the threshold. */
    public static final int FORECAST_WEEKS = 26;
    /** Open alerts listed in one mail, most urgent and oldest first; more are counted on the Alerts page. */
    public static final int MAX_ALERTS = 100;
    /** How long a mail's unsubscribe link works. */
    public static final java.time.Duration UNSUBSCRIBE_LINK_LIFETIME = java.time.Duration.ofDays(60);
    /** The digest reads as the system with an owner's view of its agency, not as a user. */
    private static final UserId SYSTEM = new UserId(new UUID(0, 0));

    /** What one agency's digest did this week; {@code error} when it could not be made (nothing sent). */
    public record Report(AgencyId agencyId, LocalDate week, int sent, int failed, String error) {
    }

    private final DigestRepository digests;
    private final AgencyRepository agencies;
    private final AlertService alerts;
    private final CashService cash;
    private final ClientRepository clients;
    private final Mailer mailer;
    private final Clock clock;
    private final DayOfWeek day;
    private final int hour;
    private final String publicUrl;

    public DigestService(DigestRepository digests, AgencyRepository agencies, AlertService alerts, CashService cash,
                         ClientRepository clients, Mailer mailer, Clock clock, DayOfWeek day, int hour,
                         String publicUrl) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The digest's hour must be 0-23 (got " + hour + ")");
        }
        this.digests = digests;
        this.agencies = agencies;
        this.alerts = alerts;
        this.cash = cash;
        this.clients = clients;
        this.mailer = mailer;
        this.clock = clock;
        this.day = Objects.requireNonNull(day, "day");
        this.hour = hour;
        this.publicUrl = publicUrl;
    }

    public boolean mailConfigured() {
        return mailer.configured();
    }

    /**
     * Sends this week's digest of every agency whose digest time (its day and hour, in its time zone, by the
     * clock) has come this week and whose week no one has claimed yet; one report per agency sent to. Nothing
     * without SMTP: the caller says so. A failing agency does not stop the others. Only the agencies whose week
     * is unclaimed are read (one query), one after another; the claim decides which instance sends (ADR 82).
     */
    public Flux<Report> runDue() {
        if (!mailer.configured()) {
            return Flux.empty();
        }
        return digests.unclaimedThisWeek(clock.instant()).concatMap(id -> agencies.findById(id).flatMap(this::runIfDue)
                .onErrorResume(e -> Mono.just(new Report(id, null, 0, 0, String.valueOf(e)))));
    }

    private Mono<Report> runIfDue(Agency agency) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(agency.settings().timeZone()));
        LocalDate week = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDateTime due = week.with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0);
        if (now.toLocalDateTime().isBefore(due)) {
            return Mono.empty();
        }
        return digests.claim(agency.id(), week, clock.instant()).filter(Boolean::booleanValue)
                .flatMap(claimed -> send(agency, week, now.toLocalDate()));
    }

    private Mono<Report> send(Agency agency, LocalDate week, LocalDate today) {
        return content(agency, week, today).flatMap(content -> digests.recipients(agency.id())
                .concatMap(to -> personal(agency, to, content)
                        .flatMap(mine -> mailer.send(DigestMail.of(to, mine))).thenReturn(true)
                        .onErrorResume(e -> Mono.just(false)))
                .collectList()
                .flatMap(results -> {
                    int sent = (int) results.stream().filter(Boolean::booleanValue).count();
                    int failed = results.size() - sent;
                    Instant at = clock.instant();
                    return digests.finish(agency.id(), week, at, sent, failed)
                            .thenReturn(new Report(agency.id(), week, sent, failed, null));
                }));
    }

    /** The content with the recipient's own unsubscribe link (a fresh token per mail, kept hashed). */
    private Mono<DigestMail.Content> personal(Agency agency, DigestRecipient to, DigestMail.Content content) {
        String token = IdentityService.newToken();
        Instant now = clock.instant();
        return digests.saveUnsubscribeLink(IdentityService.hashToken(token), agency.id(), to.id(), now,
                        now.plus(UNSUBSCRIBE_LINK_LIFETIME))
                .thenReturn(content.withUnsubscribe(publicUrl + "/#/digest-off/" + token));
    }

    /**
     * The unsubscribe link of a digest mail, without signing in: opts its user out (again, harmlessly, when
     * already out). A blank token: REQUIRED on token; a link never issued or older than
     * {@link #UNSUBSCRIBE_LINK_LIFETIME}: NOT_FOUND on token.
     */
    public Mono<Boolean> unsubscribe(String token) {
        return Mono.fromCallable(() -> new UnsubscribeDigestCommand(token)).flatMap(this::unsubscribe);
    }

    /** The unsubscribe link: the command holds the token's rules; whether the link is alive is checked here. */
    public Mono<Boolean> unsubscribe(UnsubscribeDigestCommand command) {
        return Mono.defer(() -> digests.unsubscribe(IdentityService.hashToken(command.token()), clock.instant()))
                .flatMap(found -> found ? Mono.just(true) : Mono.error(UnsubscribeDigestCommand.unknownLink()));
    }

    /** What this week's mails tell, the same for every recipient but the language. */
    Mono<DigestMail.Content> content(Agency agency, LocalDate week, LocalDate today) {
        Caller system = new Caller(SYSTEM, agency.id(), Role.OWNER, null);
        AlertFilter open = new AlertFilter(Set.of(AlertStatus.OPEN), Set.of(Severity.CRITICAL, Severity.WARNING),
                Set.of(), null, false);
        Mono<List<StoredAlert>> openAlerts = alerts.alerts(system, open, new PageRequest(MAX_ALERTS, null))
                .map(page -> page.items());
        // no bank balance yet: no forecast (the mail says what to enter first)
        Mono<CashForecast> forecast = cash.forecast(system, today, FORECAST_WEEKS, Scenario.BASE)
                .onErrorResume(InvalidInput.class, e -> Mono.empty());
        return openAlerts.flatMap(list -> {
            Set<ClientId> ids = list.stream().map(a -> a.alert().subject().clientId()).flatMap(java.util.Optional::stream)
                    .collect(Collectors.toSet());
            Mono<Map<ClientId, String>> names = ids.isEmpty() ? Mono.just(Map.of())
                    : clients.findAllById(agency.id(), ids).collectMap(Client::id, Client::name);
            return names.map(n -> list.stream()
                    .sorted(Comparator.comparing((StoredAlert a) -> a.alert().severity()).reversed()
                            .thenComparing(a -> a.alert().openedAt()))
                    .map(a -> new DigestMail.AlertLine(a.alert().kind(), a.alert().severity(),
                            a.alert().subject().clientId().map(n::get).orElse(null),
                            LocalDate.ofInstant(a.alert().openedAt(), agency.settings().timeZone())))
                    .toList());
        }).flatMap(lines -> forecast
                .map(f -> new DigestMail.Content(agency.name(), week, lines, FORECAST_WEEKS, f.lowestBalance(),
                        f.lowestWeek(), f.safetyThreshold(), f.firstWeekBelowThreshold(), link()))
                .defaultIfEmpty(new DigestMail.Content(agency.name(), week, lines, FORECAST_WEEKS, null, null,
                        agency.settings().safetyCashThreshold(), null, link())));
    }

    private String link() {
        return publicUrl + "/";
    }

    /** Whether the signed-in user has opted out of the digest; OWNER and FINANCE only (the others get none). */
    public Mono<Boolean> optedOut(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "receive the weekly digest"))
                .flatMap(c -> digests.optOut(c.agencyId(), c.userId()));
    }

    /** The signed-in user stops (true) or resumes (false) the weekly digest; OWNER and FINANCE only. */
    public Mono<Boolean> setOptOut(Caller caller, boolean optOut) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "receive the weekly digest"))
                .flatMap(c -> digests.setOptOut(c.agencyId(), c.userId(), optOut));
    }
}
