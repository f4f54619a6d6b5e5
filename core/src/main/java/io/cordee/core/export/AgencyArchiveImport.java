package io.cordee.core.export;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.client.Client;
import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.export.AgencyExportService.AgencyData;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.project.Project;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The import half of the complete agency archive (ADR 42, ADR 58): writes an {@link AgencyData} read from an
 * archive into the caller's agency, which must be <em>empty</em> — no client, team member, bank account, invoice,
 * overhead, one-off expense or holiday. Every record keeps the UUID of the archive (primary keys are
 * {@code (agency_id, id)}, so the same ids can live in two agencies) and lands in the caller's agency whatever the
 * archive says. {@code OWNER} only, like the export: it writes every cost and rate.
 *
 * <p>One transaction, attributed to the caller in the audit trail: the references are checked first (a payment of
 * an invoice the archive does not hold is refused before anything is written), then the emptiness inside the
 * transaction, then the records in foreign-key order. Any failure rolls everything back.
 */
public final class AgencyArchiveImport {

    /** What was written, per kind of record. */
    public record Imported(int clients, int projects, int billingPlans, int invoices, int payments, int bankAccounts,
                           int bankBalances, int teamMembers, int absences, int allocations, int overheads,
                           int oneOffExpenses, int holidays, int deals, int timeEntries, int interactions,
                           int strengthsMaps, int agreements, int commitments, int briefs, int briefVersions,
                           int briefSignatures, int proposals, int relationshipComments) {
    }

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);


    private final AgencyArchivePorts ports;

    public AgencyArchiveImport(AgencyArchivePorts ports) {
        this.ports = java.util.Objects.requireNonNull(ports, "ports");
    }

    /**
     * Imports {@code data}, whose records must all carry the caller's agency id (the archive reader puts it
     * there). Refused with {@link ErrorCode#AGENCY_NOT_EMPTY} when the agency holds data, {@link ErrorCode#ARCHIVE_INVALID}
     * when the archive's references do not hold or its currency is not the agency's.
     */
    public Mono<Imported> importInto(Caller caller, AgencyData data) {
        AgencyId agency = caller.agencyId();
        return Mono.fromCallable(() -> caller.require(EnumSet.of(Role.OWNER), "import an agency archive"))
                .then(Mono.fromRunnable(() -> validate(agency, data)))
                .then(ports.tx().inTransactionAs(Actor.of(agency, caller.userId(), "importAgencyArchive"),
                        ports.agencies().existing(agency)
                                .flatMap(current -> refuseUnlessEmpty(agency).then(write(current, data)))));
    }

    private Mono<Void> refuseUnlessEmpty(AgencyId agency) {
        List<Mono<Boolean>> checks = List.of(
                ports.clients().findAll(agency).hasElements(),
                ports.members().findAll(agency).hasElements(),
                ports.cash().accounts(agency).hasElements(),
                ports.billing().findAllInvoices(agency).hasElements(),
                ports.cash().overheads(agency).hasElements(),
                ports.cash().oneOffs(agency, FIRST, LAST).hasElements(),
                ports.agencies().holidays(agency, FIRST, LAST).hasElements(),
                ports.deals().findAll(agency).hasElements());
        return Flux.concat(checks).any(Boolean::booleanValue).flatMap(holds -> holds
                ? Mono.error(InvalidInput.of("agency", "This agency already holds data (clients, team, invoices,"
                + " accounts, expenses, holidays or deals): an archive is imported into an empty agency only",
                ErrorCode.AGENCY_NOT_EMPTY))
                : Mono.empty());
    }

    private Mono<Imported> write(Agency current, AgencyData d) {
        var archived = d.agency().settings();
        if (!archived.currency().equals(current.settings().currency())) {
            return Mono.error(InvalidInput.of("agency", "The archive counts in " + archived.currency()
                    + ", this agency in " + current.settings().currency() + ": amounts cannot be converted",
                    ErrorCode.ARCHIVE_INVALID));
        }
        // the agency keeps its own name (its owner chose it); the archive's settings replace the defaults
        Agency settled = new Agency(current.id(), current.name(), archived, current.version());
        return ports.agencies().updateSettings(settled)
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Agency", current.version())))
                .then(each(d.clients(), ports.clients()::insert))
                .then(each(d.projects(), ports.projects()::insert))
                .then(each(d.plans(), p -> ports.billing().savePlan(current.id(), p.projectId(), p.plan(), -1)))
                .then(each(d.invoices(), ports.billing()::insertInvoice))
                .then(each(d.payments(), ports.billing()::insertPayment))
                .then(each(d.accounts(), a -> ports.cash().insertAccount(current.id(), a)))
                .then(each(d.balances(), b -> ports.cash().saveBalance(current.id(), b)))
                .then(each(d.members(), ports.members()::insert))
                .then(each(d.absences(), ports.absences()::insert))
                .then(each(d.allocations(), ports.allocations()::insert))
                // format 3 (ADR 61): deals point at clients, projects (won) and members (staffing need); time
                // entries at members and projects — all inserted above. One multi-row insert for the entries.
                .then(each(d.deals(), ports.deals()::insert))
                .then(d.timeEntries().isEmpty() ? Mono.<Void>empty()
                        : ports.timesheets().insertNew(current.id(), d.timeEntries())
                                .flatMap(n -> n == d.timeEntries().size()
                                        ? Mono.<Void>empty()
                                        : Mono.error(InvalidInput.of("time_entries.csv", "only " + n + " of "
                                        + d.timeEntries().size() + " time entries could be written; nothing was imported",
                                        ErrorCode.ARCHIVE_INVALID))))
                // the relationship (ADR 61): after clients and projects, which it points at
                .then(each(d.interactions(), ports.relationships()::insertInteraction))
                .then(each(d.strengthsMaps(), m -> ports.relationships().saveStrengthsMap(m, -1)
                        .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Strengths map", -1)))))
                .then(each(d.agreements(), ports.relationships()::insertAgreement))
                .then(each(d.commitments(), ports.relationships()::insertCommitment))
                .then(each(d.overheads(), o -> ports.cash().insertOverhead(current.id(), o)))
                .then(each(d.oneOffs(), e -> ports.cash().insertOneOff(current.id(), e)))
                // each holiday with its label (format 4; "Imported" for an older archive), one call per label
                .then(Flux.fromIterable(d.holidays().stream().collect(java.util.stream.Collectors.groupingBy(
                                d.records()::holidayLabel, java.util.LinkedHashMap::new,
                                java.util.stream.Collectors.toCollection(LinkedHashSet::new))).entrySet())
                        .concatMap(e -> ports.agencies().addHolidays(current.id(), e.getValue(), e.getKey()), 1).then())
                .then(settings(current.id(), d))
                // format 4 (ADR 70): briefs, proposals and comments, after the projects, clients, agreements and
                // commitments they point at; each person named by e-mail becomes this agency's user of that e-mail
                // when there is one, and stays a name otherwise
                .then(ports.records().accounts(current.id()).collectList()
                        .flatMap(accounts -> ports.records().insert(current.id(), mapPeople(d, accounts))))
                .thenReturn(new Imported(d.clients().size(), d.projects().size(), d.plans().size(),
                        d.invoices().size(), d.payments().size(), d.accounts().size(), d.balances().size(),
                        d.members().size(), d.absences().size(), d.allocations().size(), d.overheads().size(),
                        d.oneOffs().size(), d.holidays().size(), d.deals().size(), d.timeEntries().size(),
                        d.interactions().size(), d.strengthsMaps().size(), d.agreements().size(),
                        d.commitments().size(), d.records().briefs().size(), d.records().versions().size(),
                        d.records().signatures().size(), d.records().proposals().size(),
                        d.records().comments().size()));
    }

    /**
     * The agency's other settings (format 2): saved over whatever the empty agency has (its defaults, or settings
     * its owner changed before importing); an archive without them (format 1, or an agency on the defaults)
     * leaves the agency's as they are.
     */
    private Mono<Void> settings(AgencyId agency, AgencyData d) {
        Mono<?> thresholds = d.thresholds() == null ? Mono.empty() : ports.alerts().findThresholds(agency)
                .map(t -> t.version() == null ? -1L : t.version()).defaultIfEmpty(-1L)
                .flatMap(v -> ports.alerts().saveThresholds(agency, d.thresholds(), v))
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Alert thresholds", -1)));
        Mono<?> weights = d.healthWeights() == null ? Mono.empty() : ports.relationships().findHealthWeights(agency)
                .map(io.cordee.core.relationship.HealthWeights::version).defaultIfEmpty(-1L)
                .flatMap(v -> ports.relationships().saveHealthWeights(agency, d.healthWeights(), v))
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Health weights", -1)));
        Mono<?> risk = d.cashRisk() == null ? Mono.empty() : ports.cashRisk().find(agency)
                .map(s -> java.util.Optional.ofNullable(s.version())).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(v -> ports.cashRisk().save(agency, d.cashRisk(), v.orElse(null)))
                .switchIfEmpty(Mono.error(() -> new io.cordee.core.common.Conflict("Cash risk settings", -1)));
        return thresholds.then(weights).then(risk).then();
    }

    /**
     * Each signer and comment author, named by e-mail, mapped to the importing agency's user with that e-mail: for
     * the agency's side a staff user (not a CLIENT), for the client's side a CLIENT user of that same client. No
     * such user (the usual case: an e-mail signs in to one agency only): the signature keeps the name and e-mail
     * with no user, never someone else's account.
     */
    static ArchiveRecords mapPeople(AgencyData d, List<ArchiveRecords.Account> accounts) {
        ArchiveRecords r = d.records();
        if (r.signatures().isEmpty() && r.comments().isEmpty()) {
            return r;
        }
        java.util.Map<UUID, UUID> projectClient = new java.util.HashMap<>();
        d.projects().forEach(p -> projectClient.put(p.id().value(), p.clientId().value()));
        java.util.Map<UUID, UUID> briefClient = new java.util.HashMap<>();
        r.briefs().forEach(b -> briefClient.put(b.id(), projectClient.get(b.projectId())));
        java.util.Map<UUID, UUID> versionClient = new java.util.HashMap<>();
        r.versions().forEach(v -> versionClient.put(v.id(), briefClient.get(v.briefId())));
        List<ArchiveRecords.Signature> signatures = r.signatures().stream().map(s -> s.withSigner(
                user(accounts, s.signerEmail(), s.party(), versionClient.get(s.versionId())))).toList();
        List<ArchiveRecords.Comment> comments = r.comments().stream().map(c -> c.withAuthor(
                user(accounts, c.authorEmail(), c.side(), c.clientId()))).toList();
        return new ArchiveRecords(r.briefs(), r.versions(), r.requirements(), signatures, r.proposals(), comments,
                r.holidayLabels(), r.mappings(), r.statementLines());
    }

    private static UUID user(List<ArchiveRecords.Account> accounts, String email, String side, UUID client) {
        if (email == null) {
            return null;
        }
        for (ArchiveRecords.Account a : accounts) {
            boolean clientUser = "CLIENT".equals(a.role());
            if (a.email().equalsIgnoreCase(email) && ("CLIENT".equals(side)
                    ? clientUser && a.clientId() != null && a.clientId().equals(client) : !clientUser)) {
                return a.id();
            }
        }
        return null;
    }

    /** One insert after the other, on the transaction's connection. */
    private static <T> Mono<Void> each(List<T> records, Function<T, Mono<?>> insert) {
        return Flux.fromIterable(records).concatMap(insert, 1).then();
    }

    /**
     * Every record in the caller's agency, in the agency's currency, and every reference pointing at a record of
     * the archive: checked before the transaction, so a broken archive costs no connection.
     */
    static void validate(AgencyId agency, AgencyData d) {
        List<FieldError> errors = new ArrayList<>();
        var currency = d.agency().settings().currency();
        unique(errors, d.clients(), c -> c.id().value(), "clients.csv");
        unique(errors, d.projects(), p -> p.id().value(), "projects.csv");
        unique(errors, d.plans(), p -> p.projectId().value(), "billing_plans.csv");
        unique(errors, d.invoices(), i -> i.id().value(), "invoices.csv");
        unique(errors, d.payments(), p -> p.id().value(), "payments.csv");
        unique(errors, d.accounts(), a -> a.id().value(), "bank_accounts.csv");
        unique(errors, d.members(), m -> m.id().value(), "team_members.csv");
        unique(errors, d.absences(), a -> a.id().value(), "absences.csv");
        unique(errors, d.allocations(), a -> a.id().value(), "allocations.csv");
        unique(errors, d.overheads(), o -> o.id().value(), "overheads.csv");
        unique(errors, d.oneOffs(), OneOffExpense::id, "one_off_expenses.csv");
        Set<UUID> clientIds = ids(d.clients(), c -> c.id().value());
        Set<UUID> projectIds = ids(d.projects(), p -> p.id().value());
        Set<UUID> invoiceIds = ids(d.invoices(), i -> i.id().value());
        Set<UUID> memberIds = ids(d.members(), m -> m.id().value());
        Set<UUID> accountIds = ids(d.accounts(), a -> a.id().value());
        for (Client c : d.clients()) {
            same(errors, agency, c.agencyId(), "clients.csv", c.id().value());
        }
        for (Project p : d.projects()) {
            same(errors, agency, p.agencyId(), "projects.csv", p.id().value());
            points(errors, clientIds, p.clientId().value(), "projects.csv", p.id().value(), "client_id");
            money(errors, currency, p.feeBudget() == null ? null : p.feeBudget().currency(), "projects.csv",
                    p.id().value());
        }
        for (ProjectBilling b : d.plans()) {
            points(errors, projectIds, b.projectId().value(), "billing_plans.csv", b.projectId().value(), "project_id");
        }
        for (Invoice i : d.invoices()) {
            same(errors, agency, i.agencyId(), "invoices.csv", i.id().value());
            points(errors, clientIds, i.clientId().value(), "invoices.csv", i.id().value(), "client_id");
            if (i.projectId() != null) {
                points(errors, projectIds, i.projectId().value(), "invoices.csv", i.id().value(), "project_id");
            }
            money(errors, currency, i.amount().currency(), "invoices.csv", i.id().value());
        }
        for (Payment p : d.payments()) {
            same(errors, agency, p.agencyId(), "payments.csv", p.id().value());
            points(errors, invoiceIds, p.invoiceId().value(), "payments.csv", p.id().value(), "invoice_id");
            points(errors, clientIds, p.clientId().value(), "payments.csv", p.id().value(), "client_id");
            money(errors, currency, p.amount().currency(), "payments.csv", p.id().value());
        }
        for (BankBalance b : d.balances()) {
            if (b.accountId() == null) {
                errors.add(new FieldError("bank_balances.csv", "a balance without its account_id",
                        ErrorCode.ARCHIVE_INVALID));
            } else {
                points(errors, accountIds, b.accountId().value(), "bank_balances.csv", b.id(), "account_id");
            }
        }
        for (TeamMember m : d.members()) {
            same(errors, agency, m.agencyId(), "team_members.csv", m.id().value());
        }
        for (Absence a : d.absences()) {
            same(errors, agency, a.agencyId(), "absences.csv", a.id().value());
            points(errors, memberIds, a.memberId().value(), "absences.csv", a.id().value(), "member_id");
        }
        for (Allocation a : d.allocations()) {
            same(errors, agency, a.agencyId(), "allocations.csv", a.id().value());
            points(errors, memberIds, a.memberId().value(), "allocations.csv", a.id().value(), "member_id");
            points(errors, projectIds, a.projectId().value(), "allocations.csv", a.id().value(), "project_id");
        }
        for (Overhead o : d.overheads()) {
            money(errors, currency, o.monthlyAmount().currency(), "overheads.csv", o.id().value());
        }
        for (OneOffExpense e : d.oneOffs()) {
            money(errors, currency, e.amount().currency(), "one_off_expenses.csv", e.id());
        }
        unique(errors, d.deals(), x -> x.id().value(), "deals.csv");
        for (io.cordee.core.deal.Deal x : d.deals()) {
            UUID id = x.id().value();
            same(errors, agency, x.agencyId(), "deals.csv", id);
            if (x.clientId() != null) {
                points(errors, clientIds, x.clientId().value(), "deals.csv", id, "client_id");
            }
            if (x.projectId() != null) {
                points(errors, projectIds, x.projectId().value(), "deals.csv", id, "project_id");
            }
            money(errors, currency, x.expectedFee().currency(), "deals.csv", id);
            for (io.cordee.core.deal.StaffingNeed n : x.staffingNeed()) {
                points(errors, memberIds, n.memberId().value(), "deal_staffing.csv", id, "member_id");
            }
        }
        unique(errors, d.timeEntries(), io.cordee.core.timesheet.TimeEntry::id, "time_entries.csv");
        Set<String> keys = new HashSet<>();
        for (io.cordee.core.timesheet.TimeEntry e : d.timeEntries()) {
            points(errors, memberIds, e.memberId().value(), "time_entries.csv", e.id(), "member_id");
            points(errors, projectIds, e.projectId().value(), "time_entries.csv", e.id(), "project_id");
            // the key is what makes a re-import of the tracker's file insert nothing (V40): twice would lose one
            if (!keys.add(e.key())) {
                errors.add(new FieldError("time_entries.csv", "record " + e.id() + ": source_key " + e.key()
                        + " is in time_entries.csv twice", ErrorCode.ARCHIVE_INVALID));
            }
        }
        unique(errors, d.interactions(), x -> x.id().value(), "interactions.csv");
        for (io.cordee.core.relationship.Interaction x : d.interactions()) {
            same(errors, agency, x.agencyId(), "interactions.csv", x.id().value());
            points(errors, clientIds, x.clientId().value(), "interactions.csv", x.id().value(), "client_id");
        }
        unique(errors, d.strengthsMaps(), x -> x.clientId().value(), "strengths_maps.csv");
        for (io.cordee.core.relationship.StrengthsMap x : d.strengthsMaps()) {
            same(errors, agency, x.agencyId(), "strengths_maps.csv", x.clientId().value());
            points(errors, clientIds, x.clientId().value(), "strengths_maps.csv", x.clientId().value(), "client_id");
        }
        unique(errors, d.agreements(), x -> x.id().value(), "agreements.csv");
        for (io.cordee.core.relationship.Agreement x : d.agreements()) {
            same(errors, agency, x.agencyId(), "agreements.csv", x.id().value());
            points(errors, clientIds, x.clientId().value(), "agreements.csv", x.id().value(), "client_id");
            if (x.projectId() != null) {
                points(errors, projectIds, x.projectId().value(), "agreements.csv", x.id().value(), "project_id");
            }
        }
        unique(errors, d.commitments(), x -> x.id().value(), "commitments.csv");
        for (io.cordee.core.relationship.Commitment x : d.commitments()) {
            same(errors, agency, x.agencyId(), "commitments.csv", x.id().value());
            points(errors, clientIds, x.clientId().value(), "commitments.csv", x.id().value(), "client_id");
            points(errors, projectIds, x.projectId().value(), "commitments.csv", x.id().value(), "project_id");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
    }

    private static <T> void unique(List<FieldError> errors, List<T> records, Function<T, UUID> id, String file) {
        Set<UUID> seen = new HashSet<>();
        for (T r : records) {
            if (!seen.add(id.apply(r))) {
                errors.add(new FieldError(file, "record " + id.apply(r) + " is in " + file + " twice",
                        ErrorCode.ARCHIVE_INVALID));
            }
        }
    }

    private static <T> Set<UUID> ids(List<T> records, Function<T, UUID> id) {
        Set<UUID> ids = new HashSet<>();
        for (T r : records) {
            ids.add(id.apply(r));
        }
        return ids;
    }

    private static void same(List<FieldError> errors, AgencyId agency, AgencyId of, String file, UUID id) {
        if (!agency.equals(of)) {
            errors.add(new FieldError(file, "record " + id + " is not of the importing agency",
                    ErrorCode.ARCHIVE_INVALID));
        }
    }

    private static void points(List<FieldError> errors, Set<UUID> known, UUID target, String file, UUID id,
                               String column) {
        if (!known.contains(target)) {
            errors.add(new FieldError(file, "record " + id + ": " + column + " " + target
                    + " is not in the archive", ErrorCode.ARCHIVE_INVALID));
        }
    }

    private static void money(List<FieldError> errors, java.util.Currency agency, java.util.Currency of, String file,
                              UUID id) {
        if (of != null && !agency.equals(of)) {
            errors.add(new FieldError(file, "record " + id + " is in " + of + ", the agency counts in " + agency,
                    ErrorCode.ARCHIVE_INVALID));
        }
    }
}
