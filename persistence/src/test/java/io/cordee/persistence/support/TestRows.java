package io.cordee.persistence.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.billing.BillingPersistenceAdapter;
import io.cordee.persistence.billing.BillingRowMapperImpl;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.identity.UserPersistenceAdapter;
import io.cordee.persistence.identity.UserRowMapperImpl;
import io.cordee.persistence.project.ProjectPersistenceAdapter;
import io.cordee.persistence.project.ProjectRowMapperImpl;
import io.cordee.persistence.staffing.AbsencePersistenceAdapter;
import io.cordee.persistence.staffing.TeamMemberPersistenceAdapter;
import io.cordee.persistence.staffing.TeamMemberRowMapperImpl;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rows a contract's rows point to (a client, a project), written through their own adapters rather than by
 * SQL, so that the contract subclasses in persistence stay as plain as the ones in core (ADR 0080).
 */
public final class TestRows {

    private TestRows() {
    }

    /** A new client of the agency (SME, 30 days). */
    public static ClientId client(AgencyId agency) {
        return client(agency, "Client");
    }

    public static ClientId client(AgencyId agency, String name) {
        ClientPersistenceAdapter clients = new ClientPersistenceAdapter(TestDatabase.client(),
                new ClientRowMapperImpl(new ContactsJson()));
        return clients.insert(new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30,
                List.of(), null, false, 0)).block().id();
    }

    /** A new active project of that client, started 1 March 2027, no fee budget. */
    public static ProjectId project(AgencyId agency, ClientId client) {
        return project(agency, client, "Project");
    }

    public static ProjectId project(AgencyId agency, ClientId client, String name) {
        ProjectPersistenceAdapter projects = new ProjectPersistenceAdapter(TestDatabase.client(),
                new ProjectRowMapperImpl());
        return projects.insert(new Project(new ProjectId(UUID.randomUUID()), agency, client, name,
                ProjectStatus.ACTIVE, LocalDate.of(2027, 3, 1), null, null, Money.of(0, "EUR"), 30, 0)).block().id();
    }

    /** The client a project of the agency is for. */
    public static ClientId clientOf(AgencyId agency, ProjectId project) {
        return new ProjectPersistenceAdapter(TestDatabase.client(), new ProjectRowMapperImpl())
                .findById(agency, project).block().clientId();
    }

    /** A new full-time team member: 5,000.00 EUR a month loaded, 600.00 EUR a day billed. */
    public static TeamMemberId teamMember(AgencyId agency) {
        TeamMemberPersistenceAdapter members = new TeamMemberPersistenceAdapter(TestDatabase.client(),
                new TeamMemberRowMapperImpl(), new AbsencePersistenceAdapter(TestDatabase.client()));
        return members.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, "Member", "Designer",
                List.of(), BigDecimal.ONE, Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0)).block().id();
    }

    /**
     * An invoice of {@code amountMinor} EUR cents on the project, in that status: issued 1 March 2027 and due 31
     * March (a planned one too, which the table allows), paid in full on 20 March when PAID.
     */
    public static void invoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status) {
        BillingPersistenceAdapter billing = new BillingPersistenceAdapter(TestDatabase.client(),
                new BillingRowMapperImpl(), new MilestonesJson());
        boolean paid = status == InvoiceStatus.PAID;
        billing.insertInvoice(new Invoice(new InvoiceId(UUID.randomUUID()), agency, clientOf(agency, project), project,
                null, null, "Invoice", status, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                Money.of(amountMinor, "EUR"), Money.of(paid ? amountMinor : 0, "EUR"),
                paid ? LocalDate.of(2027, 3, 20) : null, 0)).block();
    }

    /** A user of the agency with that (lower-case, unique) e-mail; a CLIENT user gets a new client of its own. */
    public static User user(AgencyId agency, String email, String displayName, Role role) {
        UserPersistenceAdapter users = new UserPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
        return users.insert(new User(new UserId(UUID.randomUUID()), agency, email, displayName, role,
                role == Role.CLIENT ? client(agency) : null, "hash")).block();
    }

    /** A user of the agency with a new e-mail of its own. */
    public static User user(AgencyId agency, Role role) {
        return user(agency, role.name().toLowerCase() + "." + UUID.randomUUID() + "@agency.example", "Name", role);
    }
}
