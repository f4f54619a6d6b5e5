package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;

/**
 * The rows a contract's rows point to, made the same way for every contract of one implementation (ADR 0080):
 * {@code DatabaseWorld} in persistence writes them through the adapters into the real PostgreSQL,
 * {@link InMemoryWorld} into the in-memory twins core's service tests use. No method has a default: a world
 * that cannot make a row must say so, not hand back an id nothing stands behind.
 */
public interface TenantWorld {

    /** An agency no other test writes to: named, EUR, Europe/Paris, settings at version 0. */
    AgencyId newAgency();

    /** A client of the agency with that name: an SME on 30 days' terms. */
    ClientId newClient(AgencyId agency, String name);

    /** An active project of that client with that name, started 1 March 2027, no fee budget. */
    ProjectId newProject(AgencyId agency, ClientId client, String name);

    /** A full-time team member: 5,000.00 EUR a month loaded, 600.00 EUR a day billed. */
    TeamMemberId newTeamMember(AgencyId agency);

    /**
     * A user with that name and an e-mail of their own (lower case), password hash "hash"; a CLIENT user gets a new
     * client of their own.
     */
    User newUser(AgencyId agency, String displayName, Role role);

    /**
     * An invoice of {@code amountMinor} EUR cents on the project, in that status: issued 1 March 2027 and due 31
     * March, paid in full on 20 March when PAID.
     */
    InvoiceId newInvoice(AgencyId agency, ProjectId project, long amountMinor, InvoiceStatus status);

    /** An open EUR bank account of the agency with that name. */
    BankAccountId newBankAccount(AgencyId agency, String name);

    /**
     * The transactions of this world's store: what a port's "inside the caller's transaction" joins, and what
     * attributes writes to an actor ({@link TransactionRunner#inTransactionAs}).
     */
    TransactionRunner transactions();
}
