package io.cordee.api.http;

import io.cordee.core.common.DomainException;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.Unauthenticated;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How every endpoint beside {@code /graphql} (exports, the proposal letter PDF, spreadsheet, statement and
 * archive uploads) answers a refused request: the HTTP status of the refusal, a GraphQL-shaped error body
 * ({@link GraphQlHttp#errorBody}) carrying the classification and the precise code, never cached.
 *
 * <ul>
 *   <li>{@link Unauthenticated} 401 with {@code WWW-Authenticate}; {@link Forbidden} 403; {@link NotFound} 404;</li>
 *   <li>{@link TooManyRequests} 429 with {@code Retry-After};</li>
 *   <li>{@link InvalidInput} 400 with every field's message and the first field's code — 413 when the file
 *       is over its size ({@link #tooLarge}), 409 when an archive meets an agency that is not empty;</li>
 *   <li>any other refusal 409.</li>
 * </ul>
 */
public final class FileEndpointRefusals {

    private static final String TOO_LARGE = "the file is larger than ";

    private FileEndpointRefusals() {
    }

    /** The refusal of a file over {@code maxBytes}, answered 413. */
    public static InvalidInput tooLarge(long maxBytes, ErrorCode code) {
        return InvalidInput.of("file", TOO_LARGE + maxBytes + " bytes", code);
    }

    public static ResponseEntity<String> of(DomainException e) {
        HttpStatus status = HttpStatus.CONFLICT;
        String classification = "CONFLICT";
        String message = e.getMessage();
        String code = e.code().name();
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof Unauthenticated) {
            status = HttpStatus.UNAUTHORIZED;
            classification = "UNAUTHORIZED";
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cordee\"");
        } else if (e instanceof Forbidden) {
            status = HttpStatus.FORBIDDEN;
            classification = "FORBIDDEN";
        } else if (e instanceof NotFound) {
            status = HttpStatus.NOT_FOUND;
            classification = "NOT_FOUND";
        } else if (e instanceof TooManyRequests tooMany) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            classification = "RATE_LIMITED";
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        } else if (e instanceof InvalidInput invalid) {
            FieldError first = invalid.errors().get(0);
            code = first.code().name();
            message = invalid.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            if (first.code() != ErrorCode.AGENCY_NOT_EMPTY) {
                status = first.message().startsWith(TOO_LARGE) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
                classification = "BAD_REQUEST";
            }
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl(CacheControl.noStore());
        return new ResponseEntity<>(GraphQlHttp.errorBody(message, classification, code), headers, status);
    }
}
