package io.cordee.api.demo;

import io.cordee.api.alert.AlertEvaluations;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.brief.BriefService;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.project.ProjectService;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo mode ({@code cordee.demo-data.enabled}, on by default): the demo agency is loaded on first start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cordee.demo-data.enabled", havingValue = "true", matchIfMissing = true)
public class DemoDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

    @Bean
    DemoAgency demoAgency(AgencyRepository agencies, UserRepository users, ClientService clients,
                          ProjectService projects, TeamService team, StaffingService staffing,
                          BillingService billing, CashService cash, RelationshipService relationships,
                          BriefService briefs, PasswordHasher hasher, IdGenerator ids, TransactionRunner tx,
                          Clock clock) {
        return new DemoAgency(agencies, users, clients, projects, team, staffing, billing, cash, relationships, briefs,
                hasher, ids, tx, clock);
    }

    @Bean
    ApplicationRunner loadDemoAgency(DemoAgency demo, AlertEvaluations alerts) {
        // Runs on the main thread during start-up, not on an event loop: the application must not
        // report itself started before the demo users can sign in.
        return args -> {
            Boolean loaded = demo.loadIfAbsent().block(Duration.ofMinutes(2));
            if (Boolean.TRUE.equals(loaded)) {
                // the story's alerts are open as soon as the application is
                List<AlertChange> changes = alerts.request(DemoAgency.ID).block(Duration.ofMinutes(1));
                log.info("Demo agency: {} alerts opened", changes == null ? 0 : changes.size());
                log.info("Demo agency loaded: sign in as {} / {} (also {}, {}, {}, {})", DemoAgency.OWNER_EMAIL,
                        DemoAgency.PASSWORD, DemoAgency.FINANCE_EMAIL, DemoAgency.LEAD_EMAIL,
                        DemoAgency.CLIENT_EMAIL, DemoAgency.NUVOLA_CLIENT_EMAIL);
            }
        };
    }
}
