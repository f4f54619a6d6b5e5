package io.cordee.api.graphql.agency;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.agency.UpdateAgencySettingsCommand;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class AgencyController {

    public record SegmentDelay(Segment segment, int days) {
    }

    public record UpdateAgencySettingsInput(Long version, String timeZone, MoneyInput safetyCashThreshold,
                                            Integer payday, List<SegmentDelay> defaultPaymentDelays) {
    }

    public record UpdateAgencySettingsPayload(Agency agency, List<UserError> userErrors) {
    }

    private final AgencyService agencies;
    private final Clock clock;

    public AgencyController(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    @QueryMapping
    public Mono<Agency> agency() {
        return Callers.current().flatMap(agencies::current);
    }

    @SchemaMapping(typeName = "Agency")
    public LocalDate today(Agency agency) {
        return LocalDate.now(clock.withZone(agency.settings().timeZone()));
    }

    @SchemaMapping(typeName = "Agency")
    public OffsetDateTime now(Agency agency) {
        return DateTimes.utc(clock.instant());
    }

    @SchemaMapping(typeName = "Agency", field = "timeZone")
    public String agencyTimeZone(Agency agency) {
        return agency.settings().timeZone().getId();
    }

    /** Internal settings are not for client users. */
    @SchemaMapping(typeName = "Agency")
    public Mono<AgencySettings> settings(Agency agency) {
        return Callers.current().filter(caller -> !caller.isClientUser()).map(caller -> agency.settings());
    }

    /** The cash floor is a money figure: for the roles that see money only (a LEAD sees no cash, docs/roles.md). */
    @SchemaMapping(typeName = "AgencySettings")
    public Mono<Money> safetyCashThreshold(AgencySettings settings) {
        return Callers.current().filter(Caller::seesMoney).map(caller -> settings.safetyCashThreshold());
    }

    @SchemaMapping(typeName = "AgencySettings")
    public String currency(AgencySettings settings) {
        return settings.currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "AgencySettings")
    public String timeZone(AgencySettings settings) {
        return settings.timeZone().getId();
    }

    @SchemaMapping(typeName = "AgencySettings")
    public List<SegmentDelay> defaultPaymentDelays(AgencySettings settings) {
        return settings.defaultPaymentDelayDays().entrySet().stream()
                .map(e -> new SegmentDelay(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(SegmentDelay::segment)).toList();
    }

    @MutationMapping
    public Mono<UpdateAgencySettingsPayload> updateAgencySettings(@Argument UpdateAgencySettingsInput input) {
        return Mutations.asCaller(
                caller -> agencies.current(caller).flatMap(agency -> {
                    Map<Segment, Integer> delays = null;
                    if (input.defaultPaymentDelays() != null) {
                        delays = new EnumMap<>(Segment.class);
                        for (SegmentDelay d : input.defaultPaymentDelays()) {
                            delays.put(d.segment(), d.days());
                        }
                    }
                    return agencies.updateSettings(caller, new UpdateAgencySettingsCommand(input.version(),
                            agency.settings().currency(),
                            UpdateAgencySettingsCommand.timeZone(input.timeZone()),
                            MoneyInput.toMoney(input.safetyCashThreshold(), agency.settings().currency(),
                                    "safetyCashThreshold"),
                            input.payday(), delays));
                }),
                UpdateAgencySettingsPayload::new);
    }
}
