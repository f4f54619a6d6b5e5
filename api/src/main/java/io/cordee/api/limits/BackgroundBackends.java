package io.cordee.api.limits;

import io.r2dbc.spi.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The database side of background work at the lowest priority too (ADR 94). Each new connection of the background
 * pool (ADR 93) asks PostgreSQL for its backend's process id; when that backend is a process of this machine —
 * the connection goes to a loopback address, and {@code /proc/<pid>/cmdline} is a PostgreSQL backend serving
 * exactly this connection's client port — the backend is reniced to 19, as the pass's own threads are (ADR 92).
 * So on the embedded database, or any PostgreSQL on the same host under the same user, the pass's statements run
 * on what the requests' statements leave. Anywhere else (a database on another host or container, a backend of
 * another user, no {@code /proc} or {@code renice}) the backend keeps the normal priority, said once in the log;
 * the connection is used either way.
 *
 * <p>Once per connection ({@link #oncePerConnection()}): the pool calls its post-allocate function each time it
 * hands a connection out, not only when it opens one, and a renice is a process of its own (issue 20: a statement,
 * a read of {@code /proc} and a {@code renice} for each statement of an evaluation, a quarter of the pass's
 * allocations). A backend keeps its nice value for its life, so the first time is enough.
 */
final class BackgroundBackends {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBackends.class);

    /** The last outcome logged, so that each outcome is said once, not once per connection. */
    private static final AtomicReference<String> said = new AtomicReference<>();

    private BackgroundBackends() {
    }

    /** What PostgreSQL says of a connection's backend: its process, the server's address, the client's port. */
    record Backend(int pid, String serverAddress, int clientPort) {
    }

    /**
     * {@link #lowerPriority} for the pool's post-allocate: the first time a connection is handed out only; every
     * later time it is the same backend, already lowered (or refused), and nothing is done.
     */
    static Function<Connection, Mono<Void>> oncePerConnection() {
        // weak: a connection the pool closes is forgotten with it
        Set<Connection> done = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        // marked done once lowered (or refused: lowerPriority never fails), so an acquisition cancelled half-way
        // leaves it to the next one
        return connection -> done.contains(connection) ? Mono.empty()
                : lowerPriority(connection).doOnSuccess(lowered -> done.add(connection));
    }

    /** Lowers the priority of {@code connection}'s backend where it can; never fails the connection. */
    static Mono<Void> lowerPriority(Connection connection) {
        return Mono.from(connection.createStatement("SELECT pg_backend_pid() AS pid,"
                        + " host(inet_server_addr()) AS server, inet_client_port() AS port").execute())
                .flatMap(result -> Mono.from(result.map((row, meta) -> {
                    Integer port = row.get("port", Integer.class);
                    return new Backend(row.get("pid", Integer.class), row.get("server", String.class),
                            port == null ? -1 : port);
                })))
                .publishOn(Schedulers.boundedElastic())
                .map(BackgroundBackends::renice)
                .doOnNext(BackgroundBackends::say)
                .onErrorResume(e -> {
                    say("the database backend of a background connection keeps the normal priority: "
                            + e.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    /** Renices the backend when it is this machine's; the outcome, in words. */
    static String renice(Backend backend) {
        String refusal = whyNot(backend, cmdline(backend.pid()));
        if (refusal != null) {
            return "background connections' database backends keep the normal priority: " + refusal;
        }
        try {
            if (BackgroundThreads.renice(String.valueOf(backend.pid()))) {
                return "background connections' database backends run at nice " + BackgroundThreads.NICE;
            }
            return "background connections' database backends keep the normal priority: renice did not succeed"
                    + " (a backend of another user?)";
        } catch (IOException e) {
            return "background connections' database backends keep the normal priority: renice could not run ("
                    + e.getMessage() + ")";
        }
    }

    /**
     * Why {@code backend} must not be reniced from here, or {@code null} when it is this machine's backend of this
     * very connection. {@code cmdline} is its {@code /proc/<pid>/cmdline} with the separators as spaces, or
     * {@code null} when there is no such process here. PostgreSQL titles a backend {@code postgres: user database
     * host(port) activity} (with the cluster's name after {@code postgres:} when it has one), so the client port in
     * parentheses ties the process to this connection: a process of the same number on a database in another
     * container or host would not carry it.
     */
    static String whyNot(Backend backend, String cmdline) {
        if (backend.serverAddress() == null) {
            return "connected over a Unix socket";
        }
        if (!isLoopback(backend.serverAddress())) {
            return "the database is on another host (" + backend.serverAddress() + ")";
        }
        if (cmdline == null) {
            return "its process " + backend.pid() + " is not visible here (another container?)";
        }
        if (!cmdline.startsWith("postgres") || !cmdline.contains("(" + backend.clientPort() + ")")) {
            return "process " + backend.pid() + " here is not the backend of this connection";
        }
        return null;
    }

    private static boolean isLoopback(String address) {
        try {
            // an address literal, as host(inet) prints it: parsed, never looked up
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A process's command line with its separators as spaces; {@code null} when there is no such process. */
    private static String cmdline(int pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static void say(String outcome) {
        if (!outcome.equals(said.getAndSet(outcome))) {
            log.info("{}", outcome.substring(0, 1).toUpperCase() + outcome.substring(1));
        }
    }
}
