package io.cordee.core.staffing;

import io.cordee.core.client.ClientId;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** One month of the agency's capacity, and each client's part of it, largest first. */
public record MonthCapacity(YearMonth month, int workingDays, BigDecimal capacityDays, List<ClientLoad> clients) {

    public record ClientLoad(ClientId clientId, BigDecimal allocatedDays, BigDecimal share) {
    }
}
