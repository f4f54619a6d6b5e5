package io.cordee.core.identity;

/** Port: a deliberately slow password hash (BCrypt in production). */
public interface PasswordHasher {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);
}
