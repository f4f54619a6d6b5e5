package io.cordee.core.cash;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Receivable;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Computations;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/**
 * Use cases of cash: bank accounts and their balances, overheads and one-off expenses, the weekly forecast under a
 * scenario, a client's exposure and a project's time to first cash. OWNER and FINANCE only.
 */
public final class CashService {

    private final CashRepository cash;
    private final BillingRepository billing;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final TeamMemberRepository members;
    private final AllocationRepository allocations;
    private final AgencyRepository agencies;
    private final IdGenerator ids;
    private final java.time.Clock clock;
    private final Computations computations;
    private final CashPictureRepository pictures;
    private final CashPictureCache pictureCache;

    public CashService(CashRepository cash, BillingRepository billing, ClientRepository clients,
                       ProjectRepository projects, TeamMemberRepository members, AllocationRepository allocations,
                       AgencyRepository agencies, IdGenerator ids, java.time.Clock clock, Computations computations,
                       CashPictureRepository pictures, CashPictureCache pictureCache) {
        this.pictures = pictures;
        this.pictureCache = pictureCache;
        this.clock = clock;
        this.computations = computations;
        this.cash = cash;
        this.billing = billing;
        this.clients = clients;
        this.projects = projects;
        this.members = members;
        this.allocations = allocations;
        this.agencies = agencies;
        this.ids = ids;
    }

    /**
     * Records the balance of one account at the end of a day (replacing one recorded for that account and
     * day). A balance is a fact: a date after the agency's today is refused. Without an account, the agency's
     * only open account is meant (created as "Main account" when it has none); with several open accounts
     * the account must be named.
     */
    public Mono<BankBalance> recordBalance(Caller caller, BankAccountId accountId, LocalDate date, Money amount) {
        return money(caller).then(Mono.fromCallable(() -> new RecordBankBalanceCommand(accountId, date, amount)))
                .flatMap(command -> recordBalance(caller, command));
    }

    /**
     * Records a balance: see {@link #recordBalance(Caller, BankAccountId, LocalDate, Money)}. The command holds
     * the rules of its own fields; the agency's currency and today are checked here.
     */
    public Mono<BankBalance> recordBalance(Caller caller, RecordBankBalanceCommand command) {
        BankAccountId accountId = command.accountId();
        LocalDate date = command.date();
        Money amount = command.amount();
        return money(caller).then(agency(caller)).flatMap(agency -> {
            LocalDate today = today(agency);
            new Validator()
                    .check(amount.currency().equals(agency.settings().currency()), "amount",
                            "must be in the agency's currency", ErrorCode.INVALID_FORMAT)
                    .check(!date.isAfter(today), "date",
                            "is in the future: a balance is recorded once known (today is " + today + ")",
                            ErrorCode.OUT_OF_RANGE)
                    .throwIfInvalid();
            return account(caller, agency, accountId)
                    .flatMap(account -> cash.saveBalance(caller.agencyId(),
                            new BankBalance(null, account.id(), date, amount)));
        });
    }

    /** Kept for the demo and older callers: the agency's only account. */
    public Mono<BankBalance> recordBalance(Caller caller, LocalDate date, Money amount) {
        return recordBalance(caller, null, date, amount);
    }

    private Mono<BankAccount> account(Caller caller, Agency agency, BankAccountId accountId) {
        return cash.accounts(caller.agencyId()).collectList().flatMap(all -> {
            if (accountId != null) {
                return Mono.just(BankAccount.chosen(all, accountId, "record a balance"));
            }
            List<BankAccount> open = all.stream().filter(a -> !a.archived()).toList();
            if (open.size() > 1) {
                throw InvalidInput.of("accountId", "choose the account: the agency has " + open.size()
                        + " open bank accounts", ErrorCode.REQUIRED);
            }
            if (open.size() == 1) {
                return Mono.just(open.get(0));
            }
            boolean nameTaken = all.stream().anyMatch(a -> a.name().equalsIgnoreCase(BankAccount.DEFAULT_NAME));
            return cash.insertAccount(caller.agencyId(), new BankAccount(new BankAccountId(ids.newId()),
                    nameTaken ? BankAccount.DEFAULT_NAME + " " + (all.size() + 1) : BankAccount.DEFAULT_NAME, null,
                    agency.settings().currency(), false, 0));
        });
    }

    /** Recorded balances, newest first: one account's, or every account's when {@code accountId} is null. */
    public Mono<Page<BankBalance>> balances(Caller caller, BankAccountId accountId, PageRequest page) {
        return money(caller).then(cash.balances(caller.agencyId(), accountId, page));
    }

    public Mono<Page<BankBalance>> balances(Caller caller, PageRequest page) {
        return balances(caller, null, page);
    }

    /** Deletes a balance recorded by mistake. */
    public Mono<Boolean> deleteBalance(Caller caller, UUID id) {
        return money(caller).then(cash.deleteBalance(caller.agencyId(), id))
                .flatMap(deleted -> deleted ? Mono.just(true) : Mono.error(new NotFound("BankBalance", id)));
    }

    /** The agency's bank accounts by name, archived ones included. */
    public Mono<List<BankAccount>> accounts(Caller caller) {
        return money(caller).then(cash.accounts(caller.agencyId()).collectList());
    }

    public Mono<BankAccount> account(Caller caller, BankAccountId id) {
        return money(caller).then(cash.accounts(caller.agencyId()).filter(a -> a.id().equals(id)).next());
    }

    /** Each account's latest balance, whatever its date, by account. */
    public Mono<Map<BankAccountId, BankBalance>> latestBalances(Caller caller, List<BankAccountId> accountIds) {
        return money(caller).then(cash.latestBalances(caller.agencyId(), accountIds)
                .collectMap(BankBalance::accountId, b -> b));
    }

    public Mono<BankAccount> createAccount(Caller caller, String name, String label) {
        return money(caller).then(Mono.fromCallable(() -> new CreateBankAccountCommand(name, label)))
                .flatMap(command -> createAccount(caller, command));
    }

    /** Opens a bank account; the command holds the rules of its fields, the name's uniqueness is checked here. */
    public Mono<BankAccount> createAccount(Caller caller, CreateBankAccountCommand command) {
        return money(caller).then(agency(caller)).flatMap(agency -> cash.accounts(caller.agencyId()).collectList()
                .flatMap(all -> {
                    uniqueName(command.name(), all, null);
                    return cash.insertAccount(caller.agencyId(), new BankAccount(new BankAccountId(ids.newId()),
                            command.name(), command.label(), agency.settings().currency(), false, 0));
                }));
    }

    /**
     * Renames, relabels, archives or restores an account (null: unchanged; an empty label removes it), if
     * its version is still {@code version}.
     */
    public Mono<BankAccount> updateAccount(Caller caller, BankAccountId id, long version, String name, String label,
                                           Boolean archived) {
        return money(caller).then(cash.accounts(caller.agencyId()).collectList()).flatMap(all -> {
            BankAccount current = all.stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFound("BankAccount", id.value()));
            // the merged fields pass the rules of a new account (ADR 79), then the name is unique
            CreateBankAccountCommand merged = new CreateBankAccountCommand(name == null ? current.name() : name,
                    label == null ? current.label() : label);
            BankAccount next = new BankAccount(id, merged.name(), merged.label(), current.currency(),
                    archived == null ? current.archived() : archived, version);
            uniqueName(next.name(), all, id);
            return cash.updateAccount(caller.agencyId(), next)
                    .switchIfEmpty(Mono.error(() -> new Conflict("BankAccount", version)));
        });
    }

    /** The account's name (stripped, its command's) unique among the agency's other accounts. */
    private static void uniqueName(String name, List<BankAccount> all, BankAccountId self) {
        new Validator()
                .check(all.stream().noneMatch(a -> !a.id().equals(self) && a.name().equalsIgnoreCase(name)), "name",
                        "another bank account has this name", ErrorCode.DUPLICATE)
                .throwIfInvalid();
    }

    public Mono<List<Overhead>> overheads(Caller caller) {
        return money(caller).then(cash.overheads(caller.agencyId()).collectList());
    }

    public Mono<Overhead> addOverhead(Caller caller, String label, Money monthly, int dayOfMonth, LocalDate from,
                                      LocalDate to) {
        return money(caller).then(Mono.fromCallable(() -> new CreateOverheadCommand(label, monthly, dayOfMonth, from,
                to))).flatMap(command -> addOverhead(caller, command));
    }

    public Mono<Overhead> addOverhead(Caller caller, CreateOverheadCommand command) {
        return money(caller).then(Mono.fromCallable(() -> new Overhead(new OverheadId(ids.newId()), command.label(),
                        command.monthlyAmount(), command.dayOfMonth(), command.startDate(), command.endDate(), 0)))
                .flatMap(o -> cash.insertOverhead(caller.agencyId(), o));
    }

    public Mono<Overhead> updateOverhead(Caller caller, OverheadId id, long version, String label, Money monthly,
                                         Integer dayOfMonth, LocalDate from, LocalDate to) {
        return updateOverhead(caller, id, version, label, monthly, dayOfMonth, from, to, false);
    }

    /** The same; {@code clearEnd} removes the end date (the overhead runs on), whatever {@code to} says. */
    public Mono<Overhead> updateOverhead(Caller caller, OverheadId id, long version, String label, Money monthly,
                                         Integer dayOfMonth, LocalDate from, LocalDate to, boolean clearEnd) {
        return money(caller).then(cash.overheads(caller.agencyId()).filter(o -> o.id().equals(id)).next())
                .switchIfEmpty(Mono.error(() -> new NotFound("Overhead", id.value())))
                .flatMap(current -> {
                    Overhead next = new Overhead(id, label == null ? current.label() : label.strip(),
                            monthly == null ? current.monthlyAmount() : monthly,
                            dayOfMonth == null ? current.dayOfMonth() : dayOfMonth,
                            from == null ? current.from() : from,
                            clearEnd ? null : to == null ? current.to() : to, version);
                    // a changed overhead passes the rules of a new one
                    new CreateOverheadCommand(next.label(), next.monthlyAmount(), next.dayOfMonth(), next.from(),
                            next.to());
                    return cash.updateOverhead(caller.agencyId(), next)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Overhead", version)));
                });
    }

    public Mono<Boolean> deleteOverhead(Caller caller, OverheadId id, long version) {
        return money(caller).then(cash.deleteOverhead(caller.agencyId(), id, version))
                .flatMap(deleted -> deleted ? Mono.just(true) : Mono.error(new Conflict("Overhead", version)));
    }

    public Mono<OneOffExpense> addOneOff(Caller caller, String label, LocalDate date, Money amount) {
        return money(caller).then(Mono.fromCallable(() -> new CreateOneOffExpenseCommand(label, date, amount)))
                .flatMap(command -> addOneOff(caller, command));
    }

    public Mono<OneOffExpense> addOneOff(Caller caller, CreateOneOffExpenseCommand command) {
        return money(caller).then(Mono.fromCallable(() -> new OneOffExpense(ids.newId(), command.label(),
                        command.date(), command.amount())))
                .flatMap(e -> cash.insertOneOff(caller.agencyId(), e));
    }

    /** Changes a one-off expense (null: unchanged) if its version is still {@code version}. */
    public Mono<OneOffExpense> updateOneOff(Caller caller, UUID id, long version, String label, LocalDate date,
                                            Money amount) {
        return money(caller).then(cash.findOneOff(caller.agencyId(), id))
                .switchIfEmpty(Mono.error(() -> new NotFound("OneOffExpense", id)))
                .flatMap(current -> {
                    OneOffExpense next = new OneOffExpense(id, label == null ? current.label() : label.strip(),
                            date == null ? current.date() : date, amount == null ? current.amount() : amount, version);
                    // a changed expense passes the rules of a new one
                    new CreateOneOffExpenseCommand(next.label(), next.date(), next.amount());
                    return cash.updateOneOff(caller.agencyId(), next)
                            .switchIfEmpty(Mono.error(() -> new Conflict("OneOffExpense", version)));
                });
    }

    public Mono<List<OneOffExpense>> oneOffs(Caller caller, LocalDate from, LocalDate to) {
        return money(caller).then(cash.oneOffs(caller.agencyId(), from, to).collectList());
    }

    public Mono<Boolean> deleteOneOff(Caller caller, UUID id) {
        return money(caller).then(cash.deleteOneOff(caller.agencyId(), id))
                .flatMap(deleted -> deleted ? Mono.just(true) : Mono.error(new NotFound("OneOffExpense", id)));
    }

    /**
     * The weekly forecast from {@code asOf} (null: today in the agency's time zone); nothing is written,
     * whatever the scenario.
     */
    public Mono<CashForecast> forecast(Caller caller, LocalDate asOf, int horizonWeeks, Scenario scenario) {
        return caller.command(Caller.MONEY_ROLES, "see or change cash",
                        () -> new CashForecastCommand(asOf, horizonWeeks, scenario, false))
                .flatMap(command -> forecast(caller, command));
    }

    /** The weekly forecast the command asks for (its pipeline flag is {@code PipelineService}'s to read). */
    public Mono<CashForecast> forecast(Caller caller, CashForecastCommand command) {
        return money(caller).then(versionedAgency(caller))
                .flatMap(agency -> picture(agency, command.asOf() == null ? today(agency.agency()) : command.asOf(),
                        command.scenario()))
                .flatMap(picture -> computations.run(() -> picture.forecast(command.horizonWeeks(),
                        command.scenario())));
    }

    /**
     * What an answer derived from the caller's agency data depends on besides the question (ADR 91): the agency's
     * data version, which every write of it moves on any instance (ADR 47), and today in its time zone, the as-of
     * of a question that names none. One small statement. No role check: it reveals no figure, and the answer it
     * keys is computed (and checked) by the use case itself.
     */
    public Mono<DataVersion> dataVersion(Caller caller) {
        return versionedAgency(caller).map(a -> new DataVersion(a.agency().id(), a.dataVersion(),
                a.agency().settings().timeZone(), today(a.agency())));
    }

    /** An agency's data version, its time zone, and its today by the application's clock, read together. */
    public record DataVersion(io.cordee.core.agency.AgencyId agencyId, long version, java.time.ZoneId zone,
                              LocalDate today) {
    }

    /** Today in the agency's time zone. */
    public LocalDate today(Agency agency) {
        return LocalDate.now(clock.withZone(agency.settings().timeZone()));
    }

    /**
     * The agency's cash picture on {@code asOf}: what every money derivation reads (the forecast, exposures,
     * time to first cash, the alert rules, proposals), remembered per data version (ADR 47): one small
     * statement when nothing changed since it was loaded. No role check: callers check.
     */
    public Mono<AgencyCashPicture> picture(Agency agency, LocalDate asOf) {
        return pictures.dataVersion(agency.id()).flatMap(version -> pictureCache.get(agency.id(), version, asOf,
                () -> pictures.load(agency, asOf)));
    }

    /** The same for the caller's agency, read with its data version in one statement. No role check. */
    public Mono<AgencyCashPicture> picture(Caller caller, LocalDate asOf) {
        return versionedAgency(caller).flatMap(agency -> picture(agency, asOf));
    }

    private Mono<AgencyCashPicture> picture(CashPictureRepository.VersionedAgency agency, LocalDate asOf) {
        return pictureCache.get(agency.agency().id(), agency.dataVersion(), asOf,
                () -> pictures.load(agency.agency(), asOf));
    }

    /**
     * The picture a forecast under {@code scenario} needs: a forecast picture (ADR 47), unless the scenario
     * re-plans a client's billing, which reads its projects and allocations — or a complete picture already
     * remembered for the same version and date.
     */
    private Mono<AgencyCashPicture> picture(CashPictureRepository.VersionedAgency agency, LocalDate asOf,
                                            Scenario scenario) {
        if (replansBilling(scenario)) {
            return picture(agency, asOf);
        }
        return pictureCache.get(agency.agency().id(), agency.dataVersion(), asOf, false,
                () -> pictures.loadForecast(agency.agency(), asOf));
    }

    private Mono<AgencyCashPicture> forecastPicture(Agency agency, LocalDate asOf, Scenario scenario) {
        if (replansBilling(scenario)) {
            return picture(agency, asOf);
        }
        return pictures.dataVersion(agency.id()).flatMap(version -> pictureCache.get(agency.id(), version, asOf,
                false, () -> pictures.loadForecast(agency, asOf)));
    }

    private static boolean replansBilling(Scenario scenario) {
        return scenario.changesBilling();
    }

    private Mono<CashPictureRepository.VersionedAgency> versionedAgency(Caller caller) {
        return pictures.agency(caller.agencyId())
                .switchIfEmpty(Mono.error(() -> new NotFound("Agency", caller.agencyId().value())));
    }

    /**
     * The base forecast's input as of a date (also read by the early warnings); an {@link InvalidInput}
     * on {@code asOf} when no bank balance is recorded before it. No role check: callers check.
     */
    public Mono<ForecastInput> input(Caller caller, LocalDate asOf, int horizonWeeks) {
        return agency(caller).flatMap(agency -> input(caller, agency, asOf, horizonWeeks));
    }

    /**
     * The same for an agency already read, for a use case that runs several scenarios over the same facts
     * in memory, such as a renegotiation proposal. No role check: callers check.
     */
    public Mono<ForecastInput> input(Caller caller, Agency agency, LocalDate asOf, int horizonWeeks) {
        return input(caller, agency, asOf, horizonWeeks, Scenario.BASE);
    }

    /** The forecast's input under {@code scenario}, derived from the agency's cash picture. */
    Mono<ForecastInput> input(Caller caller, Agency agency, LocalDate asOf, int horizonWeeks, Scenario scenario) {
        return forecastPicture(agency, asOf, scenario)
                .flatMap(picture -> computations.run(() -> picture.input(horizonWeeks, scenario)));
    }

    /** A client's exposure week by week from {@code asOf}, with the cash expected under the base scenario. */
    public Mono<Exposure.Series> exposure(Caller caller, ClientId clientId, LocalDate asOf, int weeks) {
        return exposurePicture(caller, asOf, weeks)
                // the picture holds every client, archived ones included
                .filter(picture -> picture.clients().stream().anyMatch(c -> c.id().equals(clientId)))
                .switchIfEmpty(Mono.error(() -> new NotFound("Client", clientId.value())))
                .flatMap(picture -> computations.run(() -> picture.exposure(clientId, weeks, Scenario.BASE)));
    }

    /**
     * The exposure of each of these clients from {@code asOf} over {@code weeks} under the base scenario, as
     * {@link #exposure} gives it one by one, from one picture: what the clients list asks for a page of clients
     * (ADR 54), so its statements do not grow with the page. A client not in the agency is left out.
     */
    public Mono<Map<ClientId, Exposure.Series>> exposuresOf(Caller caller, java.util.Collection<ClientId> clientIds,
                                                            LocalDate asOf, int weeks) {
        return exposurePicture(caller, asOf, weeks).flatMap(picture -> computations.run(() -> {
            java.util.Set<ClientId> wanted = new java.util.HashSet<>(clientIds);
            Map<ClientId, Exposure.Series> result = new java.util.HashMap<>();
            // the picture holds every client, archived ones included
            picture.clients().stream().map(Client::id).filter(wanted::contains)
                    .forEach(id -> result.put(id, picture.exposure(id, weeks, Scenario.BASE)));
            return result;
        }));
    }

    /**
     * Every client's exposure from {@code asOf} over {@code weeks} under the base scenario, from one picture:
     * the clients with staff allocated to their projects (the others have none).
     */
    public Mono<Map<ClientId, Exposure.Series>> exposures(Caller caller, LocalDate asOf, int weeks) {
        return exposurePicture(caller, asOf, weeks)
                .flatMap(picture -> computations.run(() -> picture.exposures(weeks)));
    }

    /**
     * The caller's role, then the exposure's command (ADR 79: a caller without money is refused before the weeks),
     * then the picture as of its day.
     */
    private Mono<AgencyCashPicture> exposurePicture(Caller caller, LocalDate asOf, int weeks) {
        return caller.command(Caller.MONEY_ROLES, "see or change cash", () -> new ExposureCommand(asOf, weeks))
                .flatMap(command -> picture(caller, command.asOf()));
    }

    /**
     * Days from each project's start to its first receipt: the first payment received, or else the first
     * expected under the base scenario. Absent for a project that is expected to bring no cash.
     */
    public Mono<Map<ProjectId, Long>> timeToFirstCash(Caller caller, List<Project> projectList, LocalDate asOf) {
        if (!caller.seesMoney() || projectList.isEmpty()) {
            return Mono.just(Map.of());
        }
        return picture(caller, asOf).flatMap(picture -> computations.run(() -> picture.timeToFirstCash(projectList)));
    }

    private Mono<Caller> money(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see or change cash"));
    }

    private Mono<Agency> agency(Caller caller) {
        return agencies.existing(caller.agencyId());
    }
}
