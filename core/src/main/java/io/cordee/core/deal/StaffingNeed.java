package io.cordee.core.deal;

import io.cordee.core.staffing.TeamMemberId;

/** One person a deal would need, with the share of their time (1–100 %), for the deal's whole duration. */
public record StaffingNeed(TeamMemberId memberId, int sharePercent) {
}
