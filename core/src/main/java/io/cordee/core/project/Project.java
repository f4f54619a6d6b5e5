package io.cordee.core.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A project for one client: from its start date to its launch date, which should fit the client's
 * communication-plan date; its fee budget and the payment terms its invoices get.
 */
public record Project(ProjectId id, AgencyId agencyId, ClientId clientId, String name, ProjectStatus status,
                      LocalDate startDate, LocalDate launchDate, LocalDate communicationPlanDate, Money feeBudget,
                      int paymentTermsDays, long version) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(feeBudget, "feeBudget");
    }
}
