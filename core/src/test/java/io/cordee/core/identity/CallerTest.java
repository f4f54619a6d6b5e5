package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@link Caller#command}, the step every use case that builds a command after a role check shares (ADR 79, 88):
 * the role first, then the command's own rules, both as the answer of the {@code Mono}, and nothing before it is
 * subscribed.
 */
class CallerTest {

    private final AtomicInteger built = new AtomicInteger();

    @Test
    void aCallerWithoutTheRoleIsRefusedAndTheCommandIsNeverBuilt() {
        Mono<String> command = as(Role.LEAD).command(Caller.MONEY_ROLES, "change billing", this::invalid);

        StepVerifier.create(command)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Forbidden.class)
                        .hasMessage("Your role (LEAD) does not allow you to change billing"))
                .verify();
        assertThat(built).hasValue(0);
    }

    @Test
    void aCallerWithTheRoleIsToldTheCommandsRulesOrGetsTheCommand() {
        StepVerifier.create(as(Role.FINANCE).command(Caller.MONEY_ROLES, "change billing", this::invalid))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(f -> f.field() + " " + f.code()).containsExactly("label REQUIRED"))
                .verify();
        StepVerifier.create(as(Role.OWNER).command(Caller.MONEY_ROLES, "change billing", () -> {
                    built.incrementAndGet();
                    return "command";
                }))
                .expectNext("command")
                .verifyComplete();
        // once per subscription: the failing one and the one that passed
        assertThat(built).hasValue(2);
    }

    @Test
    void nothingIsCheckedOrBuiltBeforeSubscription() {
        as(Role.CLIENT).command(Caller.STAFF_ROLES, "see timesheets", this::invalid);
        as(Role.OWNER).command(Caller.STAFF_ROLES, "see timesheets", this::invalid);

        assertThat(built).hasValue(0);
    }

    private String invalid() {
        built.incrementAndGet();
        throw InvalidInput.of("label", "is required", ErrorCode.REQUIRED);
    }

    private static Caller as(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), role, null);
    }
}
