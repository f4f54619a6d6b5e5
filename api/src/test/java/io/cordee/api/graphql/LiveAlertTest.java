package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.SameDatabaseInstance;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.alert.AlertService;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import io.cordee.persistence.alert.PostgresAlertChangeEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@code alertChanged} over WebSocket (graphql-transport-ws) on the real database: changes reach the
 * subscribers of their agency that may see their kind, through PostgreSQL's LISTEN/NOTIFY, from this
 * instance and from another one on the same database. The agency is AlertTest's: one person, the project
 * "Site" of "Own Client"; allocating 40 % of next month opens a CAPACITY_CONCENTRATION alert.
 */
@ApiTest
class LiveAlertTest {

    static final String SUBSCRIPTION = "subscription { alertChanged { type alert { id kind status version snoozedUntil } } }";
    /** A safety net for a loaded machine, not a speed requirement: the latencies are printed (ADR 89). */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a subscriber is listened to for what it must NOT hear, once what it must hear has arrived. */
    static final Duration QUIET = Duration.ofMillis(500);

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    TeamService team;
    @Autowired
    ProjectService projects;
    @Autowired
    AlertNotifications notifications;
    @Autowired
    DatabaseClient db;
    @Autowired
    Environment environment;
    @Autowired
    TestClock clock;

    Tenants.Tenant tenant;
    HttpGraphQlTester owner;
    String member;
    String project;
    LocalDate today;
    LocalDate nextMonth;
    final List<Disposable> opened = new java.util.ArrayList<>();
    final List<WebSocketGraphQlClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void agencyWithOnePersonAndAProject() {
        tenant = tenants.create("Live Agency");
        today = clock.todayInParis();
        nextMonth = today.plusMonths(1).withDayOfMonth(1);
        TeamMember person = team.create(tenant.owner(), new TeamMemberDraft("A", null, List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(WAIT);
        member = GlobalId.of("TeamMember", person.id().value());
        Project p = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                today.minusMonths(1), null, null, Money.of(1_000_000, "EUR"), null)).block(WAIT);
        project = GlobalId.of("Project", p.id().value());
        owner = tenants.as(tenant, Role.OWNER);
        waitFor(notifications::isListening);
    }

    @AfterEach
    void closeSubscriptions() {
        opened.forEach(Disposable::dispose);
        clients.forEach(c -> c.stop().block(WAIT));
    }

    @Test
    void theOwnerHearsTheAlertOpenAndResolve() {
        Flux<Map<String, Object>> events = subscribe(port, notifications, cookie(tenant, Role.OWNER));

        long start = System.nanoTime();
        Map<String, Object> allocation = allocate(owner, 40);
        StepVerifier.create(events)
                .expectNextMatches(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION") && latency("OPENED", start))
                .thenCancel().verify(WAIT);
        assertThat(db.sql("SELECT count(*) FROM alert WHERE agency_id = :a AND kind = 'CAPACITY_CONCENTRATION'")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block(WAIT)).isEqualTo(1L);
        String id = alertId(events.blockFirst(WAIT));

        long resolving = System.nanoTime();
        owner.document(AlertTest.DELETE_ALLOCATION).variable("id", allocation.get("id"))
                .variable("v", allocation.get("version")).execute()
                .path("deleteAllocation.userErrors").entityList(Object.class).hasSize(0);
        StepVerifier.create(events.skip(1))
                .expectNextMatches(e -> is(e, "RESOLVED", "CAPACITY_CONCENTRATION") && id.equals(alertId(e))
                        && latency("RESOLVED", resolving))
                .thenCancel().verify(WAIT);
    }

    @Test
    void theListenerReconnectsWhenItsConnectionDrops() {
        Flux<Map<String, Object>> events = subscribe(port, notifications, cookie(tenant, Role.OWNER));
        String pids = "SELECT pid FROM pg_stat_activity WHERE application_name = :n";
        List<Integer> before = db.sql(pids).bind("n", PostgresAlertChangeEvents.APPLICATION_NAME).mapValue(Integer.class)
                .all().collectList().block(WAIT);
        assertThat(before).isNotEmpty();
        for (Integer pid : before) {
            db.sql("SELECT pg_terminate_backend(:pid)").bind("pid", pid).fetch().rowsUpdated().block(WAIT);
        }
        // a new connection (another backend), listening again
        waitFor(() -> {
            List<Integer> now = db.sql(pids).bind("n", PostgresAlertChangeEvents.APPLICATION_NAME).mapValue(Integer.class)
                    .all().collectList().block(WAIT);
            return now.stream().anyMatch(pid -> !before.contains(pid));
        });
        waitFor(notifications::isListening);

        long start = System.nanoTime();
        allocate(owner, 40);
        StepVerifier.create(events)
                .expectNextMatches(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION") && latency("after reconnecting", start))
                .thenCancel().verify(WAIT);
    }

    @Test
    void aTokenInConnectionInitWorksAsTheCookie() {
        String token = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(url(port), new ReactorNettyWebSocketClient())
                .interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
                    @Override
                    public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                        return reactor.core.publisher.Mono.just(Map.of("authorization", "Bearer " + token));
                    }
                }).build();
        Flux<Map<String, Object>> events = subscribe(client, notifications);
        allocate(owner, 40);
        StepVerifier.create(events).expectNextMatches(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION"))
                .thenCancel().verify(WAIT);
    }

    @Test
    void anotherInstanceOnTheSameDatabaseHearsTheChange() {
        try (SameDatabaseInstance second = SameDatabaseInstance.start(environment)) {
            AlertNotifications secondNotifications = second.bean(AlertNotifications.class);
            waitFor(secondNotifications::isListening);
            int secondPort = second.port();
            assertThat(secondPort).isNotEqualTo(port);
            Flux<Map<String, Object>> onSecond = subscribe(secondPort, secondNotifications, cookie(tenant, Role.OWNER));

            long start = System.nanoTime();
            allocate(owner, 40); // over HTTP to the first instance
            StepVerifier.create(onSecond)
                    .expectNextMatches(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION") && latency("second instance", start))
                    .thenCancel().verify(WAIT);
            closeSubscriptions();
            opened.clear();
            clients.clear();
        }
    }

    @Test
    void eachSubscriberHearsOnlyWhatTheirRoleAndAgencySee() {
        Tenants.Tenant other = tenants.create("Other Live Agency");
        Flux<Map<String, Object>> ownerEvents = subscribe(port, notifications, cookie(tenant, Role.OWNER));
        Flux<Map<String, Object>> leadEvents = subscribe(port, notifications, cookie(tenant, Role.LEAD));
        Flux<Map<String, Object>> otherEvents = subscribe(port, notifications, cookie(other, Role.OWNER));

        // a bank balance of 100 EUR: a cash shortfall, a money kind
        owner.document("""
                        mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 10000}}) {
                          userErrors { code } } }""").variable("d", today.minusDays(1).toString()).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        StepVerifier.create(ownerEvents).expectNextMatches(e -> is(e, "OPENED", "CASH_SHORTFALL")).thenCancel()
                .verify(WAIT);
        allocate(owner, 40);
        StepVerifier.create(ownerEvents.filter(e -> kind(e).equals("CAPACITY_CONCENTRATION")))
                .expectNextMatches(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION")).thenCancel().verify(WAIT);

        // the lead: the capacity alert, and no money kind before it (the shortfall opened first: had the lead
        // heard it, it would stand before the capacity alert)
        List<Map<String, Object>> heardByLead = leadEvents
                .takeUntil(e -> kind(e).equals("CAPACITY_CONCENTRATION")).collectList().block(WAIT);
        assertThat(heardByLead).extracting(LiveAlertTest::kind).contains("CAPACITY_CONCENTRATION")
                .allMatch(k -> AlertService.LEAD_KINDS.stream().anyMatch(l -> l.name().equals(k)));
        // the other agency: nothing at all
        StepVerifier.create(otherEvents.take(QUIET)).verifyComplete();
    }

    @Test
    void aClientUserIsRefused() {
        Tenants.Tenant clientTenant = tenant;
        String token = tenants.signIn(clientTenant.email(Role.CLIENT), Tenants.PASSWORD);
        WebSocketGraphQlClient client = client(port, "CORDEE_SESSION=" + token);
        assertThatThrownBy(() -> client.document(SUBSCRIPTION).retrieveSubscription("alertChanged")
                .toEntity(Map.class).blockFirst(WAIT))
                .hasMessageContaining("FORBIDDEN");
    }

    @Test
    void anAnonymousSubscriptionIsRefused() {
        // no session: connection_init is refused, the socket closed with 4401 Unauthorized
        WebSocketGraphQlClient anonymous = client(port, null);
        assertThatThrownBy(() -> anonymous.document(SUBSCRIPTION).retrieveSubscription("alertChanged")
                .toEntity(Map.class).blockFirst(WAIT)).hasMessageContaining("4401");
        WebSocketGraphQlClient badToken = client(port, "CORDEE_SESSION=not-a-session");
        assertThatThrownBy(() -> badToken.document(SUBSCRIPTION).retrieveSubscription("alertChanged")
                .toEntity(Map.class).blockFirst(WAIT)).hasMessageContaining("4401");
    }

    /**
     * ADR 75: an acknowledgement by a second user (the LEAD, over HTTP) and a snooze by an API token reach the
     * owner's subscription of the same agency as ACKNOWLEDGED and SNOOZED, with the alert's new state; the
     * owner's acknowledgement of a money alert does not reach the LEAD (role-scoped like the others), and a
     * subscriber of another agency hears none of it.
     */
    @Test
    void aSecondUsersAcknowledgeAndATokensSnoozeReachTheAgencyAndNoOtherAgency() {
        Tenants.Tenant other = tenants.create("Other Ack Agency");
        Flux<Map<String, Object>> ownerEvents = subscribe(port, notifications, cookie(tenant, Role.OWNER));
        Flux<Map<String, Object>> leadEvents = subscribe(port, notifications, cookie(tenant, Role.LEAD));
        Flux<Map<String, Object>> otherEvents = subscribe(port, notifications, cookie(other, Role.OWNER));

        allocate(owner, 40);
        Map<String, Object> opened = ownerEvents.filter(e -> is(e, "OPENED", "CAPACITY_CONCENTRATION"))
                .blockFirst(WAIT);
        String id = alertId(opened);

        // the LEAD, another user of the agency, acknowledges it over HTTP
        long acknowledging = System.nanoTime();
        long acknowledged = tenants.as(tenant, Role.LEAD).document("""
                        mutation($id: ID!, $v: Long!) { acknowledgeAlert(input: {id: $id, version: $v, comment: "Seen"}) {
                          alert { version } userErrors { code } } }""")
                .variable("id", id).variable("v", field(opened, "version")).execute()
                .path("acknowledgeAlert.userErrors").entityList(Object.class).hasSize(0)
                .path("acknowledgeAlert.alert.version").entity(Long.class).get();
        StepVerifier.create(ownerEvents.filter(e -> "ACKNOWLEDGED".equals(e.get("type"))))
                .expectNextMatches(e -> id.equals(alertId(e)) && "ACKNOWLEDGED".equals(field(e, "status"))
                        && Long.valueOf(acknowledged).equals(((Number) field(e, "version")).longValue())
                        && latency("ACKNOWLEDGED", acknowledging))
                .thenCancel().verify(WAIT);

        // an API token of the owner (READ_WRITE on ALERTS) snoozes it for a week
        String token = owner.document("""
                        mutation { createApiToken(input: {name: "Pager", access: READ_WRITE, areas: [ALERTS]}) {
                          token userErrors { code } } }""")
                .execute().path("createApiToken.token").entity(String.class).get();
        String until = clock.todayInParis().plusDays(7).toString();
        long snoozing = System.nanoTime();
        tenants.anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()
                .document("""
                        mutation($id: ID!, $v: Long!, $u: Date!) { snoozeAlert(input: {id: $id, version: $v, until: $u}) {
                          userErrors { code } } }""")
                .variable("id", id).variable("v", acknowledged).variable("u", until).execute()
                .path("snoozeAlert.userErrors").entityList(Object.class).hasSize(0);
        StepVerifier.create(ownerEvents.filter(e -> "SNOOZED".equals(e.get("type"))))
                .expectNextMatches(e -> id.equals(alertId(e)) && until.equals(field(e, "snoozedUntil"))
                        && latency("SNOOZED", snoozing))
                .thenCancel().verify(WAIT);

        // a money alert (a bank balance of 100 EUR: CASH_SHORTFALL) acknowledged by the owner: the owner hears
        // it, the LEAD does not
        owner.document("""
                        mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 10000}}) {
                          userErrors { code } } }""").variable("d", clock.todayInParis().minusDays(1).toString())
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> cash = ownerEvents.filter(e -> is(e, "OPENED", "CASH_SHORTFALL")).blockFirst(WAIT);
        owner.document("""
                        mutation($id: ID!, $v: Long!) { acknowledgeAlert(input: {id: $id, version: $v}) {
                          userErrors { code } } }""")
                .variable("id", alertId(cash)).variable("v", field(cash, "version")).execute()
                .path("acknowledgeAlert.userErrors").entityList(Object.class).hasSize(0);
        StepVerifier.create(ownerEvents.filter(e -> is(e, "ACKNOWLEDGED", "CASH_SHORTFALL")))
                .expectNextCount(1).thenCancel().verify(WAIT);

        // the LEAD heard its own acknowledgement and the token's snooze of the capacity alert (awaited first:
        // delivery to each subscriber is its own), nothing of money
        leadEvents.filter(e -> "SNOOZED".equals(e.get("type")) && id.equals(alertId(e))).blockFirst(WAIT);
        StepVerifier.create(leadEvents.take(QUIET))
                .recordWith(java.util.ArrayList::new)
                .thenConsumeWhile(e -> true)
                .consumeRecordedWith(recorded -> {
                    assertThat(recorded).filteredOn(e -> id.equals(alertId(e))).extracting(e -> e.get("type"))
                            .containsExactly("OPENED", "ACKNOWLEDGED", "SNOOZED");
                    assertThat(recorded).extracting(LiveAlertTest::kind)
                            .allMatch(k -> AlertService.LEAD_KINDS.stream().anyMatch(l -> l.name().equals(k)));
                })
                .verifyComplete();
        // the other agency: nothing at all
        StepVerifier.create(otherEvents.take(QUIET)).verifyComplete();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String cookie(Tenants.Tenant t, Role role) {
        return "CORDEE_SESSION=" + tenants.signIn(t.email(role), Tenants.PASSWORD);
    }

    private static String url(int port) {
        return "ws://localhost:" + port + "/graphql";
    }

    private WebSocketGraphQlClient client(int port, String cookie) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(url(port), new ReactorNettyWebSocketClient())
                .headers(h -> {
                    if (cookie != null) {
                        h.add(HttpHeaders.COOKIE, cookie);
                    }
                }).build();
        clients.add(client);
        return client;
    }

    private Flux<Map<String, Object>> subscribe(int port, AlertNotifications on, String cookie) {
        return subscribe(client(port, cookie), on);
    }

    /** Subscribes, keeping every event from now on, and returns once the server follows the changes. */
    private Flux<Map<String, Object>> subscribe(WebSocketGraphQlClient client, AlertNotifications on) {
        if (!clients.contains(client)) {
            clients.add(client);
        }
        int before = on.subscriberCount();
        ConnectableFlux<Map<String, Object>> events = client.document(SUBSCRIPTION)
                .retrieveSubscription("alertChanged")
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .replay();
        opened.add(events.connect());
        waitFor(() -> on.subscriberCount() > before);
        return events;
    }

    private Map<String, Object> allocate(HttpGraphQlTester as, int share) {
        return as.document(AlertTest.ALLOCATE).variable("m", member).variable("p", project).variable("s", share)
                .variable("from", nextMonth.toString()).variable("to", nextMonth.plusMonths(1).minusDays(1).toString())
                .execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0)
                .path("createAllocation.allocation").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @SuppressWarnings("unchecked")
    private static String kind(Map<String, Object> event) {
        return (String) ((Map<String, Object>) event.get("alert")).get("kind");
    }

    @SuppressWarnings("unchecked")
    private static String alertId(Map<String, Object> event) {
        return (String) ((Map<String, Object>) event.get("alert")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> event, String name) {
        return ((Map<String, Object>) event.get("alert")).get(name);
    }

    private static boolean is(Map<String, Object> event, String type, String kind) {
        return type.equals(event.get("type")) && kind.equals(kind(event));
    }

    private static boolean latency(String what, long startNanos) {
        System.out.printf("alertChanged %s delivered %d ms after the mutation was sent%n", what,
                (System.nanoTime() - startNanos) / 1_000_000);
        return true;
    }

    private static void waitFor(BooleanSupplier condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
