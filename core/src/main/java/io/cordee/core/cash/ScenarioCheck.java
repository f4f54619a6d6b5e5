package io.cordee.core.cash;

import io.cordee.core.billing.Receivable;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario cannot do, said before it runs (issue 17, point 3; ADR 38): an adjustment naming a
 * client the agency does not have (unknown, or another agency's) is refused on its {@code clientId};
 * monthly billing in arrears needs an end to bill up to — the project's launch date, or else the last
 * day any allocation on it ends — and a project with planned invoices and neither is refused on the
 * adjustment's {@code monthlyInArrears}. Nothing is ignored and nothing guessed. Pure.
 */
public final class ScenarioCheck {

    private ScenarioCheck() {
    }

    /**
     * The projects to re-plan, each with the end it bills up to in {@code launchDate} (the launch, or else
     * its last allocation's end); an {@link InvalidInput} naming {@code scenario.adjustments[i]…} otherwise.
     * The index is the adjustment's position in the scenario (its map keeps the order it was given in).
     *
     * @param clients        the agency's clients
     * @param projects       the projects of the clients whose billing the scenario re-plans
     * @param allocationEnds the last allocation end of each of those projects that has one
     */
    public static Map<ProjectId, Project> projectsToReplan(Scenario scenario, Set<ClientId> clients,
                                                           List<Receivable> receivables,
                                                           Map<ProjectId, Project> projects,
                                                           Map<ProjectId, LocalDate> allocationEnds) {
        List<FieldError> errors = new ArrayList<>();
        Map<ProjectId, Project> result = new HashMap<>(projects);
        int i = 0;
        for (Map.Entry<ClientId, Scenario.ClientAdjustment> e : scenario.adjustments().entrySet()) {
            String field = "scenario.adjustments[" + i++ + "]";
            if (!clients.contains(e.getKey())) {
                errors.add(new FieldError(field + ".clientId", "is not a client of this agency", ErrorCode.NOT_FOUND));
                continue;
            }
            if (!e.getValue().monthlyInArrears()) {
                continue;
            }
            for (Receivable r : receivables) {
                Project p = r.isPlanned() && r.clientId().equals(e.getKey()) ? result.get(r.projectId()) : null;
                if (p == null || p.launchDate() != null) {
                    continue;
                }
                LocalDate end = allocationEnds.get(p.id());
                if (end == null) {
                    errors.add(new FieldError(field + ".monthlyInArrears", "project " + p.name()
                            + " has no launch date and no allocation end to bill monthly up to: set one first",
                            ErrorCode.REQUIRED));
                    result.remove(p.id());
                } else {
                    result.put(p.id(), new Project(p.id(), p.agencyId(), p.clientId(), p.name(), p.status(),
                            p.startDate(), end, p.communicationPlanDate(), p.feeBudget(), p.paymentTermsDays(),
                            p.version()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream().distinct().toList());
        }
        return result;
    }
}
