package io.cordee.api.timesheet;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.timesheet.ImportTimesheetCommand;
import io.cordee.core.timesheet.TimesheetIssue;
import io.cordee.core.timesheet.TimesheetService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Timesheets in GraphQL (ADR 57): the import of a tracker's CSV export, and a project's timesheet and burn. */
@Controller
public class TimesheetController {

    private static final Logger log = LoggerFactory.getLogger(TimesheetController.class);

    private final TimesheetService timesheets;

    public TimesheetController(TimesheetService timesheets) {
        this.timesheets = timesheets;
    }

    public record ImportTimesheetInput(String format, String content, String fileName, Boolean dryRun) {
    }

    public record ImportTimesheetPayload(Integer entries, Long created, Long unchanged, Double hours,
                                         List<TimesheetIssue> issues, List<UserError> userErrors) {
    }

    public record ProjectTimesheetView(Project project, List<WeekView> weeks, BurnView budgetBurn) {
    }

    public record WeekView(String teamMemberId, String teamMemberName, LocalDate weekStart, double actualDays,
                           double allocatedDays) {
    }

    public record BurnView(Money feeBudget, double actualDays, Money actualCost, Money invoiced) {
    }

    @MutationMapping
    public Mono<ImportTimesheetPayload> importTimesheet(@Argument ImportTimesheetInput input) {
        return Mutations.asCaller(caller -> caller.command(Caller.MONEY_ROLES, "import timesheets", () -> {
                            TimesheetCsv.Read read = TimesheetCsv.read(input.format(), input.content());
                            return new ImportTimesheetCommand(input.format(), read.rows(), read.issues(),
                                    Boolean.TRUE.equals(input.dryRun()));
                        })
                        .flatMap(command -> timesheets.importRows(caller, command)
                                .doOnNext(r -> log.info("timesheet import: format={} dryRun={} lines={}"
                                                + " created={} unchanged={} issues={} user={} agency={}",
                                        input.format(), command.dryRun(), r.entries(), r.created(),
                                        r.unchanged(), r.issues().size(), caller.userId().value(),
                                        caller.agencyId().value()))),
                r -> new ImportTimesheetPayload(r.entries(), r.created(), r.unchanged(), r.minutes() / 60.0,
                        r.issues(), List.of()),
                errors -> new ImportTimesheetPayload(null, null, null, null, List.of(), errors));
    }

    @QueryMapping
    public Mono<ProjectTimesheetView> projectTimesheet(@Argument String projectId, @Argument LocalDate from,
                                                       @Argument Integer weeks) {
        return Callers.current().flatMap(caller -> {
            UUID id = GlobalId.decode(projectId, "Project", "projectId");
            return timesheets.projectTimesheet(caller, new ProjectId(id), from, weeks == null ? 8 : weeks)
                    .map(t -> new ProjectTimesheetView(t.project(), t.weeks().stream()
                            .map(w -> new WeekView(GlobalId.of("TeamMember", w.memberId().value()), w.memberName(),
                                    w.weekStart(), w.actualDays().doubleValue(), w.allocatedDays().doubleValue()))
                            .toList(), new BurnView(t.burn().feeBudget(), t.burn().actualDays().doubleValue(),
                            t.burn().actualCost(), t.burn().invoiced())));
        });
    }
}
