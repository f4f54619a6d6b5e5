package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Record a team member's absence (use case {@link TeamService#addAbsence(io.cordee.core.identity.Caller,
 * AddAbsenceCommand)}). Valid on its own (ADR 79): a member, a kind, a first and a last day not before it, less
 * than {@value #MAX_DAYS} days apart (a longer one is a departure), a note of at most {@value #NOTE_MAX_LENGTH}
 * characters (stripped). Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every
 * broken field. A changed absence must pass the same rules: {@link TeamService#updateAbsence} builds one from the
 * merged values. That the member is the agency's stays with the service.
 */
public record AddAbsenceCommand(TeamMemberId memberId, Absence.Kind kind, LocalDate from, LocalDate to, String note) {

    static final int MAX_DAYS = 366;
    static final int NOTE_MAX_LENGTH = 500;

    public AddAbsenceCommand {
        Validator v = new Validator().required("teamMemberId", memberId).required("kind", kind)
                .required("from", from).required("to", to)
                .notBefore("to", to, "from", from).maxLength("note", note, NOTE_MAX_LENGTH);
        if (from != null && to != null && !to.isBefore(from)) {
            v.check(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to",
                    "an absence lasts at most " + MAX_DAYS + " days; record a departure instead",
                    ErrorCode.OUT_OF_RANGE);
        }
        v.throwIfInvalid();
        note = note == null ? null : note.strip();
    }

    /** The command from a draft, for {@code memberId}. */
    public AddAbsenceCommand(TeamMemberId memberId, AbsenceDraft draft) {
        this(memberId, draft.kind(), draft.from(), draft.to(), draft.note());
    }
}
