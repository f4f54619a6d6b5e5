package io.cordee.core.cash;

import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.common.Computations;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The probabilistic forecast (DESIGN.md, Forecast under uncertainty; ADR 48). Pure and deterministic
 * given its seed: the same input, seed and number of paths always give the same result.
 *
 * <p>The costs and the opening balance are those of the deterministic forecast under the same scenario
 * (they are known); what is uncertain is when — and whether — each receivable is paid. In each path:
 * <ol>
 *   <li>each start-up whose next round has a status fails with that status's probability
 *       ({@link CashRiskSettings}); a failed one pays nothing expected after its runway end (or, with no
 *       runway end known, after its round's expected date);</li>
 *   <li>each receivable's delay is drawn uniformly from its client's delay history — its last 12 paid
 *       invoices, each equally likely; with fewer than 3, the pooled histories of the agency's clients
 *       of the same segment that have 3 or more; with none, the segment's default delay
 *       ({@link #delayHistories});</li>
 *   <li>the receivable is then paid on due date + delay (+ the scenario's extra delay; other terms move
 *       the due date), on the as-of date if that is already past, and nothing on or after the
 *       scenario's default date;</li>
 *   <li>each {@link UncertainInflows} (the pipeline's open deals, ADR 55) adds its own draws.</li>
 * </ol>
 * Percentiles are nearest-rank: P<i>q</i> is the ⌈q × N⌉-th smallest closing balance of the week.
 *
 * <p>Every path has its own generator, split in path order from one {@link SplittableRandom} seeded
 * with the seed, so a path's draws do not depend on how many draws the other paths made.
 */
public final class MonteCarlo {

    public static final int DEFAULT_PATHS = 2_000;
    public static final int MAX_PATHS = 10_000;
    /** How many clients {@link CashRisk#badPathClients()} names at most. */
    public static final int TOP_CLIENTS = 5;

    private MonteCarlo() {
    }

    /**
     * Runs {@code paths} paths; {@code stop} is read before each path and ends the run with
     * {@link Computations.Stopped} when it turns true (the request was cancelled).
     */
    public static CashRisk simulate(ForecastInput in, Scenario scenario, Map<ClientId, int[]> delayHistories,
                                    CashRiskSettings settings, int paths, long seed, List<UncertainInflows> uncertain,
                                    BooleanSupplier stop) {
        if (paths < 1 || paths > MAX_PATHS) {
            throw InvalidInput.of("paths", "must be between 1 and " + MAX_PATHS + " (got " + paths + ")",
                    ErrorCode.OUT_OF_RANGE);
        }
        if (scenario.kind() == Scenario.Kind.STRESS) {
            throw InvalidInput.of("scenario.kind", "STRESS is a fixed reading of the delays; the probabilistic"
                    + " forecast draws them: use BASE or CUSTOM", ErrorCode.OUT_OF_RANGE);
        }
        CashForecast base = CashForecaster.forecast(in, scenario);
        var currency = base.opening().currency();
        int weeks = base.weeks().size();
        LocalDate start = in.asOf();
        long startDay = start.toEpochDay();
        long firstMonday = base.weeks().get(0).monday().toEpochDay();
        long endDay = firstMonday + 7L * weeks - 1;
        long threshold = in.safetyThreshold().minorUnits();
        long opening = base.opening().minorUnits();
        long[] outflow = new long[weeks];
        for (int w = 0; w < weeks; w++) {
            outflow[w] = base.weeks().get(w).outflow().minorUnits();
        }

        // clients: index, delay history, failure probability and the day after which a failed one pays nothing
        Map<ClientId, Integer> index = new HashMap<>();
        List<ClientId> clientIds = new ArrayList<>();
        List<int[]> histories = new ArrayList<>();
        List<Receivable> open = new ArrayList<>();
        for (Receivable r : ScenarioBilling.apply(in.receivables(), in.projects(), scenario, start)) {
            if (r.balance().minorUnits() > 0) {
                open.add(r);
            }
        }
        // the draws go to the receivables in one order whatever the order they came in (the database hands them
        // over in the order its rows lie, which an import or an update changes): the same facts, the same result
        open.sort(Receivable.BY_DUE_DATE);
        for (Receivable r : open) {
            index.computeIfAbsent(r.clientId(), id -> {
                clientIds.add(id);
                int[] h = delayHistories.get(id);
                histories.add(h == null || h.length == 0 ? new int[] {0} : h);
                return clientIds.size() - 1;
            });
        }
        int clients = clientIds.size();
        int[][] history = histories.toArray(new int[0][]);
        double[] failure = new double[clients];
        long[] failedAfter = new long[clients];
        List<Integer> fragile = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ForecastInput.ClientProfile profile = in.clients().get(clientIds.get(c));
            FundingProfile funding = profile == null || profile.client().segment() != Segment.STARTUP ? null
                    : profile.client().funding();
            LocalDate cut = funding == null ? null
                    : funding.runwayEnd() != null ? funding.runwayEnd() : funding.nextRoundExpected();
            failure[c] = funding == null || cut == null ? 0 : settings.failureProbability(funding.nextRoundStatus());
            failedAfter[c] = cut == null ? Long.MAX_VALUE : cut.toEpochDay();
            if (failure[c] > 0) {
                fragile.add(c);
            }
        }
        int[] fragileClients = fragile.stream().mapToInt(Integer::intValue).toArray();

        int n = open.size();
        long[] amount = new long[n];
        long[] due = new long[n];
        long[] noneFrom = new long[n];
        int[] clientOf = new int[n];
        int[] baseWeek = new int[n];
        for (int i = 0; i < n; i++) {
            Receivable r = open.get(i);
            Scenario.ClientAdjustment adjustment = scenario.adjustments().get(r.clientId());
            LocalDate dueDate = r.dueDate();
            if (adjustment != null && adjustment.paymentTermsDays() != null && r.issueDate() != null) {
                dueDate = r.issueDate().plusDays(adjustment.paymentTermsDays());
            }
            amount[i] = r.balance().minorUnits();
            due[i] = dueDate.toEpochDay() + (adjustment == null ? 0 : adjustment.extraDelayDays());
            noneFrom[i] = adjustment == null || adjustment.defaultFrom() == null ? Long.MAX_VALUE
                    : adjustment.defaultFrom().toEpochDay();
            clientOf[i] = index.get(r.clientId());
            LocalDate expected = CashForecaster.expectedPayment(r, in, scenario);
            baseWeek[i] = expected == null ? -1 : week(Math.max(expected.toEpochDay(), startDay), firstMonday, endDay);
        }

        // Receivables whose date is certain (one possible delay, a client that cannot fail, no default date) are
        // placed once. The others are drawn in each path: the plain ones in a lean loop over flat arrays, those
        // of a client that may fail or with a default date apart.
        int[] offset = new int[clients];
        int poolSize = 0;
        for (int c = 0; c < clients; c++) {
            offset[c] = poolSize;
            poolSize += history[c].length;
        }
        int[] pool = new int[poolSize];
        for (int c = 0; c < clients; c++) {
            System.arraycopy(history[c], 0, pool, offset[c], history[c].length);
        }
        long[] fixedInflow = new long[weeks];
        int[] pathWeek = new int[n];
        int[] plain = new int[n];
        int[] special = new int[n];
        int plainCount = 0;
        int specialCount = 0;
        for (int i = 0; i < n; i++) {
            int c = clientOf[i];
            boolean certainClient = failure[c] == 0 && noneFrom[i] == Long.MAX_VALUE;
            if (due[i] + Arrays.stream(history[c]).min().getAsInt() > endDay) {
                pathWeek[i] = -1; // after the horizon whatever the delay drawn: nothing to draw
            } else if (certainClient && history[c].length == 1) {
                int w = week(Math.max(due[i] + history[c][0], startDay), firstMonday, endDay);
                pathWeek[i] = w;
                if (w >= 0) {
                    fixedInflow[w] = Math.addExact(fixedInflow[w], amount[i]);
                }
            } else if (certainClient) {
                plain[plainCount++] = i;
            } else {
                special[specialCount++] = i;
            }
        }
        long[] plainDue = new long[plainCount];
        long[] plainAmount = new long[plainCount];
        int[] plainOffset = new int[plainCount];
        int[] plainLength = new int[plainCount];
        for (int k = 0; k < plainCount; k++) {
            int i = plain[k];
            plainDue[k] = due[i] - firstMonday; // days from the first Monday, before the delay
            plainAmount[k] = amount[i];
            plainOffset[k] = offset[clientOf[i]];
            plainLength[k] = history[clientOf[i]].length;
        }
        long lastDay = endDay - firstMonday;

        long[] closing = new long[weeks * paths]; // week by week, each week's paths side by side
        int[] under = new int[weeks];
        int[] firstUnder = new int[paths];
        long shortfallSum = 0;
        long[] missing = new long[clients];
        int badPaths = 0;
        long[] inflow = new long[weeks];
        boolean[] failed = new boolean[clients];
        SplittableRandom root = new SplittableRandom(seed);
        for (int p = 0; p < paths; p++) {
            if (stop.getAsBoolean()) {
                throw new Computations.Stopped();
            }
            Computations.checkpoint();
            SplittableRandom random = root.split();
            System.arraycopy(fixedInflow, 0, inflow, 0, weeks);
            for (int c : fragileClients) {
                failed[c] = random.nextDouble() < failure[c];
            }
            for (int k = 0; k < plainCount; k++) {
                long day = plainDue[k] + pool[plainOffset[k] + draw(random, plainLength[k])];
                // before the as-of date (in the first week): expected on the as-of date, in the first week
                int w = day > lastDay ? -1 : day < 0 ? 0 : (int) (day / 7);
                pathWeek[plain[k]] = w;
                if (w >= 0) {
                    inflow[w] = Math.addExact(inflow[w], plainAmount[k]);
                }
            }
            for (int k = 0; k < specialCount; k++) {
                int i = special[k];
                int c = clientOf[i];
                long day = due[i] + pool[offset[c] + draw(random, history[c].length)];
                int w = day >= noneFrom[i] || (failed[c] && day > failedAfter[c]) ? -1
                        : week(Math.max(day, startDay), firstMonday, endDay);
                pathWeek[i] = w;
                if (w >= 0) {
                    inflow[w] = Math.addExact(inflow[w], amount[i]);
                }
            }
            for (UncertainInflows source : uncertain) {
                source.draw(random, inflow);
            }
            long balance = opening;
            long lowest = Long.MAX_VALUE;
            int first = -1;
            for (int w = 0; w < weeks; w++) {
                balance = Math.subtractExact(Math.addExact(balance, inflow[w]), outflow[w]);
                closing[w * paths + p] = balance;
                lowest = Math.min(lowest, balance);
                if (balance < threshold) {
                    under[w]++;
                    if (first < 0) {
                        first = w;
                    }
                }
            }
            firstUnder[p] = first;
            shortfallSum = Math.addExact(shortfallSum, Math.max(0, threshold - lowest));
            if (first >= 0) {
                badPaths++;
                for (int i = 0; i < n; i++) {
                    boolean inBase = baseWeek[i] >= 0 && baseWeek[i] <= first;
                    boolean inPath = pathWeek[i] >= 0 && pathWeek[i] <= first;
                    if (inBase != inPath) {
                        missing[clientOf[i]] += inBase ? amount[i] : -amount[i];
                    }
                }
            }
        }

        List<CashRisk.Week> result = new ArrayList<>(weeks);
        for (int w = 0; w < weeks; w++) {
            // each week's paths sorted where they lie (read no more after this), not copied out first: the same
            // percentiles without a second array of every closing balance (issue 20)
            int from = w * paths;
            Arrays.sort(closing, from, from + paths);
            result.add(new CashRisk.Week(base.weeks().get(w).monday(),
                    new Money(closing[from + rank(10, paths)], currency),
                    new Money(closing[from + rank(50, paths)], currency),
                    new Money(closing[from + rank(90, paths)], currency),
                    base.weeks().get(w).closing(), (double) under[w] / paths));
        }
        return new CashRisk(start, paths, seed, in.safetyThreshold(), base.opening(), result,
                within(firstUnder, 13, weeks), within(firstUnder, 26, weeks), within(firstUnder, 52, weeks),
                new Money(Math.round((double) shortfallSum / paths), currency),
                weights(in, clientIds, missing, badPaths, currency));
    }

    /** The index of the nearest-rank percentile in a sorted array of {@code n}: ⌈pct × n / 100⌉ − 1. */
    static int rank(int percent, int n) {
        return (int) ((long) percent * n + 99) / 100 - 1;
    }

    /**
     * A uniform index below {@code bound} from one 32-bit draw, by multiplication instead of the division of
     * {@link SplittableRandom#nextInt(int)}: the hot loop's cost. Its bias, at most bound / 2³² per index, is
     * far below the sampling error of any number of paths.
     */
    static int draw(SplittableRandom random, int bound) {
        return (int) (((random.nextInt() & 0xFFFF_FFFFL) * bound) >>> 32);
    }

    private static int week(long day, long firstMonday, long endDay) {
        return day > endDay ? -1 : (int) ((day - firstMonday) / 7);
    }

    private static Double within(int[] firstUnder, int weeks, int horizon) {
        if (weeks > horizon) {
            return null;
        }
        int count = 0;
        for (int first : firstUnder) {
            if (first >= 0 && first < weeks) {
                count++;
            }
        }
        return (double) count / firstUnder.length;
    }

    private static List<CashRisk.ClientWeight> weights(ForecastInput in, List<ClientId> clientIds, long[] missing,
                                                       int badPaths, java.util.Currency currency) {
        if (badPaths == 0) {
            return List.of();
        }
        long total = 0;
        for (long m : missing) {
            total += Math.max(0, m);
        }
        List<CashRisk.ClientWeight> weights = new ArrayList<>();
        for (int c = 0; c < missing.length; c++) {
            ForecastInput.ClientProfile profile = in.clients().get(clientIds.get(c));
            if (missing[c] > 0 && profile != null) {
                weights.add(new CashRisk.ClientWeight(profile.client(),
                        new Money(Math.round((double) missing[c] / badPaths), currency), (double) missing[c] / total));
            }
        }
        weights.sort(Comparator.comparingDouble(CashRisk.ClientWeight::share).reversed()
                .thenComparing(w -> w.client().name()));
        return List.copyOf(weights.subList(0, Math.min(TOP_CLIENTS, weights.size())));
    }

    /**
     * Each client's delays to draw from, in days (paid date − due date): its last
     * {@value PaymentDelayModel#HISTORY} paid invoices; with fewer than {@value PaymentDelayModel#MINIMUM_HISTORY},
     * the segment's default distribution — the pooled delays of every client of the same segment that has
     * a history of its own, or, with none, the agency's default delay for the segment alone.
     */
    public static Map<ClientId, int[]> delayHistories(AgencySettings settings, List<Client> clients,
                                                      List<PaidDates> paid) {
        Map<ClientId, int[]> own = ownHistories(clients, paid);
        Map<Segment, int[]> defaults = segmentDelays(settings, clients, paid);
        Map<ClientId, int[]> result = new HashMap<>();
        for (Client client : clients) {
            result.put(client.id(), own.getOrDefault(client.id(), defaults.get(client.segment())));
        }
        return result;
    }

    /**
     * Each segment's default distribution (the delays a client of the segment with fewer than
     * {@value PaymentDelayModel#MINIMUM_HISTORY} paid invoices draws from): the pooled delays of the clients of
     * the segment that have a history of their own, or the agency's default delay for the segment alone. A
     * prospect of the pipeline draws from it (ADR 55).
     */
    public static Map<Segment, int[]> segmentDelays(AgencySettings settings, List<Client> clients,
                                                    List<PaidDates> paid) {
        Map<ClientId, int[]> own = ownHistories(clients, paid);
        Map<Segment, List<int[]>> pools = new EnumMap<>(Segment.class);
        for (Client client : clients) {
            int[] delays = own.get(client.id());
            if (delays != null) {
                pools.computeIfAbsent(client.segment(), s -> new ArrayList<>()).add(delays);
            }
        }
        Map<Segment, int[]> defaults = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            List<int[]> pool = pools.getOrDefault(segment, List.of());
            // sorted: a uniform draw does not care in which order the delays lie, so the pool is the same whatever
            // order the clients came in
            defaults.put(segment, pool.isEmpty() ? new int[] {settings.defaultPaymentDelayDays().get(segment)}
                    : pool.stream().flatMapToInt(Arrays::stream).sorted().toArray());
        }
        return defaults;
    }

    private static Map<ClientId, int[]> ownHistories(List<Client> clients, List<PaidDates> paid) {
        Map<ClientId, List<PaidDates>> byClient = new HashMap<>();
        for (PaidDates p : paid) {
            byClient.computeIfAbsent(p.clientId(), k -> new ArrayList<>()).add(p);
        }
        Map<ClientId, int[]> own = new HashMap<>();
        for (Client client : clients) {
            List<PaidDates> history = byClient.getOrDefault(client.id(), List.of());
            if (history.size() < PaymentDelayModel.MINIMUM_HISTORY) {
                continue;
            }
            // newest payment first; the same day's in the order the reads give them (invoice, newest first), as
            // their LIMIT chose them
            int[] delays = history.stream().sorted(Comparator.comparing(PaidDates::paidDate).reversed())
                    .limit(PaymentDelayModel.HISTORY)
                    .mapToInt(p -> Math.toIntExact(ChronoUnit.DAYS.between(p.dueDate(), p.paidDate()))).toArray();
            own.put(client.id(), delays);
        }
        return own;
    }
}
