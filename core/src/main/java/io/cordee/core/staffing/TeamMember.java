package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A person of the agency: their job, skills, how much of a full week they work ({@code fte}, 1.0 is
 * full time), what they cost per month all charges included, and what a day of theirs is billed.
 */
public record TeamMember(TeamMemberId id, AgencyId agencyId, String name, String jobTitle, List<String> skills,
                         BigDecimal fte, Money monthlyLoadedCost, Money dailyBillRate, boolean archived,
                         long version) {

    public TeamMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fte, "fte");
        Objects.requireNonNull(monthlyLoadedCost, "monthlyLoadedCost");
        Objects.requireNonNull(dailyBillRate, "dailyBillRate");
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
