package io.cordee.core.client;

/** A person on the client's side. */
public record Contact(String name, String email, String role) {
}
