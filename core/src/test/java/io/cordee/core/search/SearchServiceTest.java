package io.cordee.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The search box's rules (ADR 0068): what each role may find, and the input refused before any read. */
class SearchServiceTest {

    private record Call(SearchScope scope, String folded, int limit) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final SearchService service = new SearchService((scope, folded, limit) -> {
        calls.add(new Call(scope, folded, limit));
        return Flux.empty();
    });
    private final AgencyId agency = new AgencyId(UUID.randomUUID());

    @Test
    void eachRoleSearchesOnlyTheKindsItMaySee() {
        service.search(caller(Role.OWNER, null), "lumen", null).block();
        service.search(caller(Role.FINANCE, null), "lumen", null).block();
        service.search(caller(Role.LEAD, null), "lumen", null).block();
        ClientId own = new ClientId(UUID.randomUUID());
        service.search(caller(Role.CLIENT, own), "lumen", null).block();

        assertThat(calls).extracting(c -> c.scope().kinds()).containsExactly(
                EnumSet.allOf(SearchKind.class),
                EnumSet.of(SearchKind.CLIENT, SearchKind.PROJECT, SearchKind.BRIEF),
                EnumSet.of(SearchKind.CLIENT, SearchKind.PROJECT, SearchKind.BRIEF),
                EnumSet.of(SearchKind.PROJECT, SearchKind.BRIEF));
        // every search within the caller's agency; a client contact narrowed to its own client
        assertThat(calls).extracting(c -> c.scope().agencyId()).containsOnly(agency);
        assertThat(calls.get(3).scope().onlyClient()).isEqualTo(own);
        assertThat(calls.get(2).scope().onlyClient()).isNull();
    }

    @Test
    void aClientContactWithoutAClientIsForbiddenAndNothingIsRead() {
        assertThatThrownBy(() -> service.search(caller(Role.CLIENT, null), "lumen", null).block())
                .isInstanceOf(Forbidden.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void theTextIsFoldedAndTheLimitDefaultsToTenAndStopsAtTwenty() {
        service.search(caller(Role.LEAD, null), "  Éclair ", null).block();
        service.search(caller(Role.LEAD, null), "lumen", 20).block();
        assertThat(calls).extracting(Call::folded).containsExactly("eclair", "lumen");
        assertThat(calls).extracting(Call::limit).containsExactly(10, 20);
    }

    @Test
    void badInputIsATypedErrorAndNothingIsRead() {
        assertCode(() -> service.search(caller(Role.OWNER, null), "   ", null).block(), "text", ErrorCode.REQUIRED);
        // 101 characters: one over the 100 allowed
        assertCode(() -> service.search(caller(Role.OWNER, null), "a".repeat(101), null).block(), "text",
                ErrorCode.TOO_LONG);
        assertCode(() -> service.search(caller(Role.OWNER, null), "lumen", 0).block(), "first",
                ErrorCode.OUT_OF_RANGE);
        assertCode(() -> service.search(caller(Role.OWNER, null), "lumen", 21).block(), "first",
                ErrorCode.OUT_OF_RANGE);
        assertThat(calls).isEmpty();
    }

    private static void assertCode(Runnable call, String field, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).code()).isEqualTo(code);
        });
    }

    private Caller caller(Role role, ClientId clientId) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role, clientId);
    }
}
