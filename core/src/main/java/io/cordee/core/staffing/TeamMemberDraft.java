package io.cordee.core.staffing;

import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.util.List;

/** The editable fields of a team member; on update, null means "leave as it is". */
public record TeamMemberDraft(String name, String jobTitle, List<String> skills, BigDecimal fte,
                              Money monthlyLoadedCost, Money dailyBillRate) {
}
