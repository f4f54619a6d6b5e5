package io.cordee.core.support;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The {@link TenantWorld} of the in-memory twins: each row is written into the twin that reads it, as the adapters
 * read the tables other adapters write (a user's agency name, an allocation's project, a timesheet's invoices).
 * One world per test: the twins start empty.
 */
public final class InMemoryWorld implements TenantWorld {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryTeam team = new InMemoryTeam();
    private final InMemoryUsers users = new InMemoryUsers(agencies);
    private final InMemoryTimesheets timesheets = new InMemoryTimesheets();

    public InMemoryAgencies agencies() {
        return agencies;
    }

    public InMemoryProjects projects() {
        return projects;
    }

    public InMemoryUsers users() {
        return users;
    }

    public InMemoryTimesheets timesheets() {
        return timesheets;
    }

    @Override
    public AgencyId newAgency() {
        return agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
    }

    @Override
    public ClientId newClient(AgencyId agency, String name) {
        return clients.insert(new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30, List.of(),
                null, false, 0)).block().id();
    }

    @Override
    public ProjectId newProject(AgencyId agency, ClientId client, String name) {
        return projects.insert(new Project(new ProjectId(UUID.randomUUID()), agency, client, name,
                ProjectStatus.ACTIVE, MARCH_1, null, null, Money.of(0, "EUR"), 30, 0)).block().id();
    }

    @Override
    public TeamMemberId newTeamMember(AgencyId agency) {
        return team.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, "Member", "Designer",
                List.of(), BigDecimal.ONE, Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0)).block().id();
    }

    @Override
    public User newUser(AgencyId agency, String displayName, Role role) {
        ClientId client = role == Role.CLIENT ? newClient(agency, displayName) : null;
        User user = users.insert(new User(new UserId(UUID.randomUUID()), agency,
                role.name().toLowerCase() + "." + UUID.randomUUID() + "@agency.example", displayName, role, client,
                "hash")).block();
        timesheets.recordUser(agency, user.email(), displayName, role);
        return user;
    }

    /** Recorded where the timesheets twin reads invoices: there is no in-memory billing twin yet. */
    @Override
    public InvoiceId newInvoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status) {
        timesheets.recordInvoice(agency, project, amountMinor, status);
        return new InvoiceId(UUID.randomUUID());
    }

    /** There is no in-memory twin of the cash port yet: nothing could hold the account. */
    @Override
    public BankAccountId newBankAccount(AgencyId agency, String name) {
        throw new UnsupportedOperationException("no in-memory cash twin: a bank account needs the database world");
    }

    /** The twins keep no transactions: the work runs as it is, and an actor is not recorded. */
    @Override
    public TransactionRunner transactions() {
        return new TransactionRunner() {
            @Override
            public <T> Mono<T> inTransaction(Mono<T> work) {
                return work;
            }
        };
    }
}
