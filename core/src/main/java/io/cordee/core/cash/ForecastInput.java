package io.cordee.core.cash;

import io.cordee.core.billing.Receivable;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMember;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the forecast reads, already loaded: it is a pure function of this and a scenario.
 *
 * @param latestBalance   the last recorded bank balance on or before {@code asOf}
 * @param receipts        payments actually received (positive amounts), used to roll the balance forward
 * @param receivables     what clients still owe on planned and issued invoices
 * @param oneOffExpenses  one-off costs (positive amounts) on their dates
 * @param clients         each client's payment behaviour and, for a start-up, its runway end
 * @param projects        the projects of clients whose billing a scenario re-plans (empty otherwise)
 */
public record ForecastInput(LocalDate asOf, int horizonWeeks, Money safetyThreshold, int payday,
                            BankBalance latestBalance, List<CashMovement> receipts, List<Receivable> receivables,
                            List<TeamMember> team, List<Overhead> overheads, List<CashMovement> oneOffExpenses,
                            Map<ClientId, ClientProfile> clients, Map<ProjectId, Project> projects) {

    public static final int MAX_HORIZON_WEEKS = 104;

    /** A client and how it pays. */
    public record ClientProfile(Client client, PaymentDelayModel.Delays delays) {

        /** For a start-up, the day its cash runs out; null if unknown or not a start-up. */
        public LocalDate runwayEnd() {
            return client.funding() == null ? null : client.funding().runwayEnd();
        }
    }
}
