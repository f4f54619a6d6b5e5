package io.cordee.core.imports;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentId;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.imports.ImportService.Columns;
import io.cordee.core.imports.ImportService.Findings;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The plan of a FEC import (ADR 51). Every row's dates and amounts are checked (an issue stops everything);
 * then:
 * <ul>
 *   <li>a debit on a {@code 411…} account is (a line of) an issued invoice: number = {@code PieceRef}, client =
 *       {@code CompAuxLib} (else {@code CompteLib}), matched by name or created, issued on {@code PieceDate}
 *       (else {@code EcritureDate}), due after the client's payment terms;</li>
 *   <li>an invoice whose every line is lettered ({@code EcritureLet}) in a group that balances (its debits equal
 *       its credits on that account) is paid in full on {@code DateLet} (else the group's latest
 *       {@code DateLet}, else its latest credit's date); a group that does not balance is partial lettering:
 *       noted as ignored, the invoice stays open;</li>
 *   <li>each {@code 512…} account's debits − credits become its balance at the file's last entry date, in the
 *       bank account whose label is that account number (else whose name is its {@code CompteLib}), created
 *       when there is none.</li>
 * </ul>
 * Everything else is noted as ignored with the reason. Re-importing the same file writes nothing: clients by
 * name, invoices by number, payments by invoice, date and amount, balances by account and date.
 */
final class FecImport {

    /** Journals of opening entries (à-nouveaux): they carry last year's balances, not new invoices. */
    static final Set<String> OPENING_JOURNALS = Set.of("AN", "RAN", "ANO", "OUV");

    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final BillingRepository billing;
    private final CashRepository cash;
    private final IdGenerator ids;

    FecImport(ClientRepository clients, ProjectRepository projects, BillingRepository billing, CashRepository cash,
              IdGenerator ids) {
        this.clients = clients;
        this.projects = projects;
        this.billing = billing;
        this.cash = cash;
        this.ids = ids;
    }

    /** One row of the file, read. */
    private record Entry(int row, String journal, LocalDate date, String account, String accountLabel,
                         String auxNum, String auxLabel, String piece, LocalDate pieceDate, long debit, long credit,
                         String letter, LocalDate dateLet) {
        String accountKey() {
            return account + "/" + (auxNum == null ? "" : auxNum);
        }

        String group() {
            return accountKey() + "/" + letter;
        }
    }

    /** One invoice gathered from its 411 debit lines. */
    private static final class Gathered {
        final String number;
        final String clientName;
        final int row;
        LocalDate issued;
        long amount;
        final List<Entry> lines = new ArrayList<>();

        Gathered(String number, String clientName, int row, LocalDate issued) {
            this.number = number;
            this.clientName = clientName;
            this.row = row;
            this.issued = issued;
        }
    }

    /** A letter group on one account: its sums, its latest DateLet and latest credit date. */
    private static final class Group {
        long debit;
        long credit;
        LocalDate lastDateLet;
        LocalDate lastCredit;
    }

    Findings plan(Caller caller, Agency agency, Sheet sheet, Columns c, List<Client> existingClients,
                  List<Project> existingProjects, List<Invoice> existingInvoices, List<Payment> existingPayments,
                  List<BankAccount> accounts, List<BankBalance> latestBalances, LocalDate today, Findings f) {
        Currency currency = agency.settings().currency();
        List<Entry> entries = read(sheet, c, currency, f);
        if (f.issueCount > 0) {
            return f;
        }
        LocalDate last = entries.stream().map(Entry::date).max(LocalDate::compareTo).orElse(null);

        // letter groups, over every lettered line of every account
        Map<String, Group> groups = new HashMap<>();
        for (Entry e : entries) {
            if (e.letter() != null) {
                Group g = groups.computeIfAbsent(e.group(), k -> new Group());
                g.debit += e.debit();
                g.credit += e.credit();
                if (e.dateLet() != null && (g.lastDateLet == null || e.dateLet().isAfter(g.lastDateLet))) {
                    g.lastDateLet = e.dateLet();
                }
                if (e.credit() > 0 && (g.lastCredit == null || e.date().isAfter(g.lastCredit))) {
                    g.lastCredit = e.date();
                }
            }
        }

        // invoices from the customer debits
        Map<String, Gathered> invoices = new LinkedHashMap<>();
        int otherLines = 0;
        int customerCredits = 0;
        Map<String, long[]> banks = new LinkedHashMap<>();
        Map<String, String> bankLabels = new HashMap<>();
        for (Entry e : entries) {
            if (e.account().startsWith("512")) {
                long[] sums = banks.computeIfAbsent(e.account(), k -> new long[2]);
                sums[0] += e.debit();
                sums[1] += e.credit();
                if (e.accountLabel() != null) {
                    bankLabels.putIfAbsent(e.account(), e.accountLabel());
                }
                continue;
            }
            if (!e.account().startsWith("411")) {
                otherLines++;
                continue;
            }
            if (e.debit() <= 0) {
                customerCredits++;
                continue;
            }
            if (OPENING_JOURNALS.contains(e.journal().toUpperCase(Locale.ROOT))) {
                f.note(e.row(), ImportNote.Kind.IGNORED, "opening entry (journal " + e.journal() + ") of "
                        + amount(e.debit(), currency) + " on " + e.account() + ": a balance carried forward, not an"
                        + " invoice of this file");
                continue;
            }
            if (e.piece() == null) {
                f.note(e.row(), ImportNote.Kind.IGNORED, "customer debit of " + amount(e.debit(), currency)
                        + " without a PieceRef: no invoice number to import it under");
                continue;
            }
            String clientName = first(e.auxLabel(), e.accountLabel(), e.auxNum(), e.account());
            if (clientName.length() > Validator.NAME_MAX_LENGTH) {
                f.issue(e.row(), c.header(e.auxLabel() != null ? "CompAuxLib" : "CompteLib"), "is longer than "
                        + Validator.NAME_MAX_LENGTH + " characters", ErrorCode.TOO_LONG);
                continue;
            }
            if (e.piece().length() > Invoice.NUMBER_MAX) {
                f.issue(e.row(), c.header("PieceRef"), "is longer than " + Invoice.NUMBER_MAX
                        + " characters: it cannot be an invoice number", ErrorCode.TOO_LONG);
                continue;
            }
            LocalDate issued = e.pieceDate() != null ? e.pieceDate() : e.date();
            Gathered g = invoices.computeIfAbsent(ImportService.key(e.piece()),
                    k -> new Gathered(e.piece(), clientName, e.row(), issued));
            if (!ImportService.key(g.clientName).equals(ImportService.key(clientName))) {
                f.issue(e.row(), c.header("PieceRef"), "the piece " + e.piece() + " is already an invoice of '"
                        + g.clientName + "' on row " + g.row + ": one invoice, one client", ErrorCode.INVALID_FORMAT);
                continue;
            }
            if (issued.isBefore(g.issued)) {
                g.issued = issued;
            }
            g.amount += e.debit();
            g.lines.add(e);
        }
        if (f.issueCount > 0) {
            return f;
        }
        if (otherLines > 0) {
            f.note(0, ImportNote.Kind.IGNORED, otherLines + " entries on other accounts than 411 (customers) and"
                    + " 512 (banks): sales, VAT, expenses and the rest are not imported");
        }
        if (customerCredits > 0) {
            f.note(0, ImportNote.Kind.IGNORED, customerCredits + " credits on customer accounts (payments, credit"
                    + " notes): read through their lettering only, never imported alone");
        }

        Map<String, Client> clientsByName = new HashMap<>();
        existingClients.forEach(cl -> clientsByName.putIfAbsent(ImportService.key(cl.name()), cl));
        Map<String, Project> projectsByClient = new HashMap<>();
        existingProjects.stream().filter(p -> ImportService.key(p.name())
                        .equals(ImportService.key(ImportService.DEFAULT_PROJECT)))
                .forEach(p -> projectsByClient.putIfAbsent(p.clientId().value().toString(), p));
        Map<String, Invoice> byNumber = new HashMap<>();
        existingInvoices.stream().filter(i -> i.number() != null)
                .forEach(i -> byNumber.put(ImportService.key(i.number()), i));
        RecordedPayments recorded = new RecordedPayments(existingPayments);
        Map<String, Client> newClients = new LinkedHashMap<>();
        Map<String, Project> newProjects = new LinkedHashMap<>();
        List<Invoice> creates = new ArrayList<>();
        List<Invoice> updates = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();

        for (Gathered g : invoices.values()) {
            LocalDate paidOn = paidOn(g, groups, currency, today, f);
            Client client = clientsByName.get(ImportService.key(g.clientName));
            if (client == null) {
                client = newClients.computeIfAbsent(ImportService.key(g.clientName), k -> {
                    f.note(g.row, ImportNote.Kind.RECOGNISED, "client '" + g.clientName + "' created (not found in"
                            + " Cordée by name): segment SME, " + ClientService.DEFAULT_PAYMENT_TERMS_DAYS
                            + " days' terms");
                    return new Client(new ClientId(ids.newId()), caller.agencyId(), g.clientName, Segment.SME,
                            ClientService.DEFAULT_PAYMENT_TERMS_DAYS, List.of(), null, false, 0);
                });
            }
            Money money = new Money(g.amount, currency);
            Invoice found = byNumber.get(ImportService.key(g.number));
            if (found != null) {
                if (!found.clientId().equals(client.id())) {
                    f.note(g.row, ImportNote.Kind.IGNORED, "invoice " + g.number + " already belongs to another"
                            + " client in Cordée: left as it is");
                    continue;
                }
                if (!found.amount().equals(money) || !g.issued.equals(found.issueDate())) {
                    f.note(g.row, ImportNote.Kind.IGNORED, "invoice " + g.number + " is in Cordée with another"
                            + " amount or date (" + found.amount() + ", " + found.issueDate() + "): left as it is");
                    continue;
                }
                f.count("invoices", ImportService.SKIPPED);
                if (paidOn == null) {
                    continue;
                }
                if (recorded.take(found.id(), paidOn, g.amount)) {
                    f.count("payments", ImportService.SKIPPED);
                } else if (found.status() == InvoiceStatus.ISSUED && found.paid().minorUnits() == 0) {
                    updates.add(found.pay(money, paidOn));
                    payments.add(new Payment(new PaymentId(ids.newId()), caller.agencyId(), found.id(),
                            found.clientId(), paidOn, money));
                    f.count("payments", ImportService.CREATED);
                } else {
                    f.note(g.row, ImportNote.Kind.IGNORED, "invoice " + g.number + " is " + found.status()
                            + " in Cordée with other payments: its lettering is not imported");
                }
                continue;
            }
            String projectKey = client.id().value().toString();
            Project project = projectsByClient.get(projectKey);
            if (project == null) {
                Project planned = newProjects.get(projectKey);
                if (planned == null || g.issued.isBefore(planned.startDate())) {
                    planned = new Project(planned == null ? new ProjectId(ids.newId()) : planned.id(),
                            caller.agencyId(), client.id(), ImportService.DEFAULT_PROJECT, ProjectStatus.ACTIVE,
                            g.issued, null, null, Money.zero(currency), client.paymentTermsDays(), 0);
                    newProjects.put(projectKey, planned);
                }
                project = planned;
            }
            Invoice invoice = new Invoice(new InvoiceId(ids.newId()), caller.agencyId(), client.id(), project.id(),
                    null, g.number, "Invoice " + g.number, InvoiceStatus.ISSUED, g.issued,
                    g.issued.plusDays(project.paymentTermsDays()), money, Money.zero(currency), null, 0);
            f.count("invoices", ImportService.CREATED);
            if (paidOn != null) {
                invoice = invoice.pay(money, paidOn);
                payments.add(new Payment(new PaymentId(ids.newId()), caller.agencyId(), invoice.id(),
                        client.id(), paidOn, money));
                f.count("payments", ImportService.CREATED);
            }
            creates.add(invoice);
        }

        // bank balances at the file's last date
        Map<BankAccountId, BankBalance> latest = new HashMap<>();
        latestBalances.forEach(b -> latest.put(b.accountId(), b));
        List<BankAccount> newAccounts = new ArrayList<>();
        List<BankBalance> balances = new ArrayList<>();
        for (Map.Entry<String, long[]> bank : banks.entrySet()) {
            String number = bank.getKey();
            String name = first(bankLabels.get(number), "Bank " + number);
            String label = number.length() > BankAccount.LABEL_MAX_LENGTH
                    ? number.substring(0, BankAccount.LABEL_MAX_LENGTH) : number;
            long balance = bank.getValue()[0] - bank.getValue()[1];
            BankAccount account = accounts.stream().filter(a -> label.equals(a.label())).findFirst()
                    .or(() -> accounts.stream().filter(a -> ImportService.key(a.name()).equals(ImportService.key(name)))
                            .findFirst())
                    .orElse(null);
            if (account == null) {
                account = new BankAccount(new BankAccountId(ids.newId()), name.length() > Validator.NAME_MAX_LENGTH
                        ? name.substring(0, Validator.NAME_MAX_LENGTH) : name, label, currency, false, 0);
                newAccounts.add(account);
                f.count("bankAccounts", ImportService.CREATED);
            } else {
                f.count("bankAccounts", ImportService.SKIPPED);
            }
            Money money = new Money(balance, currency);
            BankBalance known = latest.get(account.id());
            if (known != null && known.date().equals(last) && known.amount().equals(money)) {
                f.count("bankBalances", ImportService.SKIPPED);
                continue;
            }
            f.note(0, ImportNote.Kind.RECOGNISED, "bank account " + number + " '" + name + "': balance "
                    + amount(balance, currency) + " on " + last + " (debits " + amount(bank.getValue()[0], currency)
                    + " − credits " + amount(bank.getValue()[1], currency) + ")");
            balances.add(new BankBalance(null, account.id(), last, money));
            f.count("bankBalances", known != null && known.date().equals(last)
                    ? ImportService.UPDATED : ImportService.CREATED);
        }

        newClients.values().forEach(cl -> {
            f.count("clients", ImportService.CREATED);
            f.writes.add(() -> clients.insert(cl));
        });
        newProjects.values().forEach(p -> {
            f.count("projects", ImportService.CREATED);
            f.writes.add(() -> projects.insert(p));
        });
        creates.forEach(i -> f.writes.add(() -> billing.insertInvoice(i)));
        updates.forEach(i -> f.writes.add(() -> billing.updateInvoice(i)
                .switchIfEmpty(Mono.error(() -> new Conflict("Invoice", i.version())))));
        payments.forEach(p -> f.writes.add(() -> billing.insertPayment(p)));
        newAccounts.forEach(a -> f.writes.add(() -> cash.insertAccount(caller.agencyId(), a)));
        balances.forEach(b -> f.writes.add(() -> cash.saveBalance(caller.agencyId(), b)));
        return f;
    }

    /**
     * When the invoice was paid in full by its lettering; null when it is open, or when its lettering is partial
     * or cannot be a payment (noted).
     */
    private static LocalDate paidOn(Gathered g, Map<String, Group> groups, Currency currency, LocalDate today,
                                    Findings f) {
        if (g.lines.stream().anyMatch(e -> e.letter() == null)) {
            return null;
        }
        LocalDate paid = null;
        for (Entry e : g.lines) {
            Group group = groups.get(e.group());
            if (group.debit != group.credit) {
                f.note(e.row(), ImportNote.Kind.IGNORED, "invoice " + g.number + ": lettering '" + e.letter()
                        + "' on " + e.account() + (e.auxNum() == null ? "" : " " + e.auxNum()) + " is partial (debits "
                        + amount(group.debit, currency) + ", credits " + amount(group.credit, currency)
                        + "): no payment imported, the invoice stays open");
                return null;
            }
            LocalDate on = e.dateLet() != null ? e.dateLet()
                    : group.lastDateLet != null ? group.lastDateLet : group.lastCredit;
            if (on == null) {
                f.note(e.row(), ImportNote.Kind.IGNORED, "invoice " + g.number + ": lettering '" + e.letter()
                        + "' has neither a DateLet nor a credit entry: no payment date");
                return null;
            }
            if (paid == null || on.isAfter(paid)) {
                paid = on;
            }
        }
        if (paid.isBefore(g.issued)) {
            f.note(g.row, ImportNote.Kind.IGNORED, "invoice " + g.number + ": lettered on " + paid
                    + ", before its date " + g.issued + ": no payment imported");
            return null;
        }
        if (paid.isAfter(today)) {
            f.note(g.row, ImportNote.Kind.IGNORED, "invoice " + g.number + ": lettered on " + paid
                    + ", after today (" + today + "): no payment imported");
            return null;
        }
        return paid;
    }

    /** Every row read; a cell that cannot be read is an issue at its row and column. */
    private static List<Entry> read(Sheet sheet, Columns c, Currency currency, Findings f) {
        List<Entry> entries = new ArrayList<>(sheet.rows().size());
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            String journal = ImportService.read(sheet, c, r, "JournalCode", true, f, s -> s);
            LocalDate date = ImportService.read(sheet, c, r, "EcritureDate", true, f, Cells::compactDate);
            String account = ImportService.read(sheet, c, r, "CompteNum", true, f, s -> s);
            String accountLabel = ImportService.read(sheet, c, r, "CompteLib", false, f, s -> s);
            String auxNum = ImportService.read(sheet, c, r, "CompAuxNum", false, f, s -> s);
            String auxLabel = ImportService.read(sheet, c, r, "CompAuxLib", false, f, s -> s);
            String piece = ImportService.read(sheet, c, r, "PieceRef", false, f, s -> s);
            LocalDate pieceDate = ImportService.read(sheet, c, r, "PieceDate", false, f, Cells::compactDate);
            Long debit = ImportService.read(sheet, c, r, "Debit", false, f, s -> Cells.amount(s, currency));
            Long credit = ImportService.read(sheet, c, r, "Credit", false, f, s -> Cells.amount(s, currency));
            String letter = ImportService.read(sheet, c, r, "EcritureLet", false, f, s -> s);
            LocalDate dateLet = ImportService.read(sheet, c, r, "DateLet", false, f, Cells::compactDate);
            ImportService.read(sheet, c, r, "ValidDate", false, f, Cells::compactDate);
            if (f.issueCount > before) {
                continue;
            }
            if ((debit != null && debit < 0) || (credit != null && credit < 0)) {
                f.issue(sheet.rowNumber(r), c.header(debit != null && debit < 0 ? "Debit" : "Credit"),
                        "is negative: a FEC writes debits and credits as positive amounts", ErrorCode.OUT_OF_RANGE);
                continue;
            }
            entries.add(new Entry(sheet.rowNumber(r), journal, date, account.replace(" ", ""), accountLabel, auxNum,
                    auxLabel, piece, pieceDate, debit == null ? 0 : debit, credit == null ? 0 : credit, letter,
                    dateLet));
        }
        return entries;
    }

    private static String first(String... candidates) {
        for (String s : candidates) {
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return "";
    }

    private static String amount(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0)).toPlainString()
                + " " + currency.getCurrencyCode();
    }
}
