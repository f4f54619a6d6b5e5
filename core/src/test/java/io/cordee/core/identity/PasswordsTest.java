package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordsTest {

    private static List<ErrorCode> codes(String password) {
        try {
            Passwords.check(new Validator(), "password", password).throwIfInvalid();
            return List.of();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::code).toList();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            // 11 characters: one short of 12
            "elevenchars, WEAK_PASSWORD",
            // 12 characters exactly, not common: accepted, whatever it is made of (no composition rules)
            "twelve chars, none",
            "rope and cash together, none",
            // 12 characters but on the list, in any case
            "password1234, WEAK_PASSWORD",
            "PassWord1234, WEAK_PASSWORD",
            "MotDePasse123, WEAK_PASSWORD",
            // one character repeated 14 times
            "zzzzzzzzzzzzzz, WEAK_PASSWORD",
            // 11 code points, 12 UTF-16 units (an emoji is two): still too short
            "'abcdefghij😀', WEAK_PASSWORD",
            "'', REQUIRED"})
    void rules(String password, String code) {
        assertThat(codes(password)).isEqualTo(code == null ? List.of() : List.of(ErrorCode.valueOf(code)));
    }

    @ParameterizedTest
    @CsvSource({"1000, 0", "1001, 1"})
    void atMostAThousandCharacters(int length, int errors) {
        assertThat(codes("x".repeat(length - 1) + "y")).hasSize(errors);
    }
}
