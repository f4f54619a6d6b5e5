package io.cordee.core.export;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.cash.CashRiskSettingsRepository;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.deal.DealRepository;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.staffing.AbsenceRepository;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.timesheet.TimesheetRepository;
import java.util.Objects;

/**
 * Every port an agency archive touches, read by the export ({@link AgencyExportService}) and written by the
 * import ({@link AgencyArchiveImport}): one list, so that a table added to the archive is added to both.
 */
public record AgencyArchivePorts(AgencyRepository agencies, ClientRepository clients, ProjectRepository projects,
                                 BillingRepository billing, CashRepository cash, TeamMemberRepository members,
                                 AbsenceRepository absences, AllocationRepository allocations, TransactionRunner tx,
                                 AlertRepository alerts, RelationshipRepository relationships,
                                 CashRiskSettingsRepository cashRisk, DealRepository deals,
                                 TimesheetRepository timesheets, ArchiveRecordsRepository records) {

    public AgencyArchivePorts {
        Objects.requireNonNull(agencies, "agencies");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(absences, "absences");
        Objects.requireNonNull(allocations, "allocations");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(relationships, "relationships");
        Objects.requireNonNull(cashRisk, "cashRisk");
        Objects.requireNonNull(deals, "deals");
        Objects.requireNonNull(timesheets, "timesheets");
        Objects.requireNonNull(records, "records");
    }
}
