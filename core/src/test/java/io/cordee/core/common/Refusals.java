package io.cordee.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that building a command is refused with exactly the given field errors (ADR 79). */
public final class Refusals {

    private Refusals() {
    }

    /** One error expected: {@code field} with {@code code}; returns its message for further checks. */
    public static String refused(ThrowingCallable build, String field, ErrorCode code) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, build);
        assertThat(refused).as("refused with " + field + " " + code).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        return refused.errors().get(0).message();
    }

    /** Several errors expected, in order, as "field CODE" strings. */
    public static void refusedAll(ThrowingCallable build, String... fieldAndCode) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, build);
        assertThat(refused).isNotNull();
        assertThat(refused.errors().stream().map(e -> e.field() + " " + e.code()).toList())
                .isEqualTo(List.of(fieldAndCode));
    }
}
