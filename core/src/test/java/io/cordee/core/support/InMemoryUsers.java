package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.identity.PasswordRepository;
import io.cordee.core.identity.PasswordReset;
import io.cordee.core.identity.Session;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.mail.Letterhead;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Users, their sessions, passwords and reset links in memory, with the adapters' rules (ADR 0080:
 * {@code InMemoryUsersContractTest}, {@code InMemoryPasswordsContractTest}): an address signs in to one agency,
 * a session is looked up by its hash alone, every write stays within the user's agency. The agency's name comes
 * from the agencies given, as the adapter reads the agency table; its language is not kept here (null).
 */
public final class InMemoryUsers implements UserRepository, SessionRepository, PasswordRepository {

    private record StoredSession(Session session, Instant revokedAt) {
    }

    private final AgencyRepository agencies;
    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final Map<String, StoredSession> sessions = new LinkedHashMap<>();
    private final Map<String, PasswordReset> resets = new LinkedHashMap<>();

    public InMemoryUsers(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    // ---- users ---------------------------------------------------------------------------------

    @Override
    public synchronized Mono<User> findByEmail(String email) {
        return Mono.justOrEmpty(users.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public synchronized Mono<User> findById(AgencyId agencyId, UserId id) {
        return Mono.justOrEmpty(users.get(id)).filter(u -> u.agencyId().equals(agencyId));
    }

    @Override
    public Mono<User> insert(User user) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                if (users.values().stream().anyMatch(u -> u.email().equals(user.email()))) {
                    throw new IllegalStateException("the address " + user.email() + " already signs in");
                }
                if (users.putIfAbsent(user.id(), user) != null) {
                    throw new IllegalStateException("user " + user.id().value() + " already exists");
                }
                return user;
            }
        });
    }

    // ---- sessions ------------------------------------------------------------------------------

    @Override
    public synchronized Mono<Session> insert(Session session) {
        sessions.put(hex(session.tokenHash()), new StoredSession(session, null));
        return Mono.just(session);
    }

    @Override
    public synchronized Mono<User> findUserOfActiveSession(byte[] tokenHash, Instant now) {
        StoredSession stored = sessions.get(hex(tokenHash));
        if (stored == null || stored.revokedAt() != null || !stored.session().expiresAt().isAfter(now)) {
            return Mono.empty();
        }
        return findById(stored.session().agencyId(), stored.session().userId());
    }

    @Override
    public synchronized Mono<Void> revoke(byte[] tokenHash, Instant now) {
        sessions.computeIfPresent(hex(tokenHash), (key, s) -> s.revokedAt() != null ? s
                : new StoredSession(s.session(), now));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Long> deleteDead(Instant now, int limit) {
        Map<UserId, Instant> newest = sessions.values().stream().map(StoredSession::session)
                .collect(Collectors.toMap(Session::userId, Session::createdAt, (a, b) -> a.isAfter(b) ? a : b));
        List<String> dead = sessions.entrySet().stream()
                .filter(e -> e.getValue().revokedAt() != null || !e.getValue().session().expiresAt().isAfter(now))
                .filter(e -> e.getValue().session().createdAt().isBefore(newest.get(e.getValue().session().userId())))
                .map(Map.Entry::getKey).limit(limit).toList();
        dead.forEach(sessions::remove);
        return Mono.just((long) dead.size());
    }

    // ---- passwords -----------------------------------------------------------------------------

    @Override
    public Mono<Letterhead> letterhead(AgencyId agencyId) {
        return agencies.findById(agencyId).map(agency -> new Letterhead(agency.name(), null));
    }

    @Override
    public synchronized Mono<Void> setPassword(AgencyId agencyId, UserId userId, String passwordHash, Instant now) {
        users.computeIfPresent(userId, (id, u) -> !u.agencyId().equals(agencyId) ? u
                : new User(u.id(), u.agencyId(), u.email(), u.displayName(), u.role(), u.clientId(), passwordHash));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> revokeSessions(AgencyId agencyId, UserId userId, byte[] keep, Instant now) {
        String kept = keep == null ? null : hex(keep);
        sessions.replaceAll((key, s) -> s.revokedAt() == null && s.session().agencyId().equals(agencyId)
                && s.session().userId().equals(userId) && !key.equals(kept) ? new StoredSession(s.session(), now) : s);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> insertReset(PasswordReset reset, byte[] tokenHash) {
        resets.put(hex(tokenHash), reset);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<PasswordReset> findResetForUpdate(byte[] tokenHash) {
        return Mono.justOrEmpty(resets.get(hex(tokenHash)));
    }

    @Override
    public synchronized Mono<Void> markResetUsed(AgencyId agencyId, UUID id, Instant now) {
        resets.replaceAll((key, r) -> r.id().equals(id) && r.agencyId().equals(agencyId)
                ? new PasswordReset(r.id(), r.agencyId(), r.userId(), r.createdAt(), r.expiresAt(), now) : r);
        return Mono.empty();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
