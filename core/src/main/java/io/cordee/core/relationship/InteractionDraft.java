package io.cordee.core.relationship;

import java.time.LocalDate;
import java.util.List;

/** The editable fields of an interaction; on update, null means "leave as it is". */
public record InteractionDraft(LocalDate date, InteractionKind kind, List<String> agencyParticipants,
                               List<String> clientParticipants, String summary, Integer agencyEnergy,
                               Integer clientEnergy, Boolean internal) {
}
