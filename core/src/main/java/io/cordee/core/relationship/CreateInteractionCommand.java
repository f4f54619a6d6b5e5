package io.cordee.core.relationship;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.List;

/**
 * Log an interaction with a client (use case {@link RelationshipService#addInteraction(io.cordee.core.identity.Caller,
 * CreateInteractionCommand)}). Valid on its own (ADR 79): a client, a date not before 2000-01-01, a kind, a summary
 * of 1 to 5,000 characters (stripped), each energy 1–5 when given, at most {@value #MAX_PARTICIPANTS} participants a
 * side, each named in 1 to 200 characters (stripped). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. A changed interaction must pass the same
 * rules: {@link RelationshipService#updateInteraction} builds one from the merged values. What needs the agency or
 * the caller stays with the service: the date not after the agency's today, the client is the caller's, and a
 * CLIENT user neither rates the agency's energy nor keeps internal notes.
 */
public record CreateInteractionCommand(ClientId clientId, LocalDate date, InteractionKind kind,
                                       List<String> agencyParticipants, List<String> clientParticipants,
                                       String summary, Integer agencyEnergy, Integer clientEnergy, boolean internal) {

    public static final int MAX_PARTICIPANTS = 20;

    public CreateInteractionCommand {
        Validator v = new Validator().required("clientId", clientId).required("date", date).required("kind", kind)
                .requiredText("summary", summary, Validator.TEXT_MAX_LENGTH);
        v.check(date == null || !date.isBefore(RelationshipRules.EARLIEST), "date",
                "must not be before " + RelationshipRules.EARLIEST, ErrorCode.OUT_OF_RANGE);
        if (agencyEnergy != null) {
            v.range("agencyEnergy", agencyEnergy, 1, 5);
        }
        if (clientEnergy != null) {
            v.range("clientEnergy", clientEnergy, 1, 5);
        }
        agencyParticipants = RelationshipRules.names(v, "agencyParticipants", agencyParticipants, MAX_PARTICIPANTS);
        clientParticipants = RelationshipRules.names(v, "clientParticipants", clientParticipants, MAX_PARTICIPANTS);
        v.throwIfInvalid();
        summary = summary.strip();
    }

    /** The command from a draft, for {@code clientId}; not internal unless the draft says so. */
    public CreateInteractionCommand(ClientId clientId, InteractionDraft draft) {
        this(clientId, draft.date(), draft.kind(), draft.agencyParticipants(), draft.clientParticipants(),
                draft.summary(), draft.agencyEnergy(), draft.clientEnergy(), Boolean.TRUE.equals(draft.internal()));
    }
}
