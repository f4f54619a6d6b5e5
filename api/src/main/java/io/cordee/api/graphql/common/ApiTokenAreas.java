package io.cordee.api.graphql.common;

import static io.cordee.core.identity.ApiTokenArea.ALERTS;
import static io.cordee.core.identity.ApiTokenArea.BILLING;
import static io.cordee.core.identity.ApiTokenArea.BRIEFS;
import static io.cordee.core.identity.ApiTokenArea.CASH;
import static io.cordee.core.identity.ApiTokenArea.CLIENTS;
import static io.cordee.core.identity.ApiTokenArea.PROJECTS;
import static io.cordee.core.identity.ApiTokenArea.RELATIONSHIP;
import static io.cordee.core.identity.ApiTokenArea.SETTINGS;
import static io.cordee.core.identity.ApiTokenArea.STAFFING;

import io.cordee.core.identity.ApiTokenArea;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which area each mutation belongs to, for the scope of partner API tokens: a {@code READ_WRITE} token
 * runs a mutation only if it names the mutation's area. A mutation that is not listed here is closed
 * to every token (fail closed), and {@code ApiTokenTest} fails until a new mutation is listed — here,
 * and in the {@code ApiTokenArea} descriptions of {@code apitoken.graphqls}.
 */
public final class ApiTokenAreas {

    /** Mutations for people only: signing in and out, setting up an agency, and managing the tokens themselves. */
    public static final Set<String> PEOPLE_ONLY = Set.of("signIn", "signOut", "setUp", "signUp", "createApiToken",
            "revokeApiToken", "invitePerson", "resendInvitation", "revokeInvitation", "acceptInvitation",
            "changeRole", "deactivateUser", "reactivateUser", "setDigestOptOut", "unsubscribeDigest",
            "changePassword", "requestPasswordReset", "resetPassword", "completeSignIn", "startTwoFactorEnrolment",
            "confirmTwoFactorEnrolment", "disableTwoFactor", "regenerateRecoveryCodes", "setTwoFactorRequirement");

    private static final Map<String, ApiTokenArea> MUTATIONS = Map.ofEntries(
            Map.entry("createClient", CLIENTS),
            Map.entry("updateClient", CLIENTS),
            Map.entry("archiveClient", CLIENTS),
            Map.entry("restoreClient", CLIENTS),
            Map.entry("createProject", PROJECTS),
            Map.entry("updateProject", PROJECTS),
            Map.entry("setBillingPlan", BILLING),
            Map.entry("issueInvoice", BILLING),
            Map.entry("createInvoice", BILLING),
            Map.entry("cancelInvoice", BILLING),
            Map.entry("recordPayment", BILLING),
            Map.entry("recordProposalSent", BILLING),
            Map.entry("recordProposalAnswer", BILLING),
            Map.entry("recordBankBalance", CASH),
            Map.entry("createOverhead", CASH),
            Map.entry("updateOverhead", CASH),
            Map.entry("deleteOverhead", CASH),
            Map.entry("createOneOffExpense", CASH),
            Map.entry("deleteOneOffExpense", CASH),
            Map.entry("updateOneOffExpense", CASH),
            Map.entry("createBankAccount", CASH),
            Map.entry("updateBankAccount", CASH),
            Map.entry("archiveBankAccount", CASH),
            Map.entry("deleteBankBalance", CASH),
            Map.entry("confirmBankStatement", BILLING),
            Map.entry("createTeamMember", STAFFING),
            Map.entry("updateTeamMember", STAFFING),
            Map.entry("archiveTeamMember", STAFFING),
            Map.entry("createAllocation", STAFFING),
            Map.entry("updateAllocation", STAFFING),
            Map.entry("deleteAllocation", STAFFING),
            Map.entry("addPublicHolidays", STAFFING),
            Map.entry("removePublicHoliday", STAFFING),
            Map.entry("addAbsence", STAFFING),
            Map.entry("updateAbsence", STAFFING),
            Map.entry("removeAbsence", STAFFING),
            Map.entry("createInteraction", RELATIONSHIP),
            Map.entry("updateInteraction", RELATIONSHIP),
            Map.entry("setStrengthsMap", RELATIONSHIP),
            Map.entry("createAgreement", RELATIONSHIP),
            Map.entry("updateAgreement", RELATIONSHIP),
            Map.entry("createCommitment", RELATIONSHIP),
            Map.entry("updateCommitment", RELATIONSHIP),
            Map.entry("recordCommitmentDelivery", RELATIONSHIP),
            Map.entry("createBrief", BRIEFS),
            Map.entry("updateBriefVersion", BRIEFS),
            Map.entry("signBriefVersion", BRIEFS),
            Map.entry("acknowledgeAlert", ALERTS),
            Map.entry("snoozeAlert", ALERTS),
            Map.entry("updateAgencySettings", SETTINGS),
            Map.entry("updateAlertThresholds", SETTINGS),
            Map.entry("updateHealthWeights", SETTINGS),
            // imports (ADR 49): BILLING here; uploading and applying also need the areas the kind writes
            Map.entry("setImportMapping", BILLING),
            Map.entry("dryRunImport", BILLING),
            Map.entry("applyImport", BILLING),
            Map.entry("cancelImport", BILLING),
            Map.entry("updateCashRiskSettings", SETTINGS),
            Map.entry("createDeal", PROJECTS),
            Map.entry("updateDeal", PROJECTS),
            Map.entry("moveDeal", PROJECTS),
            Map.entry("winDeal", PROJECTS),
            Map.entry("startBriefVersion", BRIEFS),
            Map.entry("applyFeasibilitySuggestion", BRIEFS),
            // timesheets (ADR 57): actual time on projects
            Map.entry("importTimesheet", PROJECTS),
            // comments on the game plan (ADR 64)
            Map.entry("commentOnAgreement", RELATIONSHIP));

    private ApiTokenAreas() {
    }

    /** The area of mutation {@code field}; empty if no token may run it. */
    public static Optional<ApiTokenArea> of(String field) {
        return Optional.ofNullable(MUTATIONS.get(field));
    }

    public static Map<String, ApiTokenArea> all() {
        return MUTATIONS;
    }
}
