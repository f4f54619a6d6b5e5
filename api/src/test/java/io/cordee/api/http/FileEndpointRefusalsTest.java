package io.cordee.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.Unauthenticated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The one answer of every endpoint beside {@code /graphql} to a refusal: status, headers and code. */
class FileEndpointRefusalsTest {

    @Test
    void anUnauthenticatedCallerIsToldHowToAuthenticate() {
        ResponseEntity<String> answer = FileEndpointRefusals.of(new Unauthenticated("sign in"));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"cordee\"");
        assertThat(answer.getBody()).contains("\"UNAUTHORIZED\"");
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void forbiddenAndNotFoundKeepTheirStatus() {
        assertThat(FileEndpointRefusals.of(new Forbidden("not yours")).getStatusCode().value()).isEqualTo(403);
        assertThat(FileEndpointRefusals.of(new NotFound("Client", "c-1")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void tooManyRequestsSaysWhenToComeBack() {
        ResponseEntity<String> answer = FileEndpointRefusals.of(
                new TooManyRequests(ErrorCode.TOO_MANY_REQUESTS, "slow down", Duration.ofSeconds(42)));

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
        assertThat(answer.getBody()).contains("\"RATE_LIMITED\"").contains("\"TOO_MANY_REQUESTS\"");
    }

    @Test
    void invalidInputNamesEveryFieldAndTheFirstFieldsCode() {
        ResponseEntity<String> answer = FileEndpointRefusals.of(new InvalidInput(List.of(
                new FieldError("sep", "must be comma or semicolon", ErrorCode.INVALID_FORMAT),
                new FieldError("from", "must be a date", ErrorCode.REQUIRED))));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("sep: must be comma or semicolon; from: must be a date")
                .contains("\"BAD_REQUEST\"").contains("\"INVALID_FORMAT\"");
    }

    @Test
    void aFileOverItsSizeIs413AndAnArchiveOverAFilledAgencyIs409() {
        ResponseEntity<String> tooLarge = FileEndpointRefusals.of(
                FileEndpointRefusals.tooLarge(1_000, ErrorCode.IMPORT_FILE_INVALID));
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getBody()).contains("the file is larger than 1000 bytes").contains("\"IMPORT_FILE_INVALID\"");

        ResponseEntity<String> notEmpty = FileEndpointRefusals.of(
                InvalidInput.of("file", "the agency already holds clients", ErrorCode.AGENCY_NOT_EMPTY));
        assertThat(notEmpty.getStatusCode().value()).isEqualTo(409);
        assertThat(notEmpty.getBody()).contains("\"CONFLICT\"").contains("\"AGENCY_NOT_EMPTY\"");
    }

    @Test
    void anyOtherRefusalIsAConflict() {
        ResponseEntity<String> answer = FileEndpointRefusals.of(new Conflict("Invoice", 3));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody()).contains("\"CONFLICT\"").contains("Invoice was changed by someone else");
    }
}
