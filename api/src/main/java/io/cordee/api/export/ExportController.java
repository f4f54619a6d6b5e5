package io.cordee.api.export;

import io.cordee.api.graphql.billing.BillingController;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.api.http.FileEndpointRefusals;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.billing.AgedReceivables;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Payment;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.DomainException;
import io.cordee.core.export.AgencyExportService;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectService;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Files beside {@code /graphql} (ADR 42): the forecast as CSV and XLSX, invoices, payments, aged receivables
 * and the clients' exposure as CSV. The numbers come from the services the GraphQL API uses, with their role
 * checks ({@code OWNER}/{@code FINANCE}); the caller is the browser session or a partner API token (any
 * scope: reads are open to every token, ADR 14), within its own agency only.
 *
 * <p>Refusals are JSON GraphQL-style errors, as on {@code /graphql}: 401 {@code UNAUTHORIZED} without a
 * caller, 403 {@code FORBIDDEN} for a role that may not read the numbers ({@code LEAD}, {@code CLIENT}),
 * 400 {@code BAD_REQUEST} naming the parameter for bad input.
 */
@RestController
public class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final CashService cash;
    private final BillingService billing;
    private final ClientService clients;
    private final ProjectService projects;
    private final AgencyService agencies;
    private final AgencyExportService agencyExport;
    private final Clock clock;

    public ExportController(CashService cash, BillingService billing, ClientService clients, ProjectService projects,
                            AgencyService agencies, AgencyExportService agencyExport, Clock clock) {
        this.agencyExport = agencyExport;
        this.clock = clock;
        this.cash = cash;
        this.billing = billing;
        this.clients = clients;
        this.projects = projects;
        this.agencies = agencies;
    }

    @GetMapping("/exports/forecast.csv")
    public Mono<ResponseEntity<byte[]>> forecastCsv(@RequestParam(required = false) String scenario,
                                                    @RequestParam(required = false) String weeks,
                                                    @RequestParam(required = false) String asOf,
                                                    @RequestParam(required = false) String sep) {
        return forecast(scenario, weeks, asOf, (agency, kind, table) -> file(agency, "forecast-" + kind, "csv",
                CsvFormat.write(table, separator(sep)), CSV));
    }

    @GetMapping("/exports/forecast.xlsx")
    public Mono<ResponseEntity<byte[]>> forecastXlsx(@RequestParam(required = false) String scenario,
                                                     @RequestParam(required = false) String weeks,
                                                     @RequestParam(required = false) String asOf) {
        return forecast(scenario, weeks, asOf, (agency, kind, table) -> file(agency, "forecast-" + kind, "xlsx",
                XlsxFormat.write(table), XLSX));
    }

    @GetMapping("/exports/invoices.csv")
    public Mono<ResponseEntity<byte[]>> invoicesCsv(@RequestParam(required = false) String sep) {
        return Callers.current().flatMap(caller -> {
            CsvFormat.Separator separator = separator(sep);
            return billing.allInvoices(caller).collectList().flatMap(invoices -> Mono.zip(
                            agencies.current(caller), clientsById(caller),
                            projects.findAll(caller, invoices.stream().map(Invoice::projectId).toList()))
                    .map(t -> {
                        ExportTable.Builder table = ExportTable.of("Invoices").text("invoice_id").text("number")
                                .text("client_id").text("client").text("project_id").text("project").text("label")
                                .text("status").date("issue_date").date("due_date").amount("amount")
                                .amount("paid").amount("balance_due").date("paid_date").text("currency");
                        for (Invoice i : invoices) {
                            Client client = t.getT2().get(i.clientId());
                            Project project = t.getT3().get(i.projectId());
                            table.row(GlobalId.of(BillingController.TYPE, i.id().value()), i.number(),
                                    GlobalId.of(ClientController.TYPE, i.clientId().value()),
                                    client == null ? null : client.name(),
                                    i.projectId() == null ? null : GlobalId.of(ProjectController.TYPE, i.projectId().value()),
                                    project == null ? null : project.name(), i.label(), i.status().name(),
                                    i.issueDate(), i.dueDate(), i.amount().amount(), i.paid().amount(),
                                    i.balanceDue().amount(), i.paidDate(), i.amount().currency().getCurrencyCode());
                        }
                        return logged(caller, "invoices", file(t.getT1(), "invoices", "csv",
                                CsvFormat.write(table.build(), separator), CSV));
                    }));
        });
    }

    @GetMapping("/exports/payments.csv")
    public Mono<ResponseEntity<byte[]>> paymentsCsv(@RequestParam(required = false) String sep) {
        return Callers.current().flatMap(caller -> {
            CsvFormat.Separator separator = separator(sep);
            return billing.allPayments(caller).collectList().flatMap(payments -> Mono.zip(
                            agencies.current(caller), clientsById(caller))
                    .map(t -> {
                        ExportTable.Builder table = ExportTable.of("Payments").text("payment_id").text("invoice_id")
                                .text("client_id").text("client").date("received_on").amount("amount")
                                .text("currency");
                        for (Payment p : payments) {
                            Client client = t.getT2().get(p.clientId());
                            table.row(GlobalId.of("Payment", p.id().value()),
                                    GlobalId.of(BillingController.TYPE, p.invoiceId().value()),
                                    GlobalId.of(ClientController.TYPE, p.clientId().value()),
                                    client == null ? null : client.name(), p.receivedOn(), p.amount().amount(),
                                    p.amount().currency().getCurrencyCode());
                        }
                        return logged(caller, "payments", file(t.getT1(), "payments", "csv",
                                CsvFormat.write(table.build(), separator), CSV));
                    }));
        });
    }

    @GetMapping("/exports/aged-receivables.csv")
    public Mono<ResponseEntity<byte[]>> agedReceivablesCsv(@RequestParam(required = false) String asOf,
                                                           @RequestParam(required = false) String sep) {
        return Callers.current().flatMap(caller -> {
            LocalDate date = date(asOf, "asOf");
            CsvFormat.Separator separator = separator(sep);
            return billing.agedReceivables(caller, date).flatMap(aged -> Mono.zip(agencies.current(caller),
                            clientsById(caller))
                    .map(t -> {
                        String currency = t.getT1().settings().currency().getCurrencyCode();
                        ExportTable.Builder table = ExportTable.of("Aged receivables").date("as_of")
                                .text("client_id").text("client").integer("invoices").amount("not_due")
                                .amount("days_1_30").amount("days_31_60").amount("days_61_90").amount("over_90")
                                .amount("total").text("currency");
                        for (AgedReceivables.ClientAging c : aged.clients()) {
                            Client client = t.getT2().get(c.clientId());
                            AgedReceivables.Buckets b = c.buckets();
                            table.row(aged.asOf(), GlobalId.of(ClientController.TYPE, c.clientId().value()),
                                    client == null ? null : client.name(), c.invoices(), b.notDue().amount(),
                                    b.days1To30().amount(), b.days31To60().amount(), b.days61To90().amount(),
                                    b.over90().amount(), b.total().amount(), currency);
                        }
                        return logged(caller, "aged-receivables", file(t.getT1(), "aged-receivables", "csv",
                                CsvFormat.write(table.build(), separator), CSV));
                    }));
        });
    }

    /**
     * Every client's exposure from {@code asOf}: the exposure in the first week, the peak over {@code weeks},
     * its week and how many weeks it stays above zero — {@code exposure(clientId:)} of the GraphQL API, per
     * client. Archived clients are left out.
     */
    @GetMapping("/exports/exposure.csv")
    public Mono<ResponseEntity<byte[]>> exposureCsv(@RequestParam(required = false) String asOf,
                                                    @RequestParam(required = false) String weeks,
                                                    @RequestParam(required = false) String sep) {
        return Callers.current().flatMap(caller -> {
            LocalDate date = date(asOf, "asOf");
            int horizon = weeks(weeks);
            CsvFormat.Separator separator = separator(sep);
            return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "export exposure"))
                    .then(agencies.current(caller)).flatMap(agency -> {
                        LocalDate from = date == null ? cash.today(agency) : date;
                        return clients.all(caller).filter(c -> !c.archived())
                                .sort(Comparator.comparing(Client::name).thenComparing(c -> c.id().value()))
                                .concatMap(client -> cash.exposure(caller, client.id(), from, horizon)
                                        .map(series -> Map.entry(client, series)))
                                .collectList()
                                .map(entries -> {
                                    String currency = agency.settings().currency().getCurrencyCode();
                                    ExportTable.Builder table = ExportTable.of("Exposure").date("as_of")
                                            .text("client_id").text("client").amount("exposure_first_week")
                                            .amount("peak").date("peak_week").integer("weeks_above_zero")
                                            .text("currency");
                                    for (var e : entries) {
                                        var s = e.getValue();
                                        table.row(from, GlobalId.of(ClientController.TYPE, e.getKey().id().value()),
                                                e.getKey().name(),
                                                s.weeks().isEmpty() ? null : s.weeks().get(0).exposure().amount(),
                                                s.peak().amount(), s.peakWeek(), s.weeksAboveZero(), currency);
                                    }
                                    return logged(caller, "exposure", file(agency, "exposure", "csv",
                                            CsvFormat.write(table.build(), separator), CSV));
                                });
                    });
        });
    }

    /**
     * The whole agency as a ZIP of CSV files with a manifest ({@link AgencyArchive}): {@code OWNER} only, since
     * it holds every cost and rate.
     */
    @GetMapping("/exports/agency.zip")
    public Mono<ResponseEntity<byte[]>> agencyZip() {
        return Callers.current().flatMap(caller -> agencyExport.read(caller).map(data -> logged(caller, "agency",
                file(data.agency(), "export", "zip", AgencyArchive.zip(data, clock.instant()),
                        MediaType.parseMediaType("application/zip")))));
    }

    /** A forecast file: validates the parameters, runs the forecast the GraphQL API runs, renders its table. */
    private Mono<ResponseEntity<byte[]>> forecast(String scenario, String weeks, String asOf, ForecastFile render) {
        return Callers.current().flatMap(caller -> {
            Scenario s = scenario(scenario);
            int horizon = weeks(weeks);
            LocalDate date = date(asOf, "asOf");
            return cash.forecast(caller, date, horizon, s).zipWith(agencies.current(caller))
                    .map(t -> logged(caller, "forecast " + s.kind(),
                            render.render(t.getT2(), s.kind().name().toLowerCase(Locale.ROOT), forecastTable(t.getT1()))));
        });
    }

    /**
     * The forecast week by week: the columns of {@code cashForecast.weeks} (week start, ISO week, inflow,
     * outflow, closing), with the opening balance of each week (the previous week's closing; the forecast's
     * opening for the first).
     */
    static ExportTable forecastTable(CashForecast forecast) {
        String currency = forecast.opening().currency().getCurrencyCode();
        ExportTable.Builder table = ExportTable.of("Forecast").date("week_start").text("iso_week").amount("opening")
                .amount("inflow").amount("outflow").amount("closing").text("currency");
        Money opening = forecast.opening();
        for (CashForecast.Week w : forecast.weeks()) {
            table.row(w.monday(), String.format("%d-W%02d", w.monday().get(IsoFields.WEEK_BASED_YEAR),
                            w.monday().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), opening.amount(), w.inflow().amount(),
                    w.outflow().amount(), w.closing().amount(), currency);
            opening = w.closing();
        }
        return table.build();
    }

    private interface ForecastFile {
        ResponseEntity<byte[]> render(Agency agency, String scenario, ExportTable table);
    }

    private Mono<Map<ClientId, Client>> clientsById(Caller caller) {
        return clients.all(caller).collectMap(Client::id, Function.identity());
    }

    private ResponseEntity<byte[]> file(Agency agency, String what, String extension, byte[] body, MediaType type) {
        String name = slug(agency.name()) + "-" + what + "-" + cash.today(agency) + "." + extension;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    private static ResponseEntity<byte[]> logged(Caller caller, String what, ResponseEntity<byte[]> file) {
        // Reads are not in the audit trail (ADR 17 records changes); an export leaves this line in the log.
        log.info("export {} by user {} ({}) of agency {}: {} bytes", what, caller.userId().value(), caller.role(),
                caller.agencyId().value(), file.getBody() == null ? 0 : file.getBody().length);
        return file;
    }

    /** {@code Studio Boréal & Co} → {@code studio-boreal-co}: ASCII, safe in a file name on every system. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "agency" : slug;
    }

    static Scenario scenario(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("BASE")) {
            return Scenario.BASE;
        }
        if (value.equalsIgnoreCase("STRESS")) {
            return Scenario.STRESS;
        }
        throw InvalidInput.of("scenario", "must be BASE or STRESS (a custom scenario is run through the GraphQL API)",
                ErrorCode.INVALID_FORMAT);
    }

    static int weeks(String value) {
        if (value == null || value.isBlank()) {
            return 26;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("weeks", "must be a whole number of weeks, from 1 to 104", ErrorCode.INVALID_FORMAT);
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be a date as YYYY-MM-DD", ErrorCode.INVALID_FORMAT);
        }
    }

    static CsvFormat.Separator separator(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("comma")) {
            return CsvFormat.Separator.COMMA;
        }
        if (value.equalsIgnoreCase("semicolon")) {
            return CsvFormat.Separator.SEMICOLON;
        }
        throw InvalidInput.of("sep", "must be comma or semicolon", ErrorCode.INVALID_FORMAT);
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<String> refused(DomainException e) {
        return FileEndpointRefusals.of(e);
    }
}
