package io.cordee.core.identity;

import java.time.Instant;

/** The result of a successful sign-in: the raw session token (shown once) and who signed in. */
public record SignedIn(String token, User user, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignedIn[user=" + user.email() + ", expiresAt=" + expiresAt + "]";
    }
}
