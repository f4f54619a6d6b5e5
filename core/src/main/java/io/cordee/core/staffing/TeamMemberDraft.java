package io.cordee.core.staffing;

import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The editable fields of a team member; on update, null means "leave as it is", and
 * {@code clearStartDate}/{@code clearEndDate} remove a date (a departure called off).
 */
public record TeamMemberDraft(String name, String jobTitle, List<String> skills, BigDecimal fte,
                              Money monthlyLoadedCost, Money dailyBillRate, LocalDate startDate, LocalDate endDate,
                              boolean clearStartDate, boolean clearEndDate) {

    public TeamMemberDraft(String name, String jobTitle, List<String> skills, BigDecimal fte, Money monthlyLoadedCost,
                           Money dailyBillRate) {
        this(name, jobTitle, skills, fte, monthlyLoadedCost, dailyBillRate, null, null, false, false);
    }
}
