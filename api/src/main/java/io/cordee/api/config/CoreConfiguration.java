package io.cordee.api.config;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertRepository;
import io.cordee.core.alert.AlertService;
import io.cordee.core.audit.AuditRepository;
import io.cordee.core.audit.AuditService;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefService;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Computations;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.ApiTokenRepository;
import io.cordee.core.identity.ApiTokenService;
import io.cordee.core.idempotency.IdempotencyRepository;
import io.cordee.core.idempotency.IdempotencyService;
import io.cordee.core.identity.BoundedHashing;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.setup.SetupRepository;
import io.cordee.core.setup.SetupService;
import org.springframework.beans.factory.annotation.Value;
import io.cordee.core.identity.SignInAttemptRepository;
import io.cordee.core.identity.SignInThrottle;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectService;
import io.cordee.core.proposal.ProposalRepository;
import io.cordee.core.proposal.ProposalService;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.staffing.TeamService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's services, wired to the adapters that implement their ports. Core itself knows no Spring. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdentityService identityService(UserRepository users, SessionRepository sessions,
                                    SignInAttemptRepository attempts, SignInThrottle throttle, PasswordHasher hasher,
                                    BoundedHashing hashing, IdGenerator ids, Clock clock,
                                    io.cordee.core.identity.AccessChanges changes) {
        return new IdentityService(users, sessions, attempts, throttle, hasher, hashing, ids, clock, changes);
    }

    @Bean
    SetupService setupService(SetupRepository setup, AgencyRepository agencies, UserRepository users,
                              IdentityService identity, TransactionRunner tx, IdGenerator ids, Clock clock,
                              @Value("${cordee.signup:closed}") String signup) {
        return new SetupService(setup, agencies, users, identity, tx, ids, clock,
                SetupService.Signup.valueOf(signup.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    @Bean
    io.cordee.core.people.PeopleService peopleService(io.cordee.core.people.PeopleRepository people,
                                                      UserRepository users, IdentityService identity,
                                                      TransactionRunner tx, IdGenerator ids, Clock clock,
                                                      io.cordee.core.mail.Mailer mailer,
                                                      @Value("${cordee.public-url}") String publicUrl) {
        return new io.cordee.core.people.PeopleService(people, users, identity, tx, ids, clock, mailer, publicUrl);
    }

    @Bean
    io.cordee.core.identity.PasswordService passwordService(UserRepository users,
                                                          io.cordee.core.identity.PasswordRepository passwords,
                                                          SignInAttemptRepository attempts,
                                                          io.cordee.core.limit.RateBuckets buckets,
                                                          IdentityService identity, TransactionRunner tx,
                                                          IdGenerator ids, Clock clock,
                                                          io.cordee.core.mail.Mailer mailer,
                                                          @Value("${cordee.public-url}") String publicUrl) {
        return new io.cordee.core.identity.PasswordService(users, passwords, attempts, buckets, identity, tx, ids,
                clock, mailer, publicUrl);
    }

    @Bean
    io.cordee.core.identity.TwoFactorService twoFactorService(IdentityService identity,
                                                            io.cordee.core.identity.TwoFactorRepository twoFactor,
                                                            UserRepository users, SignInAttemptRepository attempts,
                                                            SignInThrottle throttle,
                                                            io.cordee.core.identity.TotpCodes totp,
                                                            TransactionRunner tx, Clock clock) {
        return new io.cordee.core.identity.TwoFactorService(identity, twoFactor, users, attempts, throttle, totp, tx,
                clock);
    }

    @Bean
    ApiTokenService apiTokenService(ApiTokenRepository apiTokens, IdGenerator ids, Clock clock) {
        return new ApiTokenService(apiTokens, ids, clock);
    }

    @Bean
    AgencyService agencyService(AgencyRepository agencies) {
        return new AgencyService(agencies);
    }

    @Bean
    ClientService clientService(ClientRepository clients, IdGenerator ids) {
        return new ClientService(clients, ids);
    }

    @Bean
    ProjectService projectService(ProjectRepository projects, ClientService clients, IdGenerator ids) {
        return new ProjectService(projects, clients, ids);
    }

    @Bean
    BillingService billingService(BillingRepository billing, ProjectRepository projects, ClientRepository clients,
                                  AgencyRepository agencies, TransactionRunner tx, IdGenerator ids, Clock clock) {
        return new BillingService(billing, projects, clients, agencies, tx, ids, clock);
    }

    @Bean
    CashService cashService(CashRepository cash, BillingRepository billing, ClientRepository clients,
                            ProjectRepository projects, TeamMemberRepository members, AllocationRepository allocations,
                            AgencyRepository agencies, IdGenerator ids, Clock clock, Computations computations,
                            io.cordee.core.cash.CashPictureRepository pictures,
                            @org.springframework.beans.factory.annotation.Value(
                                    "${cordee.cash.picture-cache-size:64}") int pictureCacheSize) {
        return new CashService(cash, billing, clients, projects, members, allocations, agencies, ids, clock,
                computations, pictures, new io.cordee.core.cash.CashPictureCache(pictureCacheSize));
    }

    @Bean
    StaffingService staffingService(AllocationRepository allocations, TeamMemberRepository members,
                                    ProjectRepository projects, AgencyRepository agencies, IdGenerator ids,
                                    Computations computations) {
        return new StaffingService(allocations, members, projects, agencies, ids, computations);
    }

    @Bean
    RelationshipService relationshipService(RelationshipRepository relationships, ClientRepository clients,
                                            ProjectRepository projects, AgencyRepository agencies,
                                            BillingRepository billing, IdGenerator ids, Clock clock,
                                            Computations computations) {
        return new RelationshipService(relationships, clients, projects, agencies, billing, ids, clock, computations);
    }

    @Bean
    BriefService briefService(BriefRepository briefs, ProjectService projects, AllocationRepository allocations,
                              TeamMemberRepository members, AgencyRepository agencies, UserRepository users,
                              TransactionRunner tx, IdGenerator ids, Clock clock, Computations computations) {
        return new BriefService(briefs, projects, allocations, members, agencies, users, tx, ids, clock, computations);
    }

    @Bean
    TeamService teamService(TeamMemberRepository members, io.cordee.core.staffing.AbsenceRepository absences,
                            AgencyRepository agencies, IdGenerator ids) {
        return new TeamService(members, absences, agencies, ids);
    }

    @Bean
    ProposalService proposalService(ProposalRepository proposals, CashService cash, BillingService billingService,
                                    BillingRepository billing, ClientRepository clients, ProjectRepository projects,
                                    AgencyRepository agencies, TransactionRunner tx, IdGenerator ids,
                                    Computations computations) {
        return new ProposalService(proposals, cash, billingService, billing, clients, projects, agencies, tx, ids,
                computations);
    }

    @Bean
    AlertService alertService(AlertRepository alerts, AgencyRepository agencies, BillingRepository billing,
                              RelationshipRepository relationships, BriefRepository briefs, CashService cash,
                              RelationshipService relationshipService, TransactionRunner tx, IdGenerator ids,
                              Clock clock, Computations computations, io.cordee.core.cash.CashRiskService cashRisk) {
        // one class per rule over one context read in a fixed number of statements (ADR 54), each fact once (ADR 96)
        io.cordee.core.alert.AlertContextLoader contexts = new io.cordee.core.alert.AlertContextLoader(cash, billing,
                relationshipService, relationships, briefs, cashRisk);
        return new AlertService(alerts, agencies, contexts, io.cordee.core.alert.EarlyWarnings.RULES, tx, ids, clock,
                computations);
    }

    @Bean
    IdempotencyService idempotencyService(IdempotencyRepository keys, TransactionRunner tx, Clock clock) {
        return new IdempotencyService(keys, tx, clock);
    }

    @Bean
    AuditService auditService(AuditRepository entries) {
        return new AuditService(entries);
    }

    @Bean
    io.cordee.core.cash.BillingPlanPreviewService billingPlanPreviewService(CashService cash,
            BillingService billingService, BillingRepository billing, ProjectRepository projects,
            AllocationRepository allocations, AgencyRepository agencies, Computations computations) {
        return new io.cordee.core.cash.BillingPlanPreviewService(cash, billingService, billing, projects, allocations,
                agencies, computations);
    }

    /** Every port an agency archive reads and writes (ADR 42, ADR 58). */
    @Bean
    io.cordee.core.export.AgencyArchivePorts agencyArchivePorts(AgencyRepository agencies, ClientRepository clients,
            ProjectRepository projects, BillingRepository billing, CashRepository cash, TeamMemberRepository members,
            io.cordee.core.staffing.AbsenceRepository absences, AllocationRepository allocations,
            TransactionRunner tx, io.cordee.core.alert.AlertRepository alerts,
            io.cordee.core.relationship.RelationshipRepository relationships,
            io.cordee.core.cash.CashRiskSettingsRepository cashRisk, io.cordee.core.deal.DealRepository deals,
            io.cordee.core.timesheet.TimesheetRepository timesheets,
            io.cordee.core.export.ArchiveRecordsRepository records) {
        return new io.cordee.core.export.AgencyArchivePorts(agencies, clients, projects, billing, cash, members,
                absences, allocations, tx, alerts, relationships, cashRisk, deals, timesheets, records);
    }

    /** The complete agency export (ADR 42). */
    @Bean
    io.cordee.core.export.AgencyExportService agencyExportService(io.cordee.core.export.AgencyArchivePorts ports) {
        return new io.cordee.core.export.AgencyExportService(ports);
    }

    /** The import of a complete agency archive into an empty agency (ADR 58). */
    @Bean
    io.cordee.core.export.AgencyArchiveImport agencyArchiveImport(io.cordee.core.export.AgencyArchivePorts ports) {
        return new io.cordee.core.export.AgencyArchiveImport(ports);
    }

    @Bean
    io.cordee.core.imports.ImportService importService(ClientRepository clients, ProjectRepository projects,
            BillingRepository billing, AgencyRepository agencies,
            io.cordee.core.imports.ImportMappingRepository mappings, TransactionRunner tx, IdGenerator ids,
            Clock clock, io.cordee.core.cash.CashRepository cash, io.cordee.core.staffing.TeamMemberRepository team) {
        return new io.cordee.core.imports.ImportService(clients, projects, billing, agencies, mappings, tx, ids,
                clock, cash, team);
    }

    @Bean
    io.cordee.core.bankstatement.BankStatementService bankStatementService(BillingRepository billing,
            io.cordee.core.billing.BillingService billingService, ClientRepository clients,
            io.cordee.core.cash.CashService cash, io.cordee.core.bankstatement.BankStatementLineRepository lines,
            TransactionRunner tx) {
        return new io.cordee.core.bankstatement.BankStatementService(billing, billingService, clients, cash, lines, tx);
    }

    @Bean
    io.cordee.core.deal.DealService dealService(io.cordee.core.deal.DealRepository deals, ClientService clients,
                                                ProjectService projects, BillingService billing,
                                                StaffingService staffing, TeamMemberRepository members,
                                                TransactionRunner tx, IdGenerator ids) {
        return new io.cordee.core.deal.DealService(deals, clients, projects, billing, staffing, members, tx, ids);
    }

    @Bean
    io.cordee.core.deal.PipelineService pipelineService(io.cordee.core.deal.DealRepository deals, CashService cash,
                                                        AgencyService agencies, Computations computations,
                                                        StaffingService staffing, TeamMemberRepository members,
                                                        AgencyRepository agencyRepository) {
        return new io.cordee.core.deal.PipelineService(deals, cash, agencies, computations, staffing, members,
                agencyRepository);
    }

    @Bean
    io.cordee.core.timesheet.TimesheetService timesheetService(io.cordee.core.timesheet.TimesheetRepository timesheets,
            TeamMemberRepository members, ClientRepository clients, ProjectRepository projects,
            AllocationRepository allocations, AgencyRepository agencies, TransactionRunner tx, IdGenerator ids) {
        return new io.cordee.core.timesheet.TimesheetService(timesheets, members, clients, projects, allocations,
                agencies, tx, ids);
    }
}
