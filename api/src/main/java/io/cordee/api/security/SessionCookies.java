package io.cordee.api.security;

import io.cordee.core.identity.ApiTokenService;
import java.time.Duration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over TLS. */
public final class SessionCookies {

    public static final String NAME = "CORDEE_SESSION";

    private SessionCookies() {
    }

    /**
     * The session token of a request: the cookie, or an {@code Authorization: Bearer} header for scripts
     * (but not a partner API token, which is {@link #apiToken}).
     */
    public static String token(ServerHttpRequest request) {
        return token(request.getHeaders(), request.getCookies());
    }

    public static String token(HttpHeaders headers, MultiValueMap<String, HttpCookie> cookies) {
        HttpCookie cookie = cookies.getFirst(NAME);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return cookie.getValue();
        }
        String bearer = bearer(headers);
        return ApiTokenService.isApiToken(bearer) ? null : bearer;
    }

    /** The partner API token of {@code Authorization: Bearer cordee_pat_…}, or null. */
    public static String apiToken(HttpHeaders headers) {
        String bearer = bearer(headers);
        return ApiTokenService.isApiToken(bearer) ? bearer : null;
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    public static ResponseCookie issue(String token, Duration maxAge, boolean secure) {
        return ResponseCookie.from(NAME, token).httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(maxAge).build();
    }

    public static ResponseCookie clear(boolean secure) {
        return ResponseCookie.from(NAME, "").httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(Duration.ZERO).build();
    }
}
