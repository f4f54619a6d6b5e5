package io.cordee.api.export;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentId;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.cash.OverheadId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.Contact;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.export.AgencyExportService.AgencyData;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an agency archive written by {@link AgencyArchive} (ADR 42) back into an {@link AgencyData}, for the import
 * of ADR 58. Nothing is trusted before it is checked:
 *
 * <ol>
 *   <li>the ZIP: at most {@link #MAX_ENTRIES} entries, only the archive's file names, each once, none over
 *       {@link #MAX_ENTRY_BYTES} inflated, all together at most {@link #MAX_TOTAL_BYTES} and at most
 *       {@link #MAX_RATIO} times the archive's size (a zip bomb stops at the limit, nothing more is inflated);</li>
 *   <li>the manifest: {@code format} and {@code formatVersion}, every file it lists present and no other, each
 *       file's SHA-256 and row count as listed — one byte changed in a CSV, or a truncated file, is refused;</li>
 *   <li>every cell: UTF-8, the header of the format, ids as UUIDs, dates ISO, amounts exact in the currency's
 *       minor units, enums by name; an error names the file, its line and the column.</li>
 * </ol>
 *
 * Every record is put in {@code target}, whatever agency the archive came from: the archive's ids are kept.
 */
public final class AgencyArchiveReader {

    public static final long MAX_ARCHIVE_BYTES = 32L * 1024 * 1024;
    static final int MAX_ENTRIES = 64;
    static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** The ratio applies beyond this much inflated data: a small archive of short CSVs compresses little anyway. */
    private static final long RATIO_FLOOR = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FILES = Set.of("agency.csv", "clients.csv", "client_contacts.csv",
            "projects.csv", "billing_plans.csv", "milestones.csv", "invoices.csv", "payments.csv", "bank_accounts.csv",
            "bank_balances.csv", "team_members.csv", "absences.csv", "allocations.csv", "overheads.csv",
            "one_off_expenses.csv", "holidays.csv");
    /** Format 2 adds the agency's other settings (ADR 58); a format 1 archive leaves them at the defaults. */
    private static final Set<String> FILES_2 = Set.of("alert_thresholds.csv", "health_weights.csv",
            "cash_risk_settings.csv");
    /** Format 3 adds the pipeline and the actual time (ADR 61); an older archive imports without them. */
    private static final Set<String> FILES_3 = Set.of("deals.csv", "deal_milestones.csv", "deal_staffing.csv",
            "time_entries.csv", "interactions.csv", "strengths_maps.csv", "strengths.csv", "agreements.csv",
            "commitments.csv");
    /**
     * Format 4 adds briefs, proposals and the comments on the game plan, the remembered import mappings and the keys
     * of confirmed statement credits (ADR 70), and a label to each holiday.
     */
    private static final Set<String> FILES_4 = Set.of("briefs.csv", "brief_versions.csv", "brief_requirements.csv",
            "brief_signatures.csv", "proposals.csv", "proposal_options.csv", "relationship_comments.csv",
            "import_mappings.csv", "bank_statement_lines.csv");

    private AgencyArchiveReader() {
    }

    /** The archive's data, every record in {@code target}; {@link InvalidInput} ({@code ARCHIVE_INVALID}) otherwise. */
    public static AgencyData read(byte[] zip, AgencyId target) {
        Map<String, byte[]> entries = unzip(zip);
        byte[] manifestBytes = entries.remove("manifest.json");
        if (manifestBytes == null) {
            throw invalid("manifest.json", "the archive has no manifest.json: it is not an agency export of Cordée");
        }
        Map<String, Integer> rows = verify(manifest(manifestBytes), entries);
        Map<String, List<Map<String, String>>> t = new HashMap<>();
        for (var e : entries.entrySet()) {
            List<Map<String, String>> records = csv(e.getKey(), e.getValue());
            if (records.size() != rows.get(e.getKey())) {
                throw invalid(e.getKey(), e.getKey() + " holds " + records.size() + " rows, the manifest says "
                        + rows.get(e.getKey()));
            }
            t.put(e.getKey(), records);
        }
        return new Parse(t, target).data();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            byte[] chunk = new byte[64 * 1024];
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (files.size() >= MAX_ENTRIES) {
                    throw invalid("file", "the archive has more than " + MAX_ENTRIES + " entries");
                }
                if (!name.equals("manifest.json") && !FILES.contains(name) && !FILES_2.contains(name)
                        && !FILES_3.contains(name) && !FILES_4.contains(name)) {
                    throw invalid("file", "the archive holds " + abbreviate(name)
                            + ", which is not a file of an agency export");
                }
                if (files.containsKey(name)) {
                    throw invalid(name, "the archive holds " + name + " twice");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    total += n;
                    if (out.size() + n > MAX_ENTRY_BYTES) {
                        throw invalid(name, name + " inflates to more than " + MAX_ENTRY_BYTES + " bytes");
                    }
                    if (total > MAX_TOTAL_BYTES || total > RATIO_FLOOR && total > (long) MAX_RATIO * zip.length) {
                        throw invalid("file", "the archive inflates to more than " + MAX_RATIO
                                + " times its size (or " + MAX_TOTAL_BYTES + " bytes): refused as a zip bomb");
                    }
                    out.write(chunk, 0, n);
                }
                files.put(name, out.toByteArray());
            }
        } catch (ZipException e) {
            throw invalid("file", "the archive is not a readable ZIP (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw invalid("file", "the archive is truncated or unreadable (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw invalid("file", "the file is not a ZIP archive, or an empty one");
        }
        return files;
    }

    private static JsonNode manifest(byte[] bytes) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw invalid("manifest.json", "manifest.json is not readable JSON");
        }
        if (manifest == null || !manifest.isObject()
                || !"cordee-agency-export".equals(manifest.path("format").asString(""))) {
            throw invalid("manifest.json", "the manifest's format is not cordee-agency-export");
        }
        int version = manifest.path("formatVersion").asInt(-1);
        if (version < 1 || version > AgencyArchive.FORMAT_VERSION) {
            throw invalid("manifest.json", "format version " + manifest.path("formatVersion")
                    + " is not one this Cordée reads (1 to " + AgencyArchive.FORMAT_VERSION + ")");
        }
        return manifest;
    }

    /** Every listed file present with its hash and row count, no file unlisted, every file of the format listed. */
    private static Map<String, Integer> verify(JsonNode manifest, Map<String, byte[]> entries) {
        Map<String, JsonNode> listed = new TreeMap<>();
        for (JsonNode f : manifest.path("files")) {
            listed.put(f.path("name").asString(""), f);
        }
        Set<String> expected = new java.util.HashSet<>(FILES);
        if (manifest.path("formatVersion").asInt() >= 2) {
            expected.addAll(FILES_2);
        }
        if (manifest.path("formatVersion").asInt() >= 3) {
            expected.addAll(FILES_3);
        }
        if (manifest.path("formatVersion").asInt() >= 4) {
            expected.addAll(FILES_4);
        }
        for (String name : expected) {
            if (!listed.containsKey(name)) {
                throw invalid("manifest.json", "the manifest does not list " + name);
            }
            if (!entries.containsKey(name)) {
                throw invalid(name, name + " is listed in the manifest but missing from the archive");
            }
        }
        if (listed.size() != expected.size() || !entries.keySet().equals(expected)) {
            throw invalid("manifest.json", "the manifest lists files that are not part of an agency export");
        }
        for (var e : listed.entrySet()) {
            byte[] bytes = entries.get(e.getKey());
            if (!AgencyArchive.sha256(bytes).equals(e.getValue().path("sha256").asString(""))) {
                throw invalid(e.getKey(), e.getKey() + " does not match the SHA-256 of the manifest: the archive was"
                        + " changed or truncated after the export");
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        listed.forEach((name, f) -> rows.put(name, f.path("rows").asInt(-1)));
        return rows;
    }

    /** Each record as column → cell (null for an empty cell), after the header of its file. */
    static List<Map<String, String>> csv(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(name, name + " is not UTF-8");
        }
        if (text.startsWith(CsvFormat.BOM)) {
            text = text.substring(1);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord r : parser) {
                if (r.size() != header.size()) {
                    throw invalid(name, name + " line " + (r.getRecordNumber() + 1) + ": " + r.size()
                            + " cells, the header has " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.get(i).isEmpty() ? null : r.get(i));
                }
                row.put("#line", Long.toString(r.getRecordNumber() + 1));
                rows.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw invalid(name, name + " is not a readable CSV (" + e.getMessage() + ")");
        }
        return rows;
    }

    private static InvalidInput invalid(String field, String message) {
        return InvalidInput.of(field, message, ErrorCode.ARCHIVE_INVALID);
    }

    private static String abbreviate(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    /** The typed reading of the parsed tables. */
    private static final class Parse {
        private final Map<String, List<Map<String, String>>> tables;
        private final AgencyId target;
        private Currency currency;
        private String file;
        private Map<String, String> row;

        Parse(Map<String, List<Map<String, String>>> tables, AgencyId target) {
            this.tables = tables;
            this.target = target;
        }

        AgencyData data() {
            List<Map<String, String>> agencyRows = tables.get("agency.csv");
            if (agencyRows.size() != 1) {
                throw invalid("agency.csv", "agency.csv must hold exactly one row");
            }
            Agency agency = one("agency.csv", agencyRows.get(0), r -> {
                currency = currency("currency");
                Map<Segment, Integer> delays = new EnumMap<>(Segment.class);
                for (Segment s : Segment.values()) {
                    delays.put(s, integer("default_delay_days_" + s.name()));
                }
                ZoneId zone;
                try {
                    zone = ZoneId.of(required("time_zone"));
                } catch (java.time.DateTimeException e) {
                    throw cell("time_zone", "is not a time zone");
                }
                return new Agency(target, required("name"), new AgencySettings(currency, zone,
                        money("safety_cash_threshold"), integer("payday"), delays), 0);
            });
            Map<UUID, List<Contact>> contacts = byParent("client_contacts.csv", "client_id",
                    r -> new Contact(required("name"), text("email"), text("role")));
            List<Client> clients = all("clients.csv", r -> {
                String stage = text("funding_stage");
                String status = text("next_round_status");
                LocalDate runway = date("runway_end");
                LocalDate round = date("next_round_expected");
                FundingProfile funding = stage == null && status == null && runway == null && round == null ? null
                        : new FundingProfile(stage == null ? null : constant(FundingStage.class, "funding_stage"),
                        runway, round, status == null ? null : constant(RoundStatus.class, "next_round_status"));
                UUID id = uuid("id");
                return new Client(new ClientId(id), target, required("name"), constant(Segment.class, "segment"),
                        integer("payment_terms_days"), contacts.getOrDefault(id, List.of()), funding,
                        bool("archived"), 0);
            });
            List<Project> projects = all("projects.csv", r -> new Project(new ProjectId(uuid("id")), target,
                    new ClientId(uuid("client_id")), required("name"), constant(ProjectStatus.class, "status"),
                    date("start_date"), date("launch_date"), date("communication_plan_date"), money("fee_budget"),
                    integer("payment_terms_days"), 0));
            Map<UUID, List<Milestone>> milestones = byParent("milestones.csv", "project_id",
                    r -> new Milestone(text("label"), date("date"), integer("share_percent")));
            List<ProjectBilling> plans = all("billing_plans.csv", r -> {
                UUID project = uuid("project_id");
                return new ProjectBilling(new ProjectId(project), new BillingPlan(integer("deposit_percent"),
                        milestones.getOrDefault(project, List.of()), bool("monthly_in_arrears")), 0);
            });
            List<Invoice> invoices = all("invoices.csv", r -> {
                UUID projectId = uuidOrNull("project_id");
                return new Invoice(new InvoiceId(uuid("id")), target, new ClientId(uuid("client_id")),
                        projectId == null ? null : new ProjectId(projectId), text("plan_key"), text("number"),
                        text("label"), constant(InvoiceStatus.class, "status"), date("issue_date"), date("due_date"),
                        money("amount"), money("paid"), date("paid_date"), 0);
            });
            List<Payment> payments = all("payments.csv", r -> new Payment(new PaymentId(uuid("id")), target,
                    new InvoiceId(uuid("invoice_id")), new ClientId(uuid("client_id")), date("received_on"),
                    money("amount")));
            List<BankAccount> accounts = all("bank_accounts.csv", r -> new BankAccount(new BankAccountId(uuid("id")),
                    required("name"), text("label"), currency("currency"), bool("archived"), 0));
            List<BankBalance> balances = all("bank_balances.csv", r -> {
                UUID account = uuidOrNull("account_id");
                return new BankBalance(uuidOrNull("id"), account == null ? null : new BankAccountId(account),
                        date("date"), money("amount"));
            });
            List<TeamMember> members = all("team_members.csv", r -> {
                String skills = text("skills");
                return new TeamMember(new TeamMemberId(uuid("id")), target, required("name"), text("job_title"),
                        skills == null ? List.of() : Arrays.asList(skills.split("\\|")), decimal("fte"),
                        money("monthly_loaded_cost"), money("daily_bill_rate"), date("start_date"), date("end_date"),
                        bool("archived"), 0, List.of());
            });
            List<Absence> absences = all("absences.csv", r -> new Absence(new AbsenceId(uuid("id")), target,
                    new TeamMemberId(uuid("member_id")), constant(Absence.Kind.class, "kind"), date("from"),
                    date("to"), text("note"), 0));
            List<Allocation> allocations = all("allocations.csv", r -> new Allocation(new AllocationId(uuid("id")),
                    target, new TeamMemberId(uuid("member_id")), new ProjectId(uuid("project_id")),
                    integer("share_percent"), date("from"), date("to"), 0));
            List<Overhead> overheads = all("overheads.csv", r -> new Overhead(new OverheadId(uuid("id")),
                    required("label"), money("monthly_amount"), integer("day_of_month"), date("start_date"),
                    date("end_date"), 0));
            List<OneOffExpense> oneOffs = all("one_off_expenses.csv", r -> new OneOffExpense(uuid("id"),
                    required("label"), date("date"), money("amount")));
            // format 4 gives each day its label; an older archive's days are labelled "Imported" (ADR 58)
            boolean four = tables.containsKey("briefs.csv");
            List<io.cordee.core.export.ArchiveRecords.HolidayLabel> labels = new ArrayList<>();
            List<LocalDate> holidays = all("holidays.csv", r -> {
                LocalDate day = date("date");
                if (day == null) {
                    throw cell("date", "is empty");
                }
                if (four) {
                    String label = required("label");
                    if (label.length() > 200) {
                        throw cell("label", "is longer than 200 characters");
                    }
                    labels.add(new io.cordee.core.export.ArchiveRecords.HolidayLabel(day, label));
                }
                return day;
            });
            if (new LinkedHashSet<>(holidays).size() != holidays.size()) {
                throw invalid("holidays.csv", "holidays.csv lists a day twice");
            }
            io.cordee.core.alert.AlertThresholds thresholds = single("alert_thresholds.csv",
                    r -> new io.cordee.core.alert.AlertThresholds(integer("capacity_warning_percent"),
                            integer("capacity_critical_percent"), integer("cash_critical_weeks"),
                            integer("cash_warning_weeks"), integer("time_to_first_cash_days"),
                            integer("exposure_percent_of_opening"), integer("overdue_days"),
                            integer("overdue_critical_days"), integer("payment_drift_days"),
                            integer("engagement_drop_points"), integer("engagement_window_days"),
                            integer("commitment_slip_days")));
            io.cordee.core.relationship.HealthWeights weights = single("health_weights.csv",
                    r -> new io.cordee.core.relationship.HealthWeights(integer("commitments"), integer("feedback"),
                            integer("energy"), integer("frequency"), integer("payment"), 0));
            if (weights != null && weights.commitments() + weights.feedback() + weights.energy() + weights.frequency()
                    + weights.payment() != 100) {
                throw invalid("health_weights.csv", "health_weights.csv: the weights must add up to 100");
            }
            io.cordee.core.cash.CashRiskSettings risk = single("cash_risk_settings.csv", r -> {
                Map<RoundStatus, Integer> failure = new EnumMap<>(RoundStatus.class);
                for (RoundStatus status : RoundStatus.values()) {
                    failure.put(status, integer("round_failure_percent_" + status.name()));
                }
                return new io.cordee.core.cash.CashRiskSettings(failure, integer("cash_risk_percent"), null);
            });
            Map<UUID, List<Milestone>> dealMilestones = byParent("deal_milestones.csv", "deal_id",
                    r -> new Milestone(text("label"), date("date"), integer("share_percent")));
            Map<UUID, List<io.cordee.core.deal.StaffingNeed>> staffing = byParent("deal_staffing.csv", "deal_id",
                    r -> new io.cordee.core.deal.StaffingNeed(new TeamMemberId(uuid("member_id")),
                            integer("share_percent")));
            List<io.cordee.core.deal.Deal> deals = optional("deals.csv", r -> {
                UUID id = uuid("id");
                UUID client = uuidOrNull("client_id");
                UUID project = uuidOrNull("project_id");
                String segment = text("prospect_segment");
                return new io.cordee.core.deal.Deal(new io.cordee.core.deal.DealId(id), target, required("name"),
                        client == null ? null : new ClientId(client), text("prospect_name"),
                        segment == null ? null : constant(Segment.class, "prospect_segment"), money("expected_fee"),
                        integer("probability_percent"), date("expected_start"), integer("duration"),
                        constant(io.cordee.core.deal.DurationUnit.class, "duration_unit"),
                        new BillingPlan(integer("deposit_percent"), dealMilestones.getOrDefault(id, List.of()),
                                bool("monthly_in_arrears")), staffing.getOrDefault(id, List.of()),
                        constant(io.cordee.core.deal.DealStage.class, "stage"),
                        project == null ? null : new ProjectId(project), 0);
            });
            Set<UUID> dealIds = ids(deals, x -> x.id().value());
            noOrphans(dealMilestones, dealIds, "deal_milestones.csv", "deal_id", "is not in deals.csv");
            noOrphans(staffing, dealIds, "deal_staffing.csv", "deal_id", "is not in deals.csv");
            List<io.cordee.core.timesheet.TimeEntry> time = optional("time_entries.csv", r -> {
                int minutes = integer("minutes");
                if (minutes < 1 || minutes > 1440) {
                    throw cell("minutes", "is not between 1 and 1440 minutes (one day)");
                }
                String source = required("source");
                // the trackers a source may name are the database's CHECK (V40: HARVEST, TOGGL), which a later
                // migration may widen: here only the shape, so this reader does not go stale
                if (!source.matches("[A-Z][A-Z0-9_]{0,31}")) {
                    throw cell("source", "is not a time tracker's name (HARVEST, TOGGL…)");
                }
                String key = required("source_key");
                if (!key.matches("[0-9a-f]{64}")) {
                    throw cell("source_key", "is not a SHA-256 in hexadecimal");
                }
                return new io.cordee.core.timesheet.TimeEntry(uuid("id"), new TeamMemberId(uuid("member_id")),
                        new ProjectId(uuid("project_id")), date("date"), minutes, source, key);
            });
            List<io.cordee.core.relationship.Interaction> interactions = optional("interactions.csv", r ->
                    new io.cordee.core.relationship.Interaction(new io.cordee.core.relationship.InteractionId(uuid("id")),
                            target, new ClientId(uuid("client_id")), date("date"),
                            constant(io.cordee.core.relationship.InteractionKind.class, "kind"),
                            names("agency_participants"), names("client_participants"), required("summary"),
                            integerOrNull("agency_energy"), integerOrNull("client_energy"), bool("internal"), 0));
            Map<UUID, List<io.cordee.core.relationship.Strength>> strengths = byParent("strengths.csv", "client_id",
                    r -> new io.cordee.core.relationship.Strength(required("domain"), integer("agency"),
                            integer("client"), constant(io.cordee.core.relationship.Lead.class, "lead")));
            List<io.cordee.core.relationship.StrengthsMap> maps = optional("strengths_maps.csv", r -> {
                UUID client = uuid("client_id");
                return new io.cordee.core.relationship.StrengthsMap(target, new ClientId(client),
                        strengths.getOrDefault(client, List.of()), names("expectations"), 0);
            });
            noOrphans(strengths, ids(maps, m -> m.clientId().value()), "strengths.csv", "client_id",
                    "has no row in strengths_maps.csv");
            List<io.cordee.core.relationship.Agreement> agreements = optional("agreements.csv", r -> {
                UUID project = uuidOrNull("project_id");
                return new io.cordee.core.relationship.Agreement(
                        new io.cordee.core.relationship.AgreementId(uuid("id")), target, new ClientId(uuid("client_id")),
                        project == null ? null : new ProjectId(project), required("what"),
                        constant(io.cordee.core.relationship.Side.class, "owner_side"), text("owner_name"),
                        date("due_date"), constant(io.cordee.core.relationship.AgreementStatus.class, "status"),
                        date("done_date"), 0);
            });
            List<io.cordee.core.relationship.Commitment> commitments = optional("commitments.csv", r ->
                    new io.cordee.core.relationship.Commitment(new io.cordee.core.relationship.CommitmentId(uuid("id")),
                            target, new ClientId(uuid("client_id")), new ProjectId(uuid("project_id")),
                            constant(io.cordee.core.relationship.CommitmentKind.class, "kind"), required("title"),
                            date("due_date"), date("delivered_date"), 0));
            return new AgencyData(agency, clients, projects, plans, invoices, payments, accounts, balances, members,
                    absences, allocations, overheads, oneOffs, holidays, thresholds, weights, risk, deals, time,
                    interactions, maps, agreements, commitments, records(clients, projects, agreements, commitments,
                    labels, accounts, invoices));
        }

        /**
         * Format 4 (ADR 70). Every reference is checked here, where the line is known: an error names the file, the
         * line and the column. A client's signature must be by one of the contacts of the brief's client (matched by
         * e-mail), as the portal lets only that client's users sign.
         */
        private io.cordee.core.export.ArchiveRecords records(List<Client> clients, List<Project> projects,
                List<io.cordee.core.relationship.Agreement> agreements,
                List<io.cordee.core.relationship.Commitment> commitments,
                List<io.cordee.core.export.ArchiveRecords.HolidayLabel> holidayLabels, List<BankAccount> accounts,
                List<Invoice> invoices) {
            if (!tables.containsKey("briefs.csv")) {
                return io.cordee.core.export.ArchiveRecords.NONE;
            }
            Map<UUID, UUID> projectClient = new HashMap<>();
            projects.forEach(p -> projectClient.put(p.id().value(), p.clientId().value()));
            Map<UUID, Set<String>> contactEmails = new HashMap<>();
            for (Client c : clients) {
                Set<String> emails = new java.util.HashSet<>();
                c.contacts().forEach(x -> {
                    if (x.email() != null) {
                        emails.add(x.email().toLowerCase(java.util.Locale.ROOT));
                    }
                });
                contactEmails.put(c.id().value(), emails);
            }
            Map<UUID, UUID> agreementClient = new HashMap<>();
            agreements.forEach(x -> agreementClient.put(x.id().value(), x.clientId().value()));
            Map<UUID, UUID> commitmentClient = new HashMap<>();
            commitments.forEach(x -> commitmentClient.put(x.id().value(), x.clientId().value()));

            Map<UUID, UUID> briefClient = new HashMap<>();
            var briefs = all("briefs.csv", r -> {
                UUID id = fresh(briefClient.keySet(), "id");
                UUID project = known(projectClient.keySet(), "project_id", "projects.csv");
                briefClient.put(id, projectClient.get(project));
                return new io.cordee.core.export.ArchiveRecords.Brief(id, project, required("title"),
                        instant("created_at"), instant("updated_at"));
            });
            Map<UUID, UUID> versionClient = new HashMap<>();
            var versions = all("brief_versions.csv", r -> {
                UUID id = fresh(versionClient.keySet(), "id");
                UUID brief = known(briefClient.keySet(), "brief_id", "briefs.csv");
                versionClient.put(id, briefClient.get(brief));
                int number = integer("number");
                if (number < 1) {
                    throw cell("number", "is not a version number (1 or more)");
                }
                return new io.cordee.core.export.ArchiveRecords.Version(id, brief, number,
                        constant(io.cordee.core.brief.BriefStatus.class, "status").name(), names("objectives"),
                        names("target_users"), names("constraints"), names("assumptions"), names("out_of_scope"),
                        date("launch_date"), date("communication_plan_date"), instant("created_at"),
                        instant("updated_at"));
            });
            var requirements = all("brief_requirements.csv", r -> {
                UUID version = known(versionClient.keySet(), "brief_version_id", "brief_versions.csv");
                BigDecimal days = decimal("estimate_days");
                if (days == null || days.signum() < 0 || days.scale() > 2) {
                    throw cell("estimate_days", "is not a number of person-days (0 or more, to the hundredth)");
                }
                return new io.cordee.core.export.ArchiveRecords.Requirement(version, integer("position"),
                        required("key"), required("title"), text("user_story"),
                        constant(io.cordee.core.brief.Priority.class, "priority").name(), days);
            });
            Set<String> signed = new java.util.HashSet<>();
            var signatures = all("brief_signatures.csv", r -> {
                UUID version = known(versionClient.keySet(), "brief_version_id", "brief_versions.csv");
                var party = constant(io.cordee.core.brief.Party.class, "party");
                if (!signed.add(version + "/" + party)) {
                    throw cell("party", "signed this version twice");
                }
                String email = required("signer_email").toLowerCase(java.util.Locale.ROOT);
                if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                    throw cell("signer_email", "is not an e-mail address");
                }
                UUID client = versionClient.get(version);
                if (party == io.cordee.core.brief.Party.CLIENT
                        && !contactEmails.getOrDefault(client, Set.of()).contains(email)) {
                    throw cell("signer_email", "is not a contact of the brief's client " + client
                            + " in client_contacts.csv: a client's signature is by one of its contacts");
                }
                int number = integer("version_number");
                if (number < 1) {
                    throw cell("version_number", "is not a version number (1 or more)");
                }
                return new io.cordee.core.export.ArchiveRecords.Signature(version, party.name(), null, email,
                        required("signer_name"), instant("signed_at"), number);
            });
            Set<UUID> proposalIds = new java.util.HashSet<>();
            Map<UUID, Map<Integer, String>> options = new HashMap<>();
            var proposalRows = all("proposals.csv", r -> {
                proposalIds.add(fresh(proposalIds, "id"));
                return r;
            });
            for (Map<String, String> r : tables.get("proposal_options.csv")) {
                one("proposal_options.csv", r, x -> {
                    UUID proposal = known(proposalIds, "proposal_id", "proposals.csv");
                    int position = integer("position");
                    if (options.computeIfAbsent(proposal, k -> new TreeMap<>()).put(position, json("option"))
                            != null) {
                        throw cell("position", "is this proposal's option twice");
                    }
                    return null;
                });
            }
            List<io.cordee.core.export.ArchiveRecords.Proposal> proposals = new ArrayList<>();
            for (Map<String, String> r : proposalRows) {
                proposals.add(one("proposals.csv", r, x -> {
                    UUID id = uuid("id");
                    UUID client = known(contactEmails.keySet(), "client_id", "clients.csv");
                    List<String> opts = new ArrayList<>(options.getOrDefault(id, Map.of()).values());
                    if (opts.isEmpty()) {
                        throw cell("id", "has no row in proposal_options.csv: a proposal has at least one option");
                    }
                    Integer accepted = integerOrNull("accepted_option");
                    String answer = text("answer");
                    if (accepted != null && (accepted < 1 || accepted > opts.size())) {
                        throw cell("accepted_option", "is not one of the proposal's " + opts.size() + " options");
                    }
                    String facts = json("facts");
                    // the facts name the client's projects (time to first cash): each must be in the archive
                    for (JsonNode project : readJson("facts", facts).findValues("projectId")) {
                        if (!projectClient.containsKey(uuidText(project.asString()))) {
                            throw cell("facts", "names project " + project.asString() + ", which is not in projects.csv");
                        }
                    }
                    String channel = text("channel");
                    return new io.cordee.core.export.ArchiveRecords.Proposal(id, client,
                            constant(io.cordee.core.proposal.Language.class, "language").name(), date("sent_on"),
                            channel == null ? null : constant(io.cordee.core.proposal.SendChannel.class, "channel").name(),
                            facts, opts, required("letter_markdown"), required("letter_html"),
                            answer == null ? null : constant(io.cordee.core.proposal.ProposalAnswer.class, "answer").name(),
                            accepted, text("answer_note"), date("answered_on"), instant("created_at"),
                            instant("updated_at"));
                }));
            }
            Set<UUID> commentIds = new java.util.HashSet<>();
            var comments = all("relationship_comments.csv", r -> {
                UUID id = fresh(commentIds, "id");
                commentIds.add(id);
                UUID client = known(contactEmails.keySet(), "client_id", "clients.csv");
                UUID agreement = uuidOrNull("agreement_id");
                UUID commitment = uuidOrNull("commitment_id");
                if ((agreement == null) == (commitment == null)) {
                    throw cell("agreement_id", "and commitment_id: a comment is on exactly one of them");
                }
                if (agreement != null && !client.equals(agreementClient.get(known(agreementClient.keySet(),
                        "agreement_id", "agreements.csv")))) {
                    throw cell("agreement_id", "is another client's agreement");
                }
                if (commitment != null && !client.equals(commitmentClient.get(known(commitmentClient.keySet(),
                        "commitment_id", "commitments.csv")))) {
                    throw cell("commitment_id", "is another client's commitment");
                }
                String kind = required("kind");
                if (!kind.equals("COMMENT") && !kind.equals("DELIVERED")) {
                    throw cell("kind", "is not COMMENT or DELIVERED");
                }
                String author = text("author_email");
                return new io.cordee.core.export.ArchiveRecords.Comment(id, client, agreement, commitment,
                        constant(io.cordee.core.relationship.Side.class, "side").name(), null,
                        author == null ? null : author.toLowerCase(java.util.Locale.ROOT), required("body"), kind,
                        instant("created_at"));
            });
            // the remembered spreadsheet mappings: a kind of the application's, once, and a JSON object
            Set<String> kinds = new java.util.HashSet<>();
            var mappings = all("import_mappings.csv", r -> {
                String kind = constant(io.cordee.core.imports.ImportKind.class, "kind").name();
                if (!kinds.add(kind)) {
                    throw cell("kind", "is in this file twice");
                }
                return new io.cordee.core.export.ArchiveRecords.Mapping(kind, json("mapping"), instant("updated_at"));
            });
            // the keys of confirmed statement credits: of an account and an invoice of the archive, once per account
            Set<UUID> accountIds = ids(accounts, x -> x.id().value());
            Set<UUID> invoiceIds = ids(invoices, x -> x.id().value());
            Set<String> lineKeys = new java.util.HashSet<>();
            var lines = all("bank_statement_lines.csv", r -> {
                UUID account = known(accountIds, "account_id", "bank_accounts.csv");
                String key = required("line_key");
                if (key.length() > 300) {
                    throw cell("line_key", "is longer than 300 characters");
                }
                if (!lineKeys.add(account + "/" + key)) {
                    throw cell("line_key", "is this account's line twice");
                }
                UUID invoice = known(invoiceIds, "invoice_id", "invoices.csv");
                Money amount = money("amount");
                if (amount == null || amount.minorUnits() <= 0) {
                    throw cell("amount", "is not an amount above zero");
                }
                if (!amount.currency().equals(currency)) {
                    throw cell("currency", "is not the agency's currency " + currency);
                }
                LocalDate booked = date("booked_on");
                if (booked == null) {
                    throw cell("booked_on", "is empty");
                }
                return new io.cordee.core.export.ArchiveRecords.StatementLine(account, key, invoice,
                        amount.minorUnits(), booked, instant("created_at"));
            });
            return new io.cordee.core.export.ArchiveRecords(briefs, versions, requirements, signatures, proposals,
                    comments, holidayLabels, mappings, lines);
        }

        /** A UUID not seen before in its file. */
        private UUID fresh(Set<UUID> seen, String column) {
            UUID id = uuid(column);
            if (seen.contains(id)) {
                throw cell(column, "is in this file twice");
            }
            return id;
        }

        /** A UUID that names a row of {@code file}. */
        private UUID known(Set<UUID> ids, String column, String file) {
            UUID id = uuid(column);
            if (!ids.contains(id)) {
                throw cell(column, "is not in " + file);
            }
            return id;
        }

        private UUID uuidText(String v) {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private java.time.Instant instant(String column) {
            try {
                return java.time.Instant.parse(required(column));
            } catch (java.time.format.DateTimeParseException e) {
                throw cell(column, "is not an instant as 2026-12-03T10:15:30Z");
            }
        }

        /** A JSON object (as sent: kept as it is, only checked to be one). */
        private String json(String column) {
            String v = required(column);
            JsonNode node = readJson(column, v);
            if (node == null || !node.isObject()) {
                throw cell(column, "is not a JSON object");
            }
            return v;
        }

        private JsonNode readJson(String column, String v) {
            try {
                return JSON.readTree(v);
            } catch (JacksonException e) {
                throw cell(column, "is not readable JSON");
            }
        }

        /** A file of zero rows (absent in format 1 too: the defaults) or one. */
        private <T> T single(String name, Function<Map<String, String>, T> read) {
            List<Map<String, String>> rows = tables.getOrDefault(name, List.of());
            if (rows.size() > 1) {
                throw invalid(name, name + " holds more than one row");
            }
            return rows.isEmpty() ? null : one(name, rows.get(0), read);
        }

        /** A file of a later format (absent from an older archive: nothing of its kind). */
        private <T> List<T> optional(String name, Function<Map<String, String>, T> read) {
            return tables.containsKey(name) ? all(name, read) : List.of();
        }

        /**
         * The rows of a file of children (a client's contacts, a plan's milestones…) grouped by the parent id in
         * {@code parentColumn}, in the file's order; none when the archive's format has no such file.
         */
        private <T> Map<UUID, List<T>> byParent(String name, String parentColumn,
                                                Function<Map<String, String>, T> read) {
            Map<UUID, List<T>> children = new HashMap<>();
            for (Map<String, String> r : tables.getOrDefault(name, List.of())) {
                one(name, r, x -> children.computeIfAbsent(uuid(parentColumn), k -> new ArrayList<>())
                        .add(read.apply(x)));
            }
            return children;
        }

        /** The ids of {@code rows}, as {@code id} reads each. */
        private static <T> Set<UUID> ids(List<T> rows, Function<T, UUID> id) {
            Set<UUID> ids = new java.util.HashSet<>();
            rows.forEach(x -> ids.add(id.apply(x)));
            return ids;
        }

        /**
         * Every parent id of {@code children} (the rows {@link #byParent} read from {@code name}, grouped by
         * {@code parentColumn}) is among {@code parents}; the first that is not is the archive's error, {@code problem}
         * saying what is missing.
         */
        private static void noOrphans(Map<UUID, ?> children, Set<UUID> parents, String name, String parentColumn,
                                      String problem) {
            for (UUID orphan : children.keySet()) {
                if (!parents.contains(orphan)) {
                    throw invalid(name, name + ": " + parentColumn + " " + orphan + " " + problem);
                }
            }
        }

        private <T> List<T> all(String name, Function<Map<String, String>, T> read) {
            List<T> out = new ArrayList<>();
            for (Map<String, String> r : tables.get(name)) {
                out.add(one(name, r, read));
            }
            return out;
        }

        /** Reads one row; a domain check that fails (a record's own constructor) is the row's error too. */
        private <T> T one(String name, Map<String, String> r, Function<Map<String, String>, T> read) {
            file = name;
            row = r;
            try {
                return read.apply(r);
            } catch (InvalidInput e) {
                if (e.errors().get(0).code() == ErrorCode.ARCHIVE_INVALID) {
                    throw e;
                }
                // a record's own check (a threshold out of its range…): the file and line, then the record's words
                throw invalid(name, name + " line " + r.get("#line") + ": " + e.errors().stream()
                        .map(f -> f.field() + " " + f.message()).collect(java.util.stream.Collectors.joining("; ")));
            } catch (RuntimeException e) {
                throw invalid(name, name + " line " + r.get("#line") + ": " + e.getMessage());
            }
        }

        private InvalidInput cell(String column, String message) {
            return invalid(file, file + " line " + row.get("#line") + ", column " + column + ": "
                    + abbreviate(String.valueOf(row.get(column))) + " " + message);
        }

        private String raw(String column) {
            if (!row.containsKey(column)) {
                throw invalid(file, file + " has no column " + column);
            }
            return row.get(column);
        }

        /** Text as exported: one leading quote was added to a formula-like or quoted text (ADR 42); strip it. */
        private String text(String column) {
            String v = raw(column);
            return v != null && v.startsWith("'") ? v.substring(1) : v;
        }

        private String required(String column) {
            String v = text(column);
            if (v == null) {
                throw cell(column, "is empty");
            }
            return v;
        }

        private UUID uuid(String column) {
            UUID id = uuidOrNull(column);
            if (id == null) {
                throw cell(column, "is empty");
            }
            return id;
        }

        private UUID uuidOrNull(String column) {
            String v = raw(column);
            try {
                return v == null ? null : UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw cell(column, "is not a UUID");
            }
        }

        private LocalDate date(String column) {
            String v = raw(column);
            try {
                return v == null ? null : LocalDate.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw cell(column, "is not a date as YYYY-MM-DD");
            }
        }

        private int integer(String column) {
            String v = raw(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw cell(column, "is not a whole number");
            }
        }

        private Integer integerOrNull(String column) {
            return raw(column) == null ? null : integer(column);
        }

        /** A JSON array of strings (ADR 61); an empty cell is no names. */
        private List<String> names(String column) {
            String v = raw(column);
            if (v == null) {
                return List.of();
            }
            try {
                JsonNode array = JSON.readTree(v);
                if (array == null || !array.isArray()) {
                    throw cell(column, "is not a JSON array of names");
                }
                List<String> out = new ArrayList<>();
                for (JsonNode n : array) {
                    if (!n.isString()) {
                        throw cell(column, "is not a JSON array of names");
                    }
                    out.add(n.asString());
                }
                return out;
            } catch (JacksonException e) {
                throw cell(column, "is not a JSON array of names");
            }
        }

        private boolean bool(String column) {
            String v = raw(column);
            if ("true".equals(v) || "false".equals(v)) {
                return Boolean.parseBoolean(v);
            }
            throw cell(column, "is not true or false");
        }

        private BigDecimal decimal(String column) {
            String v = raw(column);
            try {
                return v == null ? null : new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw cell(column, "is not a decimal number");
            }
        }

        private Currency currency(String column) {
            try {
                return Currency.getInstance(required(column));
            } catch (IllegalArgumentException e) {
                throw cell(column, "is not an ISO currency code");
            }
        }

        /** An exact amount in the row's currency (or the agency's): more decimals than the currency has is refused. */
        private Money money(String column) {
            BigDecimal amount = decimal(column);
            if (amount == null) {
                return null;
            }
            Currency c = row.containsKey("currency") && row.get("currency") != null ? currency("currency") : currency;
            try {
                return new Money(amount.movePointRight(c.getDefaultFractionDigits()).longValueExact(), c);
            } catch (ArithmeticException e) {
                throw cell(column, "is not an exact amount in " + c);
            }
        }

        private <E extends Enum<E>> E constant(Class<E> type, String column) {
            try {
                return Enum.valueOf(type, required(column));
            } catch (IllegalArgumentException e) {
                throw cell(column, "is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
    }
}
