package io.cordee.core.imports;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spreadsheet import of clients, invoices (with the projects they name) and payments (ADR 49): the columns
 * matched to fields, every cell validated with its row and column, a plan of what would be created, updated
 * and skipped against what the agency already has (natural keys: the client's name, the invoice number, a
 * payment's invoice, date and amount), and the plan written in one transaction — all of it, or nothing when
 * any row has an issue. Importing the same file again creates nothing. {@code OWNER} and {@code FINANCE} only:
 * invoices and payments are money, and clients' payment terms too.
 */
public final class ImportService {

    /** The project an invoice goes to when its row names none. */
    public static final String DEFAULT_PROJECT = "Imported invoices";

    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final BillingRepository billing;
    private final AgencyRepository agencies;
    private final ImportMappingRepository mappings;
    private final io.cordee.core.cash.CashRepository cash;
    private final TransactionRunner tx;
    private final io.cordee.core.staffing.TeamMemberRepository team;
    private final ProjectTeamImport projectsAndTeam;
    private final IdGenerator ids;
    private final Clock clock;

    public ImportService(ClientRepository clients, ProjectRepository projects, BillingRepository billing,
                         AgencyRepository agencies, ImportMappingRepository mappings, TransactionRunner tx,
                         IdGenerator ids, Clock clock, io.cordee.core.cash.CashRepository cash,
                         io.cordee.core.staffing.TeamMemberRepository team) {
        this.cash = cash;
        this.projectsAndTeam = new ProjectTeamImport(clients, projects, team, ids);
        this.team = team;
        this.clients = clients;
        this.projects = projects;
        this.billing = billing;
        this.agencies = agencies;
        this.mappings = mappings;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The mapping of each header of {@code sheet} (header text → field key or {@link ImportKind#IGNORE}):
     * {@code requested} first, then what the agency used last time for a header of the same name, then the
     * header's own name matched in English or French. A header left out of the answer is unknown.
     */
    public Mono<Map<String, String>> mapping(Caller caller, ImportKind kind, Sheet sheet, Map<String, String> requested) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import data"))
                .then(mappings.find(caller.agencyId(), kind))
                .map(remembered -> {
                    Map<String, String> result = new LinkedHashMap<>();
                    for (String header : sheet.headers()) {
                        String chosen = requested == null ? null : requested.get(header);
                        if (chosen == null) {
                            chosen = remembered.get(ImportKind.normalise(header));
                        }
                        if (chosen == null) {
                            chosen = kind.match(header).map(ImportKind.Field::key).orElse(null);
                        }
                        if (chosen != null && header != null) {
                            result.put(header, chosen);
                        }
                    }
                    return result;
                });
    }

    /** Remembers {@code mapping} as the agency's for this kind of import. */
    public Mono<Void> remember(Caller caller, ImportKind kind, Map<String, String> mapping) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import data"))
                .then(mappings.save(caller.agencyId(), kind, mapping.entrySet().stream()
                        .collect(Collectors.toMap(e -> ImportKind.normalise(e.getKey()), Map.Entry::getValue,
                                (a, b) -> b, LinkedHashMap::new))));
    }

    /** What importing {@code sheet} would do; writes nothing. */
    public Mono<ImportReport> dryRun(Caller caller, ImportKind kind, Sheet sheet, Map<String, String> mapping) {
        return plan(caller, kind, sheet, mapping).map(Plan::report);
    }

    /**
     * Imports {@code sheet} in one transaction, which the audit trail attributes to {@code actor} (it joins
     * the caller's, when one is open), and remembers the mapping. A sheet with any issue is answered with its report and writes
     * nothing; a cancellation seen through {@code progress} rolls back everything with {@code IMPORT_CANCELLED}.
     */
    public Mono<ImportReport> apply(Caller caller, Actor actor, ImportKind kind, Sheet sheet,
                                    Map<String, String> mapping, ImportProgress progress) {
        return tx.inTransactionAs(actor, plan(caller, kind, sheet, mapping).flatMap(plan -> {
            if (!plan.report().valid()) {
                return Mono.just(plan.report());
            }
            int total = plan.writes().records();
            int[] done = {0};
            progress.done(0, total);
            return Flux.fromIterable(plan.writes().list())
                    .concatMap(write -> {
                        if (progress.cancelled()) {
                            return Mono.error(InvalidInput.of("importId", "the import was cancelled: nothing was"
                                    + " written", ErrorCode.IMPORT_CANCELLED));
                        }
                        return write.run().get().then(Mono.fromRunnable(
                                () -> progress.done(done[0] += write.records(), total)));
                    }, 1)
                    .then(remember(caller, kind, mapping))
                    .then(Mono.fromCallable(() -> new ImportReport(plan.report().rows(), plan.report().counts(),
                            List.of(), 0, true, plan.report().notes(), plan.report().noteCount())));
        }));
    }

    // ---------------------------------------------------------------------------------------------------

    /** A report and the writes that carry it out, in order. */
    record Plan(ImportReport report, Writes writes) {
    }

    /** Records written per statement by the batched writes (ADR 56). */
    public static final int BATCH = 1_000;

    /** One statement's worth of writing, and how many records it writes (for the progress). */
    record Write(int records, java.util.function.Supplier<Mono<?>> run) {
    }

    /** The writes of a plan, in order: single ones, or batches of up to {@link #BATCH} records. */
    static final class Writes {
        private final List<Write> list = new ArrayList<>();
        private int records;

        /** One record's write. */
        void add(java.util.function.Supplier<Mono<?>> one) {
            list.add(new Write(1, one));
            records++;
        }

        /** {@code items} written {@link #BATCH} at a time by {@code insert}, one statement each. */
        <T> void addBatches(List<T> items, Function<List<T>, Mono<?>> insert) {
            for (int from = 0; from < items.size(); from += BATCH) {
                List<T> part = List.copyOf(items.subList(from, Math.min(items.size(), from + BATCH)));
                list.add(new Write(part.size(), () -> insert.apply(part)));
                records += part.size();
            }
        }

        List<Write> list() {
            return list;
        }

        int records() {
            return records;
        }
    }

    /** Collects issues (up to the limit) and counts. */
    static final class Findings {
        final List<ImportIssue> issues = new ArrayList<>();
        int issueCount;
        final List<ImportNote> notes = new ArrayList<>();
        int noteCount;
        final Map<String, int[]> counts = new LinkedHashMap<>();
        Writes writes = new Writes();

        void issue(int row, String column, String message, ErrorCode code) {
            issueCount++;
            if (issues.size() < ImportLimits.MAX_ISSUES) {
                issues.add(new ImportIssue(row, column, message, code));
            }
        }

        void note(int row, ImportNote.Kind kind, String message) {
            noteCount++;
            if (notes.size() < ImportLimits.MAX_ISSUES) {
                notes.add(new ImportNote(row, kind, message));
            }
        }

        void count(String record, int which) {
            counts.computeIfAbsent(record, r -> new int[3])[which]++;
        }

        ImportReport report(int rows) {
            Map<String, ImportReport.Counts> c = new LinkedHashMap<>();
            counts.forEach((k, v) -> c.put(k, new ImportReport.Counts(v[0], v[1], v[2])));
            return new ImportReport(rows, c, issues, issueCount, false, notes, noteCount);
        }
    }

    static final int CREATED = 0;
    static final int UPDATED = 1;
    static final int SKIPPED = 2;

    /** The columns of a sheet resolved to fields: index per field key, and its header for messages. */
    record Columns(Map<String, Integer> index, List<String> headers) {
        String cell(Sheet sheet, int row, String field) {
            Integer i = index.get(field);
            return i == null ? null : sheet.cell(row, i);
        }

        String header(String field) {
            Integer i = index.get(field);
            return i == null ? field : headers.get(i);
        }
    }

    Mono<Plan> plan(Caller caller, ImportKind kind, Sheet sheet, Map<String, String> mapping) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import data"))
                .then(agencies.findById(caller.agencyId()))
                .flatMap(agency -> {
                    Findings f = new Findings();
                    Columns columns = columns(kind, sheet, mapping == null ? Map.of() : mapping, f);
                    if (sheet.rows().size() > ImportLimits.MAX_ROWS) {
                        f.issue(0, null, "the file has " + sheet.rows().size() + " rows; at most "
                                + ImportLimits.MAX_ROWS + " are imported at once", ErrorCode.OUT_OF_RANGE);
                    }
                    for (int r = 0; r < sheet.rows().size(); r++) {
                        List<String> cells = sheet.rows().get(r);
                        int width = sheet.headers().size();
                        if (cells.size() > width && cells.subList(width, cells.size()).stream()
                                .anyMatch(x -> x != null && !x.isBlank())) {
                            f.issue(sheet.rowNumber(r), null, "has " + cells.size() + " cells but the header has "
                                    + width + " columns (a separator inside a value without quotes?)",
                                    ErrorCode.INVALID_FORMAT);
                        }
                    }
                    if (f.issueCount > 0) {
                        return Mono.just(new Plan(f.report(sheet.rows().size()), new Writes()));
                    }
                    return Mono.zip(clients.findAll(caller.agencyId()).collectList(),
                                    kind == ImportKind.CLIENTS || kind == ImportKind.PROJECTS
                                            || kind == ImportKind.TEAM ? Mono.just(List.<Invoice>of())
                                            : billing.findAllInvoices(caller.agencyId()).collectList())
                            .flatMap(t -> switch (kind) {
                                case CLIENTS -> Mono.fromCallable(() -> planClients(caller, agency, sheet, columns,
                                        t.getT1(), f));
                                case INVOICES -> projects.findByClients(caller.agencyId(),
                                                t.getT1().stream().map(Client::id).toList()).collectList()
                                        .map(ps -> planInvoices(caller, agency, sheet, columns, t.getT1(), ps,
                                                t.getT2(), f));
                                case PROJECTS -> projects.findByClients(caller.agencyId(),
                                                t.getT1().stream().map(Client::id).toList()).collectList()
                                        .map(ps -> projectsAndTeam.planProjects(caller, agency, sheet, columns,
                                                t.getT1(), ps, f));
                                case TEAM -> team.findAll(caller.agencyId()).collectList()
                                        .map(ms -> projectsAndTeam.planTeam(caller, agency, sheet, columns, ms, f));
                                case PAYMENTS -> billing.findPayments(caller.agencyId(), LocalDate.of(1, 1, 1),
                                                LocalDate.of(9999, 12, 31)).collectList()
                                        .map(ps -> planPayments(caller, agency, sheet, columns, t.getT2(), ps, f));
                                case FEC -> Mono.zip(projects.findByClients(caller.agencyId(),
                                                        t.getT1().stream().map(Client::id).toList()).collectList(),
                                                billing.findPayments(caller.agencyId(), LocalDate.of(1, 1, 1),
                                                        LocalDate.of(9999, 12, 31)).collectList(),
                                                cash.accounts(caller.agencyId()).collectList())
                                        .flatMap(r -> cash.latestBalances(caller.agencyId(), r.getT3().stream()
                                                        .map(io.cordee.core.cash.BankAccount::id).toList())
                                                .collectList()
                                                .map(balances -> new FecImport(clients, projects, billing, cash, ids)
                                                        .plan(caller, agency, sheet, columns, t.getT1(), r.getT1(),
                                                                t.getT2(), r.getT2(), r.getT3(), balances,
                                                                LocalDate.now(clock.withZone(
                                                                        agency.settings().timeZone())), f)));
                            })
                            .map(plan -> new Plan(f.report(sheet.rows().size()),
                                    f.issueCount == 0 ? f.writes : new Writes()));
                });
    }

    /** Resolves the mapping to column indexes; an unknown column, an unknown field or a missing one is an issue. */
    private static Columns columns(ImportKind kind, Sheet sheet, Map<String, String> mapping, Findings f) {
        Map<String, Integer> index = new HashMap<>();
        List<String> headers = sheet.headers();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String shown = header == null || header.isBlank() ? "column " + (i + 1) : header;
            String field = header == null ? null : mapping.get(header);
            if (field == null) {
                f.issue(1, shown, "unknown column: map it to one of " + kind.fields().stream()
                        .map(ImportKind.Field::key).collect(Collectors.joining(", ")) + ", or to ignore",
                        ErrorCode.INVALID_FORMAT);
            } else if (!field.equals(ImportKind.IGNORE)) {
                if (kind.field(field).isEmpty()) {
                    f.issue(1, shown, "'" + field + "' is not a field of a " + kind.name().toLowerCase(Locale.ROOT)
                            + " import", ErrorCode.INVALID_FORMAT);
                } else if (index.putIfAbsent(field, i) != null) {
                    f.issue(1, shown, "two columns are mapped to " + field + ": map one of them to ignore",
                            ErrorCode.INVALID_FORMAT);
                }
            }
        }
        for (ImportKind.Field field : kind.fields()) {
            if (field.required() && !index.containsKey(field.key())) {
                f.issue(1, null, "no column is mapped to " + field.key() + ", which every row needs",
                        ErrorCode.REQUIRED);
            }
        }
        return new Columns(index, headers.stream().map(h -> h == null ? "" : h).toList());
    }

    /** A cell's value, or null with an issue recorded (required and absent, or unreadable). */
    static <T> T read(Sheet sheet, Columns c, int row, String field, boolean required, Findings f,
                              Function<String, T> parse) {
        String text = c.cell(sheet, row, field);
        if (text == null) {
            if (required) {
                f.issue(sheet.rowNumber(row), c.header(field), "is empty; every row needs it", ErrorCode.REQUIRED);
            }
            return null;
        }
        if (text.length() > ImportLimits.MAX_CELL) {
            f.issue(sheet.rowNumber(row), c.header(field), "is longer than " + ImportLimits.MAX_CELL
                    + " characters", ErrorCode.TOO_LONG);
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            f.issue(sheet.rowNumber(row), c.header(field), e.getMessage(), ErrorCode.INVALID_FORMAT);
            return null;
        }
    }

    static String text(String s, int max) {
        if (s.length() > max) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        return s;
    }

    /** A name cell (a client's, a project's, a person's, a label, a job title): text of at most the length of a name. */
    static String name(String text) {
        return text(text, Validator.NAME_MAX_LENGTH);
    }

    /** An invoice number cell: text of at most the length of an invoice's number. */
    static String invoiceNumber(String text) {
        return text(text, Invoice.NUMBER_MAX);
    }

    static Segment segment(String text) {
        String s = ImportKind.normalise(text);
        return switch (s) {
            case "startup" -> Segment.STARTUP;
            case "sme", "pme", "tpe", "smb" -> Segment.SME;
            case "enterprise", "largecompany", "corporate", "grandcompte", "grandeentreprise", "grandsgroupes",
                 "grandgroupe", "entreprise" -> Segment.ENTERPRISE;
            case "public", "publicsector", "secteurpublic", "administration" -> Segment.PUBLIC;
            default -> throw new IllegalArgumentException("'" + text + "' is not a segment: STARTUP, SME, ENTERPRISE"
                    + " or PUBLIC (start-up, PME, grand compte, public)");
        };
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------------

    private Findings planClients(Caller caller, Agency agency, Sheet sheet, Columns c, List<Client> existing,
                             Findings f) {
        Map<String, Client> byName = existing.stream().collect(Collectors.toMap(cl -> key(cl.name()),
                Function.identity(), (a, b) -> a));
        Map<String, Integer> seen = new HashMap<>();
        List<Client> created = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            String name = read(sheet, c, r, "name", true, f, ImportService::name);
            Segment segment = read(sheet, c, r, "segment", false, f, ImportService::segment);
            Integer terms = read(sheet, c, r, "paymentTermsDays", false, f, s -> Cells.wholeNumber(s, 0, 365));
            if (f.issueCount > before || name == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(key(name), sheet.rowNumber(r));
            if (first != null) {
                f.issue(sheet.rowNumber(r), c.header("name"), "the client '" + name + "' is already on row " + first,
                        ErrorCode.INVALID_FORMAT);
                continue;
            }
            Client found = byName.get(key(name));
            if (found == null) {
                Client client = new Client(new ClientId(ids.newId()), caller.agencyId(), name,
                        segment == null ? Segment.SME : segment,
                        terms == null ? ClientService.DEFAULT_PAYMENT_TERMS_DAYS : terms, List.of(), null, false, 0);
                f.count("clients", CREATED);
                created.add(client);
            } else if ((segment != null && segment != found.segment())
                    || (terms != null && terms != found.paymentTermsDays())) {
                Client changed = new Client(found.id(), found.agencyId(), found.name(),
                        segment == null ? found.segment() : segment, terms == null ? found.paymentTermsDays() : terms,
                        found.contacts(), found.funding(), found.archived(), found.version());
                f.count("clients", UPDATED);
                f.writes.add(() -> clients.update(changed).switchIfEmpty(Mono.error(() -> new io.cordee.core.common
                        .Conflict("Client", found.version()))));
            } else {
                f.count("clients", SKIPPED);
            }
        }
        f.writes.addBatches(created, clients::insertAll);
        return f;
    }

    private Findings planInvoices(Caller caller, Agency agency, Sheet sheet, Columns c, List<Client> existingClients,
                              List<Project> existingProjects, List<Invoice> existingInvoices, Findings f) {
        Currency currency = agency.settings().currency();
        Map<String, Client> clientsByName = new HashMap<>();
        existingClients.forEach(cl -> clientsByName.putIfAbsent(key(cl.name()), cl));
        Map<String, Project> projectsByKey = new HashMap<>();
        existingProjects.forEach(p -> projectsByKey.putIfAbsent(p.clientId().value() + "/" + key(p.name()), p));
        Map<String, Invoice> invoicesByNumber = new HashMap<>();
        existingInvoices.stream().filter(i -> i.number() != null)
                .forEach(i -> invoicesByNumber.put(key(i.number()), i));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Client> newClients = new LinkedHashMap<>();
        Map<String, Project> newProjects = new LinkedHashMap<>();
        List<Invoice> creates = new ArrayList<>();
        List<Invoice> updates = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            int row = sheet.rowNumber(r);
            String number = read(sheet, c, r, "number", true, f, ImportService::invoiceNumber);
            String clientName = read(sheet, c, r, "client", true, f, ImportService::name);
            String projectName = read(sheet, c, r, "project", false, f, ImportService::name);
            String label = read(sheet, c, r, "label", false, f, ImportService::name);
            LocalDate issued = read(sheet, c, r, "issueDate", true, f, Cells::date);
            LocalDate due = read(sheet, c, r, "dueDate", false, f, Cells::date);
            Long amount = read(sheet, c, r, "amount", true, f, s -> Cells.amount(s, currency));
            if (f.issueCount > before) {
                continue;
            }
            if (amount <= 0) {
                f.issue(row, c.header("amount"), "must be more than 0", ErrorCode.OUT_OF_RANGE);
                continue;
            }
            if (due != null && due.isBefore(issued)) {
                f.issue(row, c.header("dueDate"), "is before the issue date " + issued, ErrorCode.OUT_OF_RANGE);
                continue;
            }
            Integer first = seen.putIfAbsent(key(number), row);
            if (first != null) {
                f.issue(row, c.header("number"), "the invoice number " + number + " is already on row " + first
                        + ": an invoice number is unique", ErrorCode.INVALID_FORMAT);
                continue;
            }
            Client client = clientsByName.get(key(clientName));
            if (client == null) {
                client = newClients.computeIfAbsent(key(clientName), k -> new Client(new ClientId(ids.newId()),
                        caller.agencyId(), clientName, Segment.SME, ClientService.DEFAULT_PAYMENT_TERMS_DAYS,
                        List.of(), null, false, 0));
            }
            String pname = projectName == null ? DEFAULT_PROJECT : projectName;
            String pkey = client.id().value() + "/" + key(pname);
            Project project = projectsByKey.get(pkey);
            if (project == null) {
                Project planned = newProjects.get(pkey);
                if (planned == null || issued.isBefore(planned.startDate())) {
                    Client owner = client;
                    planned = new Project(planned == null ? new ProjectId(ids.newId()) : planned.id(),
                            caller.agencyId(), owner.id(), pname, ProjectStatus.ACTIVE, issued, null, null,
                            Money.zero(currency), owner.paymentTermsDays(), 0);
                    newProjects.put(pkey, planned);
                }
                project = planned;
            }
            LocalDate dueDate = due != null ? due : issued.plusDays(project.paymentTermsDays());
            String text = label == null ? "Invoice " + number : label;
            Money money = new Money(amount, currency);
            Invoice found = invoicesByNumber.get(key(number));
            if (found == null) {
                creates.add(new Invoice(new InvoiceId(ids.newId()), caller.agencyId(), client.id(), project.id(), null,
                        number, text, InvoiceStatus.ISSUED, issued, dueDate, money, Money.zero(currency), null, 0));
                f.count("invoices", CREATED);
            } else if (!found.clientId().equals(client.id())) {
                f.issue(row, c.header("client"), "invoice " + number + " already belongs to another client in Cordée",
                        ErrorCode.INVALID_FORMAT);
            } else if (found.amount().equals(money) && issued.equals(found.issueDate())
                    && dueDate.equals(found.dueDate()) && (label == null || label.equals(found.label()))) {
                f.count("invoices", SKIPPED);
            } else if (found.status() != InvoiceStatus.ISSUED || found.paid().minorUnits() != 0) {
                f.issue(row, c.header("number"), "invoice " + number + " is " + found.status()
                        + (found.paid().minorUnits() != 0 ? " with payments" : "")
                        + " in Cordée and differs from this row: change it there", ErrorCode.INVALID_FORMAT);
            } else {
                updates.add(new Invoice(found.id(), found.agencyId(), found.clientId(), found.projectId(),
                        found.planKey(), found.number(), label == null ? found.label() : label, found.status(), issued,
                        dueDate, money, found.paid(), found.paidDate(), found.version()));
                f.count("invoices", UPDATED);
            }
        }
        newClients.values().forEach(cl -> f.count("clients", CREATED));
        newProjects.values().forEach(p -> f.count("projects", CREATED));
        f.writes.addBatches(List.copyOf(newClients.values()), clients::insertAll);
        f.writes.addBatches(List.copyOf(newProjects.values()), projects::insertAll);
        f.writes.addBatches(creates, billing::insertInvoices);
        updates.forEach(i -> f.writes.add(() -> billing.updateInvoice(i)
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Invoice", i.version())))));
        return f;
    }

    private Findings planPayments(Caller caller, Agency agency, Sheet sheet, Columns c, List<Invoice> invoices,
                              List<Payment> existing, Findings f) {
        Currency currency = agency.settings().currency();
        LocalDate today = LocalDate.now(clock.withZone(agency.settings().timeZone()));
        Map<String, Invoice> byNumber = new HashMap<>();
        invoices.stream().filter(i -> i.number() != null).forEach(i -> byNumber.put(key(i.number()), i));
        RecordedPayments recorded = new RecordedPayments(existing);
        Map<InvoiceId, Invoice> changed = new LinkedHashMap<>();
        List<Payment> payments = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            int row = sheet.rowNumber(r);
            String number = read(sheet, c, r, "invoiceNumber", true, f, ImportService::invoiceNumber);
            LocalDate on = read(sheet, c, r, "receivedOn", true, f, Cells::date);
            Long amount = read(sheet, c, r, "amount", true, f, s -> Cells.amount(s, currency));
            if (f.issueCount > before) {
                continue;
            }
            Invoice invoice = byNumber.get(key(number));
            if (invoice == null) {
                f.issue(row, c.header("invoiceNumber"), "no invoice " + number + " in Cordée: import the invoices"
                        + " first", ErrorCode.NOT_FOUND);
                continue;
            }
            if (on.isAfter(today)) {
                f.issue(row, c.header("receivedOn"), "is in the future (today is " + today + ")",
                        ErrorCode.OUT_OF_RANGE);
                continue;
            }
            if (recorded.take(invoice.id(), on, amount)) {
                f.count("payments", SKIPPED);
                continue;
            }
            Invoice current = changed.getOrDefault(invoice.id(), invoice);
            try {
                Invoice paid = current.pay(new Money(amount, currency), on);
                changed.put(invoice.id(), paid);
                payments.add(new Payment(new PaymentId(ids.newId()), caller.agencyId(), invoice.id(),
                        invoice.clientId(), on, new Money(amount, currency)));
                f.count("payments", CREATED);
            } catch (InvalidInput e) {
                f.issue(row, c.header(e.errors().get(0).field().equals("amount") ? "amount" : "invoiceNumber"),
                        e.errors().get(0).message(), e.errors().get(0).code());
            }
        }
        changed.values().forEach(i -> f.writes.add(() -> billing.updateInvoice(i)
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Invoice", i.version())))));
        f.writes.addBatches(payments, billing::insertPayments);
        return f;
    }
}
