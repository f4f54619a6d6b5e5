package io.cordee.api.ops;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached right now" (stopped, restarting, unreachable,
 * the pool waited too long for a connection), as opposed to a bug. Such a failure is answered with the
 * GraphQL error {@code UNAVAILABLE} and HTTP 503, with a retry hint, and never with a stack trace (ADR 18).
 */
public final class DatabaseUnavailable {

    public static final String CODE = "UNAVAILABLE";
    public static final String MESSAGE = "Cordée cannot reach its database right now; please try again in a moment.";
    /** Seconds a client should wait before retrying ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** The {@code extensions} of the GraphQL error. */
    public static Map<String, Object> extensions() {
        return Map.of("classification", CODE, "code", CODE, "retryAfterSeconds", RETRY_AFTER_SECONDS);
    }

    /** True when {@code failure} or one of its causes says the database cannot be reached. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
                    || t instanceof R2dbcTimeoutException || t instanceof ClosedChannelException
                    || t instanceof java.net.ConnectException
                    || isConnectionState(t) || isClosedConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down, cannot connect now). */
    private static boolean isConnectionState(Throwable t) {
        String state = t instanceof R2dbcException r ? r.getSqlState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** The driver's "connection closed" failures are plain exceptions named so; matched by name to stay driver-neutral. */
    private static boolean isClosedConnection(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.contains("ConnectionClosed") || (t instanceof IOException
                && t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection reset"));
    }
}
