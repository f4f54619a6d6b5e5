package io.cordee.api.graphql.team;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.LocalDate;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceDraft;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.AddAbsenceCommand;
import io.cordee.core.staffing.CreateTeamMemberCommand;
import io.cordee.core.staffing.TeamCapacityCommand;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class TeamController {

    public static final String TYPE = "TeamMember";

    /** The member an optional argument names: null when it is absent; an invalid id is an error on {@code field}. */
    public static TeamMemberId optionalId(String value, String field) {
        return value == null ? null : new TeamMemberId(GlobalId.decode(value, TYPE, field));
    }

    public static final String ABSENCE = "Absence";

    public record CreateTeamMemberInput(String name, String jobTitle, List<String> skills, Double fte,
                                        MoneyInput monthlyLoadedCost, MoneyInput dailyBillRate, LocalDate startDate,
                                        LocalDate endDate) {
    }

    public record UpdateTeamMemberInput(String id, Long version, String name, String jobTitle, List<String> skills,
                                        Double fte, MoneyInput monthlyLoadedCost, MoneyInput dailyBillRate,
                                        LocalDate startDate, LocalDate endDate, Boolean clearStartDate,
                                        Boolean clearEndDate) {
    }

    public record AddAbsenceInput(String teamMemberId, Absence.Kind kind, LocalDate from, LocalDate to, String note) {
    }

    public record UpdateAbsenceInput(String id, Long version, Absence.Kind kind, LocalDate from, LocalDate to,
                                     String note) {
    }

    public record RemoveAbsenceInput(String id, Long version) {
    }

    public record AbsencePayload(Absence absence, List<UserError> userErrors) {
    }

    public record TeamMemberPayload(TeamMember teamMember, List<UserError> userErrors) {
    }

    private final TeamService team;
    private final AgencyService agencies;

    public TeamController(TeamService team, AgencyService agencies) {
        this.team = team;
        this.agencies = agencies;
    }

    @QueryMapping
    public Mono<Connection<TeamMember>> teamMembers(@Argument Integer first, @Argument String after,
                                                    @Argument Boolean includeArchived,
                                                    DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection,
                (caller, page) -> team.list(caller, Boolean.TRUE.equals(includeArchived), page));
    }

    @SchemaMapping(typeName = TYPE)
    public double fte(TeamMember member) {
        return member.fte().doubleValue();
    }

    /** Costs are internal numbers: only roles that see money get them. */
    @SchemaMapping(typeName = TYPE)
    public Mono<Money> monthlyLoadedCost(TeamMember member) {
        return Callers.current().filter(Caller::seesMoney).map(caller -> member.monthlyLoadedCost());
    }

    @SchemaMapping(typeName = TYPE)
    public Mono<Money> dailyBillRate(TeamMember member) {
        return Callers.current().filter(Caller::seesMoney).map(caller -> member.dailyBillRate());
    }

    @MutationMapping
    public Mono<TeamMemberPayload> createTeamMember(@Argument CreateTeamMemberInput input) {
        return Mutations.asCaller(
                caller -> agencies.current(caller).flatMap(agency -> team.create(caller,
                        new CreateTeamMemberCommand(input.name(), input.jobTitle(), input.skills(), fte(input.fte()),
                                MoneyInput.toMoney(input.monthlyLoadedCost(), agency.settings().currency(),
                                        "monthlyLoadedCost"),
                                MoneyInput.toMoney(input.dailyBillRate(), agency.settings().currency(),
                                        "dailyBillRate"), input.startDate(), input.endDate()))),
                TeamMemberPayload::new);
    }

    @MutationMapping
    public Mono<TeamMemberPayload> updateTeamMember(@Argument UpdateTeamMemberInput input) {
        return Mutations.asCaller(
                caller -> agencies.current(caller).flatMap(agency -> team.update(caller,
                        new TeamMemberId(GlobalId.decode(input.id(), TYPE, "id")), input.version(),
                        new TeamMemberDraft(input.name(), input.jobTitle(), input.skills(), fte(input.fte()),
                                MoneyInput.toMoney(input.monthlyLoadedCost(), agency.settings().currency(),
                                        "monthlyLoadedCost"),
                                MoneyInput.toMoney(input.dailyBillRate(), agency.settings().currency(),
                                        "dailyBillRate"), input.startDate(), input.endDate(),
                                Boolean.TRUE.equals(input.clearStartDate()),
                                Boolean.TRUE.equals(input.clearEndDate())))),
                TeamMemberPayload::new);
    }

    @MutationMapping
    public Mono<TeamMemberPayload> archiveTeamMember(@Argument ClientController.ArchiveInput input) {
        return Mutations.asCaller(
                caller -> team.archive(caller,
                        new TeamMemberId(GlobalId.decode(input.id(), TYPE, "id")), input.version()),
                TeamMemberPayload::new);
    }

    @MutationMapping
    public Mono<AbsencePayload> addAbsence(@Argument AddAbsenceInput input) {
        return Mutations.asCaller(
                caller -> team.addAbsence(caller, new AddAbsenceCommand(
                        new TeamMemberId(GlobalId.decode(input.teamMemberId(), TYPE, "teamMemberId")),
                        input.kind(), input.from(), input.to(), input.note())),
                AbsencePayload::new);
    }

    @MutationMapping
    public Mono<AbsencePayload> updateAbsence(@Argument UpdateAbsenceInput input) {
        return Mutations.asCaller(
                caller -> team.updateAbsence(caller,
                        new AbsenceId(GlobalId.decode(input.id(), ABSENCE, "id")), input.version(),
                        new AbsenceDraft(input.kind(), input.from(), input.to(), input.note())),
                AbsencePayload::new);
    }

    @MutationMapping
    public Mono<AbsencePayload> removeAbsence(@Argument RemoveAbsenceInput input) {
        return Mutations.asCaller(
                caller -> team.removeAbsence(caller,
                        new AbsenceId(GlobalId.decode(input.id(), ABSENCE, "id")), input.version()),
                AbsencePayload::new);
    }

    @QueryMapping
    public Mono<List<io.cordee.core.staffing.MemberCapacity>> teamCapacity(@Argument String month) {
        return Callers.current().flatMap(caller -> team.capacity(caller, TeamCapacityCommand.of(month)));
    }

    @SchemaMapping(typeName = "MemberCapacity", field = "teamMember")
    public TeamMember capacityMember(io.cordee.core.staffing.MemberCapacity c) {
        return c.member();
    }

    @SchemaMapping(typeName = "MemberCapacity", field = "month")
    public String capacityMonth(io.cordee.core.staffing.MemberCapacity c) {
        return c.month().toString();
    }

    @SchemaMapping(typeName = "MemberCapacity", field = "capacityDays")
    public double capacityDays(io.cordee.core.staffing.MemberCapacity c) {
        return c.capacityDays().doubleValue();
    }

    @SchemaMapping(typeName = ABSENCE, field = "teamMemberId")
    public String absenceMemberId(Absence absence) {
        return GlobalId.of(TYPE, absence.memberId().value());
    }

    /** GraphQL Float to an exact decimal: 0.8 stays 0.8. */
    private static BigDecimal fte(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros();
    }
}
