package io.cordee.api.http;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every file upload beside {@code /graphql} does around its own work (spreadsheets ADR 49, bank statements
 * ADR 52, agency archives ADR 57): the media type among those it takes, the size under its bound (by
 * {@code Content-Length} before reading, then while reading), the body read whole, and the {@code 201} JSON
 * answer, never cached. Refusals are {@link InvalidInput}s, answered by {@link FileEndpointRefusals}.
 */
public final class FileUploads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FileUploads() {
    }

    /**
     * Refuses a request whose {@code Content-Type} is not one of {@code accepted} (telling to send {@code what}
     * itself as the body), then one whose {@code Content-Length} is over {@code maxBytes} ({@code tooLarge}).
     */
    public static void checkHeaders(ServerHttpRequest request, Set<String> accepted, String what, long maxBytes,
                                    Supplier<InvalidInput> tooLarge) {
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !accepted.contains(type.getType() + "/" + type.getSubtype())) {
            throw InvalidInput.of("Content-Type", "must be one of " + accepted.stream().sorted()
                    .collect(Collectors.joining(", ")) + ": send " + what + " itself as the body",
                    ErrorCode.INVALID_FORMAT);
        }
        if (request.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge.get();
        }
    }

    /** The whole body, refused with {@code tooLarge} past {@code maxBytes}; no body is no bytes. */
    public static Mono<byte[]> body(ServerHttpRequest request, long maxBytes, Supplier<InvalidInput> tooLarge) {
        return DataBufferUtils.join(request.getBody(), (int) maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge.get())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The file's name as the client gave it, stripped, at most 200 characters; null when none. */
    public static String fileName(String fileName) {
        return fileName == null || fileName.isBlank() ? null
                : fileName.strip().substring(0, Math.min(fileName.strip().length(), 200));
    }

    /** {@code 201} with {@code body} as JSON, never cached. */
    public static ResponseEntity<String> created(Object body) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(JSON.writeValueAsString(body));
    }
}
