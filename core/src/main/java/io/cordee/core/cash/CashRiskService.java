package io.cordee.core.cash;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.Computations;
import io.cordee.core.common.Conflict;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * Use cases of the probabilistic forecast (ADR 48): run it for a caller, run it for the early warnings,
 * read and change the agency's settings. It reads the same {@link ForecastInput} the deterministic
 * forecast reads, plus the clients' delay histories (one more statement), and runs {@link MonteCarlo} on
 * the computation scheduler, off the event loop; a cancelled request raises the flag its loop reads.
 */
public final class CashRiskService {

    /**
     * The seed when none is given: fixed, so that the cockpit and the daily alert evaluation read the
     * same paths, and a probability moves only when the agency's data does.
     */
    public static final long DEFAULT_SEED = 20_261_203L;
    /** CASH_RISK reads the probability within this many weeks. */
    public static final int ALERT_WEEKS = 13;

    private final CashService cash;
    private final BillingRepository billing;
    private final AgencyRepository agencies;
    private final CashRiskSettingsRepository settings;
    private final Computations computations;
    private final PipelineSource pipeline;

    public CashRiskService(CashService cash, BillingRepository billing, AgencyRepository agencies,
                           CashRiskSettingsRepository settings, Computations computations) {
        this(cash, billing, agencies, settings, computations, PipelineSource.NONE);
    }

    /** With the pipeline's open deals, each won with its probability in each path (ADR 55). */
    public CashRiskService(CashService cash, BillingRepository billing, AgencyRepository agencies,
                           CashRiskSettingsRepository settings, Computations computations, PipelineSource pipeline) {
        this.pipeline = pipeline;
        this.cash = cash;
        this.billing = billing;
        this.agencies = agencies;
        this.settings = settings;
        this.computations = computations;
    }

    /**
     * The probabilistic forecast from {@code asOf} (null: today) over {@code horizonWeeks}, with
     * {@code paths} paths (null: {@value MonteCarlo#DEFAULT_PATHS}) and a seed (null: {@link #DEFAULT_SEED}).
     * OWNER and FINANCE only. Nothing is written.
     */
    public Mono<CashRisk> risk(Caller caller, LocalDate asOf, int horizonWeeks, Integer paths, Long seed,
                               Scenario scenario) {
        return caller.command(Caller.MONEY_ROLES, "see the cash forecast",
                        () -> CashRiskCommand.of(asOf, horizonWeeks, paths, seed))
                .flatMap(command -> risk(caller, command, scenario));
    }

    /** The probabilistic forecast under {@code scenario}: the command holds the rules of the question. */
    public Mono<CashRisk> risk(Caller caller, CashRiskCommand command, Scenario scenario) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see the cash forecast"))
                .then(agency(caller.agencyId()))
                .flatMap(agency -> run(caller, agency, command.asOf() == null ? cash.today(agency) : command.asOf(),
                        command.horizonWeeks(), command.paths(), command.seed(), scenario));
    }

    /** For the early warnings: the base scenario over {@value #ALERT_WEEKS} weeks, default paths and seed. */
    public Mono<CashRisk> forAlerts(AgencyId agencyId, LocalDate today) {
        Caller system = new Caller(new io.cordee.core.identity.UserId(new UUID(0, 0)), agencyId, Role.OWNER, null);
        return agency(agencyId).flatMap(agency -> run(system, agency, today, ALERT_WEEKS, MonteCarlo.DEFAULT_PATHS,
                DEFAULT_SEED, Scenario.BASE));
    }

    /** A Monte Carlo run for the early warnings and the settings it was read with (CASH_RISK reads both). */
    public record AlertRun(CashRisk risk, CashRiskSettings settings) {
    }

    /**
     * As {@link #forAlerts(AgencyId, LocalDate)}, over the agency cash picture the evaluation has already read
     * (issue 20): the forecast's input and the clients' delay histories are the picture's ({@link
     * AgencyCashPicture#paidHistory()} holds at least each client's last {@value PaymentDelayModel#HISTORY} paid
     * invoices, newest first, as {@code findLastPaidDates} reads them), so the run reads only the settings and the
     * pipeline, and the settings once. The same paths and the same result as the run that reads its facts: the
     * same input, histories, settings and seed. An {@link io.cordee.core.common.InvalidInput} without a bank balance.
     */
    public Mono<AlertRun> forAlerts(AgencyCashPicture picture) {
        Agency agency = picture.agency();
        return settings(agency.id()).flatMap(s -> run(agency, computations.run(() -> picture.input(ALERT_WEEKS,
                        Scenario.BASE)), Mono.just(picture.paidHistory()), Mono.just(s), MonteCarlo.DEFAULT_PATHS,
                DEFAULT_SEED, List.of(Scenario.BASE)).map(risks -> new AlertRun(risks.get(0), s)));
    }

    /**
     * The probabilistic forecast under each of {@code scenarios}, in their order, from {@code asOf} (null: today)
     * over {@code horizonWeeks}, default paths and the same {@code seed} for all (null: {@link #DEFAULT_SEED}), so
     * that two scenarios differ only by what they change — a renegotiation proposal's options (ADR 55). The facts
     * are read once (the complete cash picture, as the proposal reads them) and the custom scenarios applied to
     * them in memory, as {@code ProposalCalculator} does. OWNER and FINANCE only.
     */
    public Mono<List<CashRisk>> risks(Caller caller, LocalDate asOf, int horizonWeeks, Long seed,
                                      List<Scenario> scenarios) {
        return caller.command(Caller.MONEY_ROLES, "see the cash forecast",
                        () -> CashRiskCommand.of(asOf, horizonWeeks, null, seed))
                .flatMap(command -> risks(caller, command, scenarios));
    }

    /** The probabilistic forecast under each of {@code scenarios}, with the command's paths and seed. */
    public Mono<List<CashRisk>> risks(Caller caller, CashRiskCommand command, List<Scenario> scenarios) {
        int horizonWeeks = command.horizonWeeks();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see the cash forecast"))
                .then(agency(caller.agencyId()))
                .flatMap(agency -> {
                    LocalDate day = command.asOf() == null ? cash.today(agency) : command.asOf();
                    Mono<ForecastInput> input = cash.picture(agency, day)
                            .flatMap(picture -> computations.run(() -> picture.input(horizonWeeks, Scenario.BASE)));
                    return run(caller, agency, input, command.paths(), command.seed(), scenarios);
                });
    }

    private Mono<CashRisk> run(Caller caller, Agency agency, LocalDate asOf, int weeks, int paths, long seed,
                               Scenario scenario) {
        return run(caller, agency, cash.input(caller, agency, asOf, weeks, scenario), paths, seed, List.of(scenario))
                .map(risks -> risks.get(0));
    }

    private Mono<List<CashRisk>> run(Caller caller, Agency agency, Mono<ForecastInput> input, int paths, long seed,
                                     List<Scenario> scenarios) {
        return run(agency, input,
                billing.findLastPaidDates(caller.agencyId(), PaymentDelayModel.HISTORY).collectList(),
                settings(caller.agencyId()), paths, seed, scenarios);
    }

    private Mono<List<CashRisk>> run(Agency agency, Mono<ForecastInput> input, Mono<List<PaidDates>> paid,
                                     Mono<CashRiskSettings> settings, int paths, long seed, List<Scenario> scenarios) {
        AgencyId agencyId = agency.id();
        return Mono.zip(input, paid, settings)
                .flatMap(t -> {
                    List<io.cordee.core.client.Client> clients = t.getT1().clients().values().stream()
                            .map(ForecastInput.ClientProfile::client).toList();
                    Map<io.cordee.core.client.ClientId, int[]> histories =
                            MonteCarlo.delayHistories(agency.settings(), clients, t.getT2());
                    return pipeline.inflows(agencyId, t.getT1(), histories,
                                    MonteCarlo.segmentDelays(agency.settings(), clients, t.getT2()))
                            .flatMap(uncertain -> {
                                AtomicBoolean cancelled = new AtomicBoolean();
                                return computations.run(() -> scenarios.stream()
                                                .map(scenario -> MonteCarlo.simulate(t.getT1(), scenario, histories,
                                                        t.getT3(), paths, seed, uncertain, cancelled::get))
                                                .toList())
                                        .doOnCancel(() -> cancelled.set(true));
                            });
                });
    }

    /** The agency's settings (the defaults until changed). Staff of the agency. */
    public Mono<CashRiskSettings> settings(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the cash risk settings"))
                .then(settings(caller.agencyId()));
    }

    /** The settings of an agency, for the early warnings: no caller. */
    public Mono<CashRiskSettings> settingsOf(AgencyId agencyId) {
        return settings(agencyId);
    }

    Mono<CashRiskSettings> settings(AgencyId agencyId) {
        return settings.find(agencyId).defaultIfEmpty(CashRiskSettings.defaults());
    }

    /**
     * Changes the settings (OWNER and FINANCE): unset values keep theirs; {@code expectedVersion} is the
     * version read, null while the defaults were never saved. A stale version is a {@link Conflict}.
     */
    public Mono<CashRiskSettings> updateSettings(Caller caller, Long expectedVersion,
                                                 Map<RoundStatus, Integer> roundFailurePercent, Integer cashRiskPercent) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change the cash risk settings"))
                .then(settings(caller.agencyId()))
                .flatMap(current -> {
                    if (!java.util.Objects.equals(current.version(), expectedVersion)) {
                        return Mono.error(new Conflict("CashRiskSettings", expectedVersion == null ? -1 : expectedVersion));
                    }
                    java.util.EnumMap<RoundStatus, Integer> failure = new java.util.EnumMap<>(current.roundFailurePercent());
                    if (roundFailurePercent != null) {
                        failure.putAll(roundFailurePercent);
                    }
                    CashRiskSettings next = new CashRiskSettings(failure,
                            cashRiskPercent == null ? current.cashRiskPercent() : cashRiskPercent, expectedVersion);
                    return settings.save(caller.agencyId(), next, expectedVersion)
                            .switchIfEmpty(Mono.error(() -> new Conflict("CashRiskSettings",
                                    expectedVersion == null ? -1 : expectedVersion)));
                });
    }

    private Mono<Agency> agency(AgencyId agencyId) {
        return agencies.existing(agencyId);
    }
}
