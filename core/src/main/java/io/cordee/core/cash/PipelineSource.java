package io.cordee.core.cash;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.ClientId;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Where the probabilistic forecast finds the cash that may or may not come: the sales pipeline's open deals
 * (ADR 55). A port of its own so that {@code cash} does not depend on {@code deal}; the API wires the deals in.
 */
@FunctionalInterface
public interface PipelineSource {

    /** Nothing uncertain: the forecast of signed work only. */
    PipelineSource NONE = (agencyId, in, clientDelays, segmentDelays) -> Mono.just(List.of());

    /**
     * The draws of the open deals for a run over {@code in} (its as-of date and horizon), a client's deal paid
     * with {@code clientDelays} of its client, a prospect's with {@code segmentDelays} of its segment.
     */
    Mono<List<UncertainInflows>> inflows(AgencyId agencyId, ForecastInput in, Map<ClientId, int[]> clientDelays,
                                         Map<Segment, int[]> segmentDelays);
}
