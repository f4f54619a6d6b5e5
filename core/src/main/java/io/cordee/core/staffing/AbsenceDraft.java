package io.cordee.core.staffing;

import java.time.LocalDate;

/** The editable fields of an absence; on update, null means "leave as it is". */
public record AbsenceDraft(Absence.Kind kind, LocalDate from, LocalDate to, String note) {
}
