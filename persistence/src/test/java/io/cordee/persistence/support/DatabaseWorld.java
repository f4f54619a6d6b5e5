package io.cordee.persistence.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.cash.BankAccount;
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
import io.cordee.core.support.TenantWorld;
import io.cordee.persistence.billing.BillingPersistenceAdapter;
import io.cordee.persistence.billing.BillingRowMapperImpl;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.cash.CashPersistenceAdapter;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.common.R2dbcTransactionRunner;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.identity.UserPersistenceAdapter;
import io.cordee.persistence.identity.UserRowMapperImpl;
import io.cordee.persistence.project.ProjectPersistenceAdapter;
import io.cordee.persistence.project.ProjectRowMapperImpl;
import io.cordee.persistence.staffing.AbsencePersistenceAdapter;
import io.cordee.persistence.staffing.TeamMemberPersistenceAdapter;
import io.cordee.persistence.staffing.TeamMemberRowMapperImpl;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;

/**
 * The {@link TenantWorld} of the real PostgreSQL ({@link TestDatabase}): every contract subclass in persistence
 * runs in it. Agencies are inserted as the setup does; the rest is written through the rows' own adapters rather
 * than by SQL, so that a contract's rows point to rows their adapters would have written (ADR 0080).
 */
public final class DatabaseWorld implements TenantWorld {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    @Override
    public AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    public ClientId newClient(AgencyId agency, String name) {
        ClientPersistenceAdapter clients = new ClientPersistenceAdapter(TestDatabase.client(),
                new ClientRowMapperImpl(new ContactsJson()));
        return clients.insert(new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30,
                List.of(), null, false, 0)).block().id();
    }

    @Override
    public ProjectId newProject(AgencyId agency, ClientId client, String name) {
        return projects().insert(new Project(new ProjectId(UUID.randomUUID()), agency, client, name,
                ProjectStatus.ACTIVE, MARCH_1, null, null, Money.of(0, "EUR"), 30, 0)).block().id();
    }

    @Override
    public TeamMemberId newTeamMember(AgencyId agency) {
        TeamMemberPersistenceAdapter members = new TeamMemberPersistenceAdapter(TestDatabase.client(),
                new TeamMemberRowMapperImpl(), new AbsencePersistenceAdapter(TestDatabase.client()));
        return members.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, "Member", "Designer",
                List.of(), BigDecimal.ONE, Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0)).block().id();
    }

    /** The e-mail is unique across agencies, as the table wants: one address signs in to one agency. */
    @Override
    public User newUser(AgencyId agency, String displayName, Role role) {
        UserPersistenceAdapter users = new UserPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
        String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@agency.example";
        return users.insert(new User(new UserId(UUID.randomUUID()), agency, email, displayName, role,
                role == Role.CLIENT ? newClient(agency, displayName) : null, "hash")).block();
    }

    /** A planned invoice gets dates too, which the table allows. */
    @Override
    public InvoiceId newInvoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status) {
        BillingPersistenceAdapter billing = new BillingPersistenceAdapter(TestDatabase.client(),
                new BillingRowMapperImpl(), new MilestonesJson());
        boolean paid = status == InvoiceStatus.PAID;
        ClientId client = projects().findById(agency, project).block().clientId();
        return billing.insertInvoice(new Invoice(new InvoiceId(UUID.randomUUID()), agency, client, project, null,
                null, "Invoice", status, MARCH_1, MARCH_1.plusDays(30), Money.of(amountMinor, "EUR"),
                Money.of(paid ? amountMinor : 0, "EUR"), paid ? MARCH_1.plusDays(19) : null, 0)).block().id();
    }

    @Override
    public BankAccountId newBankAccount(AgencyId agency, String name) {
        CashPersistenceAdapter cash = new CashPersistenceAdapter(TestDatabase.client(), new UuidV7IdGenerator());
        return cash.insertAccount(agency, new BankAccount(new BankAccountId(UUID.randomUUID()), name, null,
                Currency.getInstance("EUR"), false, 0)).block().id();
    }

    /** Transactions on the test database's connections, as the application's runner opens them. */
    @Override
    public TransactionRunner transactions() {
        return new R2dbcTransactionRunner(new R2dbcTransactionManager(TestDatabase.client().getConnectionFactory()),
                TestDatabase.client());
    }

    private static ProjectPersistenceAdapter projects() {
        return new ProjectPersistenceAdapter(TestDatabase.client(), new ProjectRowMapperImpl());
    }
}
