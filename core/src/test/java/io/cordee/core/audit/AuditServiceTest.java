package io.cordee.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Who reads which part of the trail: the filter the repository receives, or a refusal. */
class AuditServiceTest {

    private final AtomicReference<AuditFilter> asked = new AtomicReference<>();
    private final AuditService service = new AuditService((agency, filter, page) -> {
        asked.set(filter);
        return Mono.just(new Page<>(List.of(), false, 0));
    });
    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private final ClientId client = new ClientId(UUID.randomUUID());
    private final AuditFilter anything = AuditFilter.of("Invoice", UUID.randomUUID(), "recordPayment");

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role, role == Role.CLIENT ? client : null);
    }

    @Test
    void theOwnerReadsWhatTheyAskFor() {
        service.trail(caller(Role.OWNER), anything, PageRequest.of(20, null)).block();
        assertThat(asked.get()).isEqualTo(anything);
    }

    @Test
    void aClientUserIsHeldToTheSignOffsOfTheirOwnClient() {
        service.trail(caller(Role.CLIENT), anything, PageRequest.of(20, null)).block();
        assertThat(asked.get().signOffsOnly()).isTrue();
        assertThat(asked.get().clientId()).isEqualTo(client);
    }

    @Test
    void financeAndLeadsAreRefusedWithoutReading() {
        for (Role role : List.of(Role.FINANCE, Role.LEAD)) {
            StepVerifier.create(service.trail(caller(role), anything, PageRequest.of(20, null)))
                    .expectError(Forbidden.class).verify();
        }
        assertThat(asked.get()).isNull();
    }
}
