package io.cordee.core.deal;

import io.cordee.core.agency.AgencyService;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashForecastCommand;
import io.cordee.core.cash.CashForecaster;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.common.Computations;
import io.cordee.core.identity.Caller;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The forecast with the pipeline (ADR 53): the base (or stress) forecast's own input plus the open deals'
 * probability-weighted billing. Its own use case, so that {@code cash} does not depend on {@code deal}.
 */
public final class PipelineService {

    private final DealRepository deals;
    private final CashService cash;
    private final AgencyService agencies;
    private final Computations computations;
    private final io.cordee.core.staffing.StaffingService staffing;
    private final io.cordee.core.staffing.TeamMemberRepository members;
    private final io.cordee.core.agency.AgencyRepository agencyRepository;

    public PipelineService(DealRepository deals, CashService cash, AgencyService agencies, Computations computations,
                           io.cordee.core.staffing.StaffingService staffing,
                           io.cordee.core.staffing.TeamMemberRepository members,
                           io.cordee.core.agency.AgencyRepository agencyRepository) {
        this.staffing = staffing;
        this.members = members;
        this.agencyRepository = agencyRepository;
        this.deals = deals;
        this.cash = cash;
        this.agencies = agencies;
        this.computations = computations;
    }

    public Mono<CashForecast> forecast(Caller caller, LocalDate asOf, int horizonWeeks, Scenario scenario) {
        return caller.command(Caller.MONEY_ROLES, "see the forecast",
                        () -> new CashForecastCommand(asOf, horizonWeeks, scenario, true))
                .flatMap(command -> forecast(caller, command));
    }

    /** The forecast the command asks for, with the open deals weighed in (whatever its pipeline flag says). */
    public Mono<CashForecast> forecast(Caller caller, CashForecastCommand command) {
        Scenario scenario = command.scenario();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see the forecast"))
                .then(agencies.current(caller))
                .flatMap(agency -> {
                    LocalDate day = command.asOf() == null ? cash.today(agency) : command.asOf();
                    return Mono.zip(cash.input(caller, agency, day, command.horizonWeeks()),
                                    deals.findOpen(caller.agencyId()).collectList())
                            .flatMap(t -> computations.run(() -> CashForecaster.forecast(
                                    Pipeline.withPipeline(t.getT1(), t.getT2(), agency.settings()), scenario)));
                });
    }

    /**
     * Capacity month by month with the pipeline: booked, weighted pipeline and available person-days. Staff
     * (a LEAD plans people): days, no money. The months are {@code StaffingService.capacity}'s (same bounds).
     */
    public Mono<List<Pipeline.MonthLoad>> capacity(Caller caller, java.time.YearMonth first, int months) {
        return staffing.capacity(caller, first, months).flatMap(booked -> {
            LocalDate from = first.atDay(1);
            LocalDate to = first.plusMonths(months - 1).atEndOfMonth();
            return Mono.zip(members.findAll(caller.agencyId()).collectMap(m -> m.id(), m -> m),
                            agencyRepository.holidays(caller.agencyId(), from, to).collect(java.util.stream.Collectors.toSet()),
                            deals.findOpen(caller.agencyId()).collectList())
                    .flatMap(t -> computations.run(() -> Pipeline.capacity(booked, t.getT3(), t.getT1(),
                            new io.cordee.core.staffing.WorkingCalendar(t.getT2()))));
        });
    }
}
