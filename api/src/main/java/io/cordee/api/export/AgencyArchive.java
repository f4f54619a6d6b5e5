package io.cordee.api.export;

import io.cordee.core.agency.Segment;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.client.Client;
import io.cordee.core.client.Contact;
import io.cordee.core.export.AgencyExportService.AgencyData;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complete agency export (ADR 42): a ZIP of CSV files, one per kind of record, and {@code manifest.json}
 * (format version, agency, export time, and per file its row count and SHA-256). Made to be imported back:
 *
 * <ul>
 *   <li>every record keeps its UUID ({@code id}), and references are those UUIDs ({@code client_id},
 *       {@code project_id}…): primary keys are {@code (agency_id, id)}, so an empty agency can take the same ids;
 *       natural keys ride along (invoice {@code number}, client {@code name}, member {@code name});</li>
 *   <li>amounts are exact decimals in major units with their currency; dates ISO; booleans {@code true}/{@code false};
 *       lists inside a cell (skills) joined with {@code |};</li>
 *   <li>text is escaped reversibly: a text starting with {@code = + - @}, a tab, a CR or a single quote gets one
 *       more single quote in front; the import strips one leading quote, and gets the text back exactly.</li>
 * </ul>
 */
public final class AgencyArchive {

    /**
     * 2 (ADR 58) adds {@code alert_thresholds.csv}, {@code health_weights.csv} and {@code cash_risk_settings.csv};
     * 3 (ADR 61) adds {@code deals.csv}, {@code deal_milestones.csv}, {@code deal_staffing.csv} and
     * {@code time_entries.csv}, and the relationship: {@code interactions.csv}, {@code strengths_maps.csv},
     * {@code strengths.csv}, {@code agreements.csv}, {@code commitments.csv};
     * 4 (ADR 70) adds {@code briefs.csv}, {@code brief_versions.csv}, {@code brief_requirements.csv},
     * {@code brief_signatures.csv}, {@code proposals.csv}, {@code proposal_options.csv} and
     * {@code relationship_comments.csv}; then, before its release (ADR 70 amended), {@code import_mappings.csv},
     * {@code bank_statement_lines.csv}, a holiday's {@code label}, and {@code created_at}/{@code updated_at} of
     * briefs, versions and proposals.
     */
    public static final int FORMAT_VERSION = 4;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AgencyArchive() {
    }

    /** The archive's tables, by file name, in the order they can be imported. */
    static Map<String, ExportTable> tables(AgencyData d) {
        Map<String, ExportTable> files = new LinkedHashMap<>();
        var s = d.agency().settings();
        ExportTable.Builder agency = ExportTable.of("agency").text("id").text("name").text("currency")
                .text("time_zone").amount("safety_cash_threshold").integer("payday");
        for (Segment segment : Segment.values()) {
            agency.integer("default_delay_days_" + segment.name());
        }
        List<Object> row = new ArrayList<>(List.of(d.agency().id().value().toString(), d.agency().name(),
                s.currency().getCurrencyCode(), s.timeZone().getId(), s.safetyCashThreshold().amount(), s.payday()));
        for (Segment segment : Segment.values()) {
            row.add(s.defaultPaymentDelayDays().get(segment));
        }
        files.put("agency.csv", agency.row(row.toArray()).build());

        ExportTable.Builder clients = ExportTable.of("clients").text("id").text("name").text("segment")
                .integer("payment_terms_days").text("archived").text("funding_stage").date("runway_end")
                .date("next_round_expected").text("next_round_status");
        ExportTable.Builder contacts = ExportTable.of("client_contacts").text("client_id").integer("position")
                .text("name").text("email").text("role");
        for (Client c : d.clients()) {
            var f = c.funding();
            clients.row(id(c.id().value()), c.name(), c.segment().name(), c.paymentTermsDays(), bool(c.archived()),
                    f == null || f.stage() == null ? null : f.stage().name(), f == null ? null : f.runwayEnd(),
                    f == null ? null : f.nextRoundExpected(),
                    f == null || f.nextRoundStatus() == null ? null : f.nextRoundStatus().name());
            for (int i = 0; i < c.contacts().size(); i++) {
                Contact contact = c.contacts().get(i);
                contacts.row(id(c.id().value()), i, contact.name(), contact.email(), contact.role());
            }
        }
        files.put("clients.csv", clients.build());
        files.put("client_contacts.csv", contacts.build());

        ExportTable.Builder projects = ExportTable.of("projects").text("id").text("client_id").text("name")
                .text("status").date("start_date").date("launch_date").date("communication_plan_date")
                .amount("fee_budget").integer("payment_terms_days").text("currency");
        for (Project p : d.projects()) {
            projects.row(id(p.id().value()), id(p.clientId().value()), p.name(), p.status().name(), p.startDate(),
                    p.launchDate(), p.communicationPlanDate(), amount(p.feeBudget()), p.paymentTermsDays(),
                    currency(p.feeBudget()));
        }
        files.put("projects.csv", projects.build());

        ExportTable.Builder plans = ExportTable.of("billing_plans").text("project_id").integer("deposit_percent")
                .text("monthly_in_arrears");
        ExportTable.Builder milestones = ExportTable.of("milestones").text("project_id").integer("position")
                .text("label").date("date").integer("share_percent");
        for (ProjectBilling b : d.plans()) {
            plans.row(id(b.projectId().value()), b.plan().depositPercent(), bool(b.plan().monthlyInArrears()));
            for (int i = 0; i < b.plan().milestones().size(); i++) {
                Milestone m = b.plan().milestones().get(i);
                milestones.row(id(b.projectId().value()), i, m.label(), m.date(), m.sharePercent());
            }
        }
        files.put("billing_plans.csv", plans.build());
        files.put("milestones.csv", milestones.build());

        ExportTable.Builder invoices = ExportTable.of("invoices").text("id").text("client_id").text("project_id")
                .text("plan_key").text("number").text("label").text("status").date("issue_date").date("due_date")
                .amount("amount").amount("paid").date("paid_date").text("currency");
        for (Invoice i : d.invoices()) {
            invoices.row(id(i.id().value()), id(i.clientId().value()),
                    i.projectId() == null ? null : id(i.projectId().value()), i.planKey(), i.number(), i.label(),
                    i.status().name(), i.issueDate(), i.dueDate(), amount(i.amount()), amount(i.paid()), i.paidDate(),
                    currency(i.amount()));
        }
        files.put("invoices.csv", invoices.build());

        ExportTable.Builder payments = ExportTable.of("payments").text("id").text("invoice_id").text("client_id")
                .date("received_on").amount("amount").text("currency");
        for (Payment p : d.payments()) {
            payments.row(id(p.id().value()), id(p.invoiceId().value()), id(p.clientId().value()), p.receivedOn(),
                    amount(p.amount()), currency(p.amount()));
        }
        files.put("payments.csv", payments.build());

        ExportTable.Builder accounts = ExportTable.of("bank_accounts").text("id").text("name").text("label")
                .text("currency").text("archived");
        for (BankAccount a : d.accounts()) {
            accounts.row(id(a.id().value()), a.name(), a.label(), a.currency().getCurrencyCode(), bool(a.archived()));
        }
        files.put("bank_accounts.csv", accounts.build());

        ExportTable.Builder balances = ExportTable.of("bank_balances").text("id").text("account_id").date("date")
                .amount("amount").text("currency");
        for (BankBalance b : d.balances()) {
            balances.row(b.id() == null ? null : id(b.id()), b.accountId() == null ? null : id(b.accountId().value()),
                    b.date(), amount(b.amount()), currency(b.amount()));
        }
        files.put("bank_balances.csv", balances.build());

        ExportTable.Builder members = ExportTable.of("team_members").text("id").text("name").text("job_title")
                .text("skills").amount("fte").amount("monthly_loaded_cost").amount("daily_bill_rate")
                .date("start_date").date("end_date").text("archived").text("currency");
        for (TeamMember m : d.members()) {
            members.row(id(m.id().value()), m.name(), m.jobTitle(), String.join("|", m.skills()), m.fte(),
                    amount(m.monthlyLoadedCost()), amount(m.dailyBillRate()), m.startDate(), m.endDate(),
                    bool(m.archived()), currency(m.monthlyLoadedCost()));
        }
        files.put("team_members.csv", members.build());

        ExportTable.Builder absences = ExportTable.of("absences").text("id").text("member_id").text("kind")
                .date("from").date("to").text("note");
        for (Absence a : d.absences()) {
            absences.row(id(a.id().value()), id(a.memberId().value()), a.kind().name(), a.from(), a.to(), a.note());
        }
        files.put("absences.csv", absences.build());

        ExportTable.Builder allocations = ExportTable.of("allocations").text("id").text("member_id")
                .text("project_id").integer("share_percent").date("from").date("to");
        for (Allocation a : d.allocations()) {
            allocations.row(id(a.id().value()), id(a.memberId().value()), id(a.projectId().value()), a.sharePercent(),
                    a.from(), a.to());
        }
        files.put("allocations.csv", allocations.build());

        ExportTable.Builder overheads = ExportTable.of("overheads").text("id").text("label").amount("monthly_amount")
                .integer("day_of_month").date("start_date").date("end_date").text("currency");
        for (Overhead o : d.overheads()) {
            overheads.row(id(o.id().value()), o.label(), amount(o.monthlyAmount()), o.dayOfMonth(), o.from(), o.to(),
                    currency(o.monthlyAmount()));
        }
        files.put("overheads.csv", overheads.build());

        ExportTable.Builder oneOffs = ExportTable.of("one_off_expenses").text("id").text("label").date("date")
                .amount("amount").text("currency");
        for (OneOffExpense e : d.oneOffs()) {
            oneOffs.row(id(e.id()), e.label(), e.date(), amount(e.amount()), currency(e.amount()));
        }
        files.put("one_off_expenses.csv", oneOffs.build());

        // format 4 adds the label (ADR 70)
        ExportTable.Builder holidays = ExportTable.of("holidays").date("date").text("label");
        for (LocalDate day : d.holidays()) {
            holidays.row(day, d.records().holidayLabel(day));
        }
        files.put("holidays.csv", holidays.build());

        // format 2: the settings an agency may change beyond agency.csv; no row: the agency keeps the defaults
        var t = d.thresholds();
        ExportTable.Builder thresholds = ExportTable.of("alert_thresholds").integer("capacity_warning_percent")
                .integer("capacity_critical_percent").integer("cash_critical_weeks").integer("cash_warning_weeks")
                .integer("time_to_first_cash_days").integer("exposure_percent_of_opening").integer("overdue_days")
                .integer("overdue_critical_days").integer("payment_drift_days").integer("engagement_drop_points")
                .integer("engagement_window_days").integer("commitment_slip_days");
        if (t != null) {
            thresholds.row(t.capacityWarningPercent(), t.capacityCriticalPercent(), t.cashCriticalWeeks(),
                    t.cashWarningWeeks(), t.timeToFirstCashDays(), t.exposurePercentOfOpening(), t.overdueDays(),
                    t.overdueCriticalDays(), t.paymentDriftDays(), t.engagementDropPoints(), t.engagementWindowDays(),
                    t.commitmentSlipDays());
        }
        files.put("alert_thresholds.csv", thresholds.build());
        var w = d.healthWeights();
        ExportTable.Builder weights = ExportTable.of("health_weights").integer("commitments").integer("feedback")
                .integer("energy").integer("frequency").integer("payment");
        if (w != null) {
            weights.row(w.commitments(), w.feedback(), w.energy(), w.frequency(), w.payment());
        }
        files.put("health_weights.csv", weights.build());
        ExportTable.Builder risk = ExportTable.of("cash_risk_settings");
        for (io.cordee.core.client.RoundStatus status : io.cordee.core.client.RoundStatus.values()) {
            risk.integer("round_failure_percent_" + status.name());
        }
        risk.integer("cash_risk_percent");
        if (d.cashRisk() != null) {
            List<Object> cells = new ArrayList<>();
            for (io.cordee.core.client.RoundStatus status : io.cordee.core.client.RoundStatus.values()) {
                cells.add(d.cashRisk().roundFailurePercent().get(status));
            }
            cells.add(d.cashRisk().cashRiskPercent());
            risk.row(cells.toArray());
        }
        files.put("cash_risk_settings.csv", risk.build());

        // format 3 (ADR 61): the pipeline (every stage: a won deal keeps its project, a lost one its history) with
        // its billing-plan template and staffing need, then the actual time imported from trackers
        ExportTable.Builder deals = ExportTable.of("deals").text("id").text("name").text("client_id")
                .text("prospect_name").text("prospect_segment").amount("expected_fee").text("currency")
                .integer("probability_percent").date("expected_start").integer("duration").text("duration_unit")
                .integer("deposit_percent").text("monthly_in_arrears").text("stage").text("project_id");
        ExportTable.Builder dealMilestones = ExportTable.of("deal_milestones").text("deal_id").integer("position")
                .text("label").date("date").integer("share_percent");
        ExportTable.Builder dealStaffing = ExportTable.of("deal_staffing").text("deal_id").integer("position")
                .text("member_id").integer("share_percent");
        for (io.cordee.core.deal.Deal x : d.deals()) {
            var plan = x.billingPlan();
            deals.row(id(x.id().value()), x.name(), x.clientId() == null ? null : id(x.clientId().value()),
                    x.prospectName(), x.prospectSegment() == null ? null : x.prospectSegment().name(),
                    amount(x.expectedFee()), currency(x.expectedFee()), x.probabilityPercent(), x.expectedStart(),
                    x.duration(), x.durationUnit().name(), plan.depositPercent(), bool(plan.monthlyInArrears()),
                    x.stage().name(), x.projectId() == null ? null : id(x.projectId().value()));
            for (int i = 0; i < plan.milestones().size(); i++) {
                Milestone m = plan.milestones().get(i);
                dealMilestones.row(id(x.id().value()), i, m.label(), m.date(), m.sharePercent());
            }
            for (int i = 0; i < x.staffingNeed().size(); i++) {
                var need = x.staffingNeed().get(i);
                dealStaffing.row(id(x.id().value()), i, id(need.memberId().value()), need.sharePercent());
            }
        }
        files.put("deals.csv", deals.build());
        files.put("deal_milestones.csv", dealMilestones.build());
        files.put("deal_staffing.csv", dealStaffing.build());
        ExportTable.Builder time = ExportTable.of("time_entries").text("id").text("member_id").text("project_id")
                .date("date").integer("minutes").text("source").text("source_key");
        for (io.cordee.core.timesheet.TimeEntry e : d.timeEntries()) {
            time.row(id(e.id()), id(e.memberId().value()), id(e.projectId().value()), e.date(), e.minutes(),
                    e.source(), e.key());
        }
        files.put("time_entries.csv", time.build());

        // format 3 (ADR 61): the relationship with each client. Lists of names (participants, expectations) are a
        // JSON array of strings in one cell: names may hold any character, a separator could not be reversed
        ExportTable.Builder interactions = ExportTable.of("interactions").text("id").text("client_id").date("date")
                .text("kind").text("agency_participants").text("client_participants").text("summary")
                .integer("agency_energy").integer("client_energy").text("internal");
        for (io.cordee.core.relationship.Interaction x : d.interactions()) {
            interactions.row(id(x.id().value()), id(x.clientId().value()), x.date(), x.kind().name(),
                    names(x.agencyParticipants()), names(x.clientParticipants()), x.summary(), x.agencyEnergy(),
                    x.clientEnergy(), bool(x.internal()));
        }
        files.put("interactions.csv", interactions.build());
        ExportTable.Builder maps = ExportTable.of("strengths_maps").text("client_id").text("expectations");
        ExportTable.Builder strengths = ExportTable.of("strengths").text("client_id").integer("position")
                .text("domain").integer("agency").integer("client").text("lead");
        for (io.cordee.core.relationship.StrengthsMap m : d.strengthsMaps()) {
            maps.row(id(m.clientId().value()), names(m.expectations()));
            for (int i = 0; i < m.strengths().size(); i++) {
                var st = m.strengths().get(i);
                strengths.row(id(m.clientId().value()), i, st.domain(), st.agency(), st.client(), st.lead().name());
            }
        }
        files.put("strengths_maps.csv", maps.build());
        files.put("strengths.csv", strengths.build());
        ExportTable.Builder agreements = ExportTable.of("agreements").text("id").text("client_id").text("project_id")
                .text("what").text("owner_side").text("owner_name").date("due_date").text("status").date("done_date");
        for (io.cordee.core.relationship.Agreement a : d.agreements()) {
            agreements.row(id(a.id().value()), id(a.clientId().value()),
                    a.projectId() == null ? null : id(a.projectId().value()), a.what(), a.ownerSide().name(),
                    a.ownerName(), a.dueDate(), a.status().name(), a.doneDate());
        }
        files.put("agreements.csv", agreements.build());
        ExportTable.Builder commitments = ExportTable.of("commitments").text("id").text("client_id")
                .text("project_id").text("kind").text("title").date("due_date").date("delivered_date");
        for (io.cordee.core.relationship.Commitment c : d.commitments()) {
            commitments.row(id(c.id().value()), id(c.clientId().value()), id(c.projectId().value()), c.kind().name(),
                    c.title(), c.dueDate(), c.deliveredDate());
        }
        files.put("commitments.csv", commitments.build());

        // format 4 (ADR 70): briefs (versions, requirements, signatures), proposals (options, answer) and the
        // comments on the game plan. A person is named by e-mail: the import maps it to a user of its agency
        var x = d.records();
        ExportTable.Builder briefs = ExportTable.of("briefs").text("id").text("project_id").text("title")
                .text("created_at").text("updated_at");
        x.briefs().forEach(b -> briefs.row(id(b.id()), id(b.projectId()), b.title(), at(b.createdAt()),
                at(b.updatedAt())));
        files.put("briefs.csv", briefs.build());
        ExportTable.Builder versions = ExportTable.of("brief_versions").text("id").text("brief_id").integer("number")
                .text("status").text("objectives").text("target_users").text("constraints").text("assumptions")
                .text("out_of_scope").date("launch_date").date("communication_plan_date").text("created_at")
                .text("updated_at");
        x.versions().forEach(v -> versions.row(id(v.id()), id(v.briefId()), v.number(), v.status(),
                names(v.objectives()), names(v.targetUsers()), names(v.constraints()), names(v.assumptions()),
                names(v.outOfScope()), v.launchDate(), v.communicationPlanDate(), at(v.createdAt()),
                at(v.updatedAt())));
        files.put("brief_versions.csv", versions.build());
        ExportTable.Builder requirements = ExportTable.of("brief_requirements").text("brief_version_id")
                .integer("position").text("key").text("title").text("user_story").text("priority")
                .amount("estimate_days");
        x.requirements().forEach(q -> requirements.row(id(q.versionId()), q.position(), q.key(), q.title(),
                q.userStory(), q.priority(), q.estimateDays()));
        files.put("brief_requirements.csv", requirements.build());
        ExportTable.Builder signatures = ExportTable.of("brief_signatures").text("brief_version_id").text("party")
                .text("signer_email").text("signer_name").text("signed_at").integer("version_number");
        x.signatures().forEach(g -> signatures.row(id(g.versionId()), g.party(), g.signerEmail(), g.signerName(),
                g.signedAt().toString(), g.versionNumber()));
        files.put("brief_signatures.csv", signatures.build());
        ExportTable.Builder proposals = ExportTable.of("proposals").text("id").text("client_id").text("language")
                .date("sent_on").text("channel").text("facts").text("letter_markdown").text("letter_html")
                .text("answer").integer("accepted_option").text("answer_note").date("answered_on").text("created_at")
                .text("updated_at");
        ExportTable.Builder options = ExportTable.of("proposal_options").text("proposal_id").integer("position")
                .text("option");
        for (var p : x.proposals()) {
            proposals.row(id(p.id()), id(p.clientId()), p.language(), p.sentOn(), p.channel(), p.facts(),
                    p.letterMarkdown(), p.letterHtml(), p.answer(), p.acceptedOption(), p.answerNote(), p.answeredOn(),
                    at(p.createdAt()), at(p.updatedAt()));
            for (int i = 0; i < p.options().size(); i++) {
                options.row(id(p.id()), i, p.options().get(i));
            }
        }
        files.put("proposals.csv", proposals.build());
        files.put("proposal_options.csv", options.build());
        ExportTable.Builder comments = ExportTable.of("relationship_comments").text("id").text("client_id")
                .text("agreement_id").text("commitment_id").text("side").text("author_email").text("body").text("kind")
                .text("created_at");
        x.comments().forEach(c -> comments.row(id(c.id()), id(c.clientId()),
                c.agreementId() == null ? null : id(c.agreementId()),
                c.commitmentId() == null ? null : id(c.commitmentId()), c.side(), c.authorEmail(), c.body(), c.kind(),
                c.createdAt().toString()));
        files.put("relationship_comments.csv", comments.build());
        // format 4, completed (ADR 70 amended): the remembered spreadsheet mappings, and the keys of the confirmed
        // bank-statement credits (so a statement imported again does not propose them again)
        ExportTable.Builder mappings = ExportTable.of("import_mappings").text("kind").text("mapping")
                .text("updated_at");
        x.mappings().forEach(m -> mappings.row(m.kind(), m.mapping(), at(m.updatedAt())));
        files.put("import_mappings.csv", mappings.build());
        ExportTable.Builder lines = ExportTable.of("bank_statement_lines").text("account_id").text("line_key")
                .text("invoice_id").amount("amount").text("currency").date("booked_on").text("created_at");
        var agencyCurrency = d.agency().settings().currency();
        x.statementLines().forEach(l -> lines.row(id(l.accountId()), l.lineKey(), id(l.invoiceId()),
                new Money(l.amountMinor(), agencyCurrency).amount(), agencyCurrency.getCurrencyCode(),
                l.bookedOn(), at(l.createdAt())));
        files.put("bank_statement_lines.csv", lines.build());
        return files;
    }

    /** The ZIP: each table as a CSV (UTF-8 with BOM, comma, escaped text), then {@code manifest.json}. */
    public static byte[] zip(AgencyData data, Instant now) {
        Instant exportedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, ExportTable> tables = tables(data);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "cordee-agency-export");
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("agency", Map.of("id", data.agency().id().value().toString(), "name", data.agency().name(),
                "currency", data.agency().settings().currency().getCurrencyCode()));
        manifest.put("exportedAt", exportedAt.toString());
        manifest.put("csv", Map.of("encoding", "UTF-8 with BOM", "separator", ",", "decimal", ".",
                "textEscape", "a leading ' was added to text starting with = + - @ tab CR or '; strip one on import"));
        List<Map<String, Object>> files = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var entry : tables.entrySet()) {
                byte[] csv = csv(entry.getValue());
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(exportedAt.toEpochMilli());
                zip.putNextEntry(zipEntry);
                zip.write(csv);
                zip.closeEntry();
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("name", entry.getKey());
                file.put("rows", entry.getValue().rows().size());
                file.put("sha256", sha256(csv));
                files.add(file);
            }
            manifest.put("files", files);
            ZipEntry manifestEntry = new ZipEntry("manifest.json");
            manifestEntry.setTime(exportedAt.toEpochMilli());
            zip.putNextEntry(manifestEntry);
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] csv(ExportTable table) {
        ExportTable escaped = new ExportTable(table.sheetName(), table.columns(), table.rows().stream().map(r -> {
            List<Object> out = new ArrayList<>(r.size());
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                out.add(v != null && table.columns().get(i).kind() == ExportTable.Kind.TEXT ? escape(v.toString()) : v);
            }
            return (List<Object>) out;
        }).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write(CsvFormat.BOM);
            // the text is escaped already: write it as it is
            CsvFormat.write(escaped, CsvFormat.Separator.COMMA, writer, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reversible: one quote in front of a text a spreadsheet would take for a formula, or that starts with one. */
    static String escape(String text) {
        return !text.isEmpty() && text.charAt(0) == '\'' ? "'" + text : CsvFormat.neutralise(text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list of names as a JSON array of strings (reversible whatever the names hold). */
    static String names(List<String> names) {
        return JSON_CELL.writeValueAsString(names == null ? List.of() : names);
    }

    private static final JsonMapper JSON_CELL = JsonMapper.builder().build();

    private static String at(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String id(UUID id) {
        return id.toString();
    }

    private static String bool(boolean value) {
        return Boolean.toString(value);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency().getCurrencyCode();
    }
}
