package io.cordee.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * What the test of a core service on the application's wiring and the real PostgreSQL starts from (ADR 0080, update
 * of 2026-12-04): a fresh tenant ({@link Tenants#create}: one user per role and its own client), the clock on
 * Thursday 15 April 2027 at 10:00 in Paris, put back after each test, and short ways to wait for a service's answer
 * and to read a refusal. The subclass carries {@link ApiTest}, so every such test shares the one context.
 */
public abstract class TenantServiceTest {

    /** The day the clock starts on, a Thursday. */
    public static final LocalDate TODAY = LocalDate.of(2027, 4, 15);

    @Autowired
    protected Tenants tenants;
    @Autowired
    protected TestClock clock;

    protected Tenants.Tenant tenant;
    protected Caller owner;

    /** The tenant's agency name; a test whose mails or letters show it names it. */
    protected String tenantName() {
        return getClass().getSimpleName();
    }

    @BeforeEach
    protected void aTenantOnTheFifteenthOfApril() {
        clock.startAt(TODAY.atTime(10, 0).atZone(TestClock.PARIS).toInstant());
        tenant = tenants.create(tenantName());
        owner = tenant.owner();
    }

    @AfterEach
    protected void backToNow() {
        clock.reset();
    }

    /** The tenant's user of {@code role}, as the services see them. */
    protected Caller as(Role role) {
        return tenants.caller(tenant, role);
    }

    /** The service's answer; 60 s is a safety net for a loaded machine, not a speed requirement (ADR 89). */
    public static <T> T block(Mono<T> mono) {
        return mono.block(Duration.ofSeconds(60));
    }

    public static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    /** A refusal's broken fields, in order, each as "field CODE"; fails unless it is an {@link InvalidInput}. */
    public static List<String> refusal(Throwable e) {
        assertThat(e).isInstanceOf(InvalidInput.class);
        return ((InvalidInput) e).errors().stream().map(f -> f.field() + " " + f.code()).toList();
    }
}
