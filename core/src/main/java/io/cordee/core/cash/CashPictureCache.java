package io.cordee.core.cash;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Computations;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The cash pictures read lately, per (agency, data version, as-of), the least recently used dropped
 * beyond {@link #capacity} (ADR 47). A picture never changes once loaded, and the data version moves with
 * every write of the agency on any instance, so an entry is never stale: one whose version is no longer
 * the agency's is never asked for again, and is dropped when a newer version of the agency is loaded. The
 * derivations (forecast per horizon and scenario, exposures) are remembered inside each picture.
 *
 * <p>Background work ({@link Computations#inBackground}: the daily alert pass) uses a picture already
 * remembered but does not remember the ones it loads (ADR 98): the pass reads thousands of agencies nobody is
 * looking at, one after another, and remembering each would push out the pictures users are reading and keep
 * megabytes alive through several collections for nothing.
 */
public final class CashPictureCache {

    /** Default bound: a few as-of dates of a few dozen agencies; a large agency's picture is tens of MB. */
    public static final int DEFAULT_CAPACITY = 64;

    private record Key(AgencyId agencyId, long version, LocalDate asOf, boolean complete) {
    }

    private final int capacity;
    private final Map<Key, Mono<AgencyCashPicture>> entries;
    private long hits;
    private long misses;

    public CashPictureCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Mono<AgencyCashPicture>> eldest) {
                return size() > CashPictureCache.this.capacity;
            }
        };
    }

    /** No caching at all: every request loads (capacity 0). */
    public static CashPictureCache none() {
        return new CashPictureCache(0);
    }

    /**
     * The picture of {@code agencyId} at {@code version} on {@code asOf}: remembered, or loaded and remembered
     * (loaded only, for background work). Looked up when subscribed.
     * Requests that miss together share one load (the clients page asks for many exposures at once); a load
     * that fails is forgotten, so the next request tries again.
     */
    public Mono<AgencyCashPicture> get(AgencyId agencyId, long version, LocalDate asOf,
                                       Supplier<Mono<AgencyCashPicture>> load) {
        return get(agencyId, version, asOf, true, load);
    }

    /**
     * As {@link #get(AgencyId, long, LocalDate, Supplier)}, for a complete picture or, when {@code complete} is
     * false, a forecast picture ({@link AgencyCashPicture#forForecast}): a complete picture of the same key
     * already remembered serves a forecast too.
     */
    public Mono<AgencyCashPicture> get(AgencyId agencyId, long version, LocalDate asOf, boolean complete,
                                       Supplier<Mono<AgencyCashPicture>> load) {
        if (capacity == 0) {
            return load.get();
        }
        return Mono.deferContextual(context -> find(new Key(agencyId, version, asOf, complete), load,
                !Computations.isBackground(context)));
    }

    private Mono<AgencyCashPicture> find(Key key, Supplier<Mono<AgencyCashPicture>> load, boolean remember) {
        synchronized (entries) {
            Mono<AgencyCashPicture> entry = entries.get(new Key(key.agencyId(), key.version(), key.asOf(), true));
            if (entry == null && !key.complete()) {
                entry = entries.get(key);
            }
            if (entry != null) {
                hits++;
                return entry;
            }
            misses++;
            // an older version of the agency is never asked for again: let it go now, not when it ages out
            // (a large agency's picture is tens of MB; a write before each read would otherwise fill the heap)
            entries.keySet().removeIf(k -> k.agencyId().equals(key.agencyId()) && k.version() < key.version());
            if (!remember) {
                return Mono.defer(load);
            }
            Mono<AgencyCashPicture>[] self = new Mono[1];
            self[0] = Mono.defer(load).doOnError(e -> forget(key, self[0])).cache();
            entries.put(key, self[0]);
            return self[0];
        }
    }

    private void forget(Key key, Mono<AgencyCashPicture> entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    /** How many requests found their picture, and how many loaded it, since the start. */
    public long[] hitsAndMisses() {
        synchronized (entries) {
            return new long[] {hits, misses};
        }
    }
}
