package io.cordee.core.alert;

import io.cordee.core.billing.InvoiceId;
import io.cordee.core.brief.BriefId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What an alert is about. Together with the {@link AlertKind} it names the condition: the same kind
 * and subject is the same alert. Every subject but the agency-wide one carries its client, so that a
 * money alert can link to a renegotiation proposal for that client.
 */
public sealed interface AlertSubject {

    /** The client concerned; empty for the agency as a whole. */
    Optional<ClientId> clientId();

    static AlertSubject agency() {
        return AgencyWide.INSTANCE;
    }

    static AlertSubject client(ClientId client) {
        return new OfClient(client);
    }

    static AlertSubject project(ProjectId project, ClientId client) {
        return new OfProject(project, client);
    }

    static AlertSubject invoice(InvoiceId invoice, ClientId client) {
        return new OfInvoice(invoice, client);
    }

    static AlertSubject brief(BriefId brief, ClientId client) {
        return new OfBrief(brief, client);
    }

    /** A subject that belongs to a client: the client is carried by every one of them, and is its {@link #clientId}. */
    sealed interface OfAClient extends AlertSubject {

        ClientId client();

        @Override
        default Optional<ClientId> clientId() {
            return Optional.of(client());
        }
    }

    /** The agency as a whole (the cash forecast). */
    record AgencyWide() implements AlertSubject {
        static final AgencyWide INSTANCE = new AgencyWide();

        @Override
        public Optional<ClientId> clientId() {
            return Optional.empty();
        }
    }

    record OfClient(ClientId client) implements OfAClient {
        public OfClient {
            Objects.requireNonNull(client, "client");
        }
    }

    record OfProject(ProjectId project, ClientId client) implements OfAClient {
        public OfProject {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(client, "client");
        }
    }

    record OfInvoice(InvoiceId invoice, ClientId client) implements OfAClient {
        public OfInvoice {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(client, "client");
        }
    }

    record OfBrief(BriefId brief, ClientId client) implements OfAClient {
        public OfBrief {
            Objects.requireNonNull(brief, "brief");
            Objects.requireNonNull(client, "client");
        }
    }
}
