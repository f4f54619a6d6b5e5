package io.cordee.core.people;

import io.cordee.core.common.Actor;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.Passwords;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.mail.Letterhead;
import io.cordee.core.mail.LinkMailer;
import io.cordee.core.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * People of an agency (ADR 30): an {@code OWNER} invites staff and client contacts by one-time links,
 * changes roles, deactivates and reactivates; the invited person accepts with a name and a password and is
 * signed in.
 *
 * <p>A link's token is 256 random bits, kept only as its SHA-256; it works once, for
 * {@value #VALIDITY_DAYS} days from the injected clock, until revoked or re-sent (a re-send replaces the
 * token, so the old link is dead). The agency keeps at least one active {@code OWNER}: a demotion or a
 * deactivation first locks the rows of the agency's active owners, so of two concurrent demotions of the
 * last two owners the second sees one owner left and is refused.
 */
public final class PeopleService {

    public static final int VALIDITY_DAYS = 7;
    public static final Duration VALIDITY = Duration.ofDays(VALIDITY_DAYS);
    private static final Set<Role> OWNERS = EnumSet.of(Role.OWNER);

    private final PeopleRepository people;
    private final UserRepository users;
    private final IdentityService identity;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;
    private final LinkMailer links;

    /** The accepted invitation's password is hashed by {@code identity}, as every password. */
    public PeopleService(PeopleRepository people, UserRepository users, IdentityService identity,
                         TransactionRunner tx, IdGenerator ids, Clock clock, Mailer mailer, String publicUrl) {
        this.people = people;
        this.users = users;
        this.identity = identity;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.links = new LinkMailer(mailer, publicUrl, "/#/accept/");
    }

    /** The link an invitation's token opens: the SPA's accept page. */
    public String link(String token) {
        return links.link(token);
    }

    public boolean mailConfigured() {
        return links.configured();
    }

    // ---- reading

    public Mono<List<Person>> people(Caller caller) {
        return Mono.defer(() -> people.findPeople(caller.require(OWNERS, "see the agency's people").agencyId())
                .collectList());
    }

    public Mono<List<Invitation>> invitations(Caller caller) {
        return Mono.defer(() -> people.findOpenInvitations(caller.require(OWNERS, "see invitations").agencyId())
                .collectList());
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- invitations

    public Mono<NewInvitation> invite(Caller caller, InvitationDraft draft) {
        return caller.command(OWNERS, "invite people", () -> InvitePersonCommand.of(draft))
                .flatMap(command -> invite(caller, command));
    }

    /** Invites someone; the command holds the rules of its fields, the client and the address are checked here. */
    public Mono<NewInvitation> invite(Caller caller, InvitePersonCommand draft) {
        return Mono.defer(() -> {
            caller.require(OWNERS, "invite people");
            String email = IdentityService.normalizeEmail(draft.email());
            Instant now = clock.instant();
            Mono<Boolean> clientOk = draft.clientId() == null ? Mono.just(true)
                    : people.clientExists(caller.agencyId(), draft.clientId());
            return clientOk.flatMap(ok -> ok ? Mono.just(true) : Mono.error(InvalidInput.of("clientId",
                            "is not a client of this agency", ErrorCode.NOT_FOUND)))
                    .then(tx.inTransaction(people.lockAndCheckAddressUsed(caller.agencyId(), email, now, null)
                            .flatMap(used -> used ? Mono.error(addressUsed()) : people.letterhead(caller.agencyId()))
                            .flatMap(agency -> {
                                String token = IdentityService.newToken();
                                String language = agency.languageOr(draft.language());
                                Invitation invitation = new Invitation(ids.newId(), caller.agencyId(), email,
                                        draft.role(), draft.clientId(), language, caller.userId(), now,
                                        now.plus(VALIDITY), null, null, 0);
                                return people.insertInvitation(invitation, IdentityService.hashToken(token))
                                        .flatMap(saved -> deliver(caller, saved, agency, token));
                            })));
        });
    }

    /** A new link for an open invitation (pending or expired), valid 7 days from now; the old link is dead. */
    public Mono<NewInvitation> resend(Caller caller, UUID id) {
        return Mono.defer(() -> {
            caller.require(OWNERS, "re-send invitations");
            Instant now = clock.instant();
            String token = IdentityService.newToken();
            return tx.inTransaction(people.findInvitation(caller.agencyId(), id)
                    .switchIfEmpty(Mono.error(() -> new NotFound("Invitation", id)))
                    .flatMap(found -> found.acceptedAt() != null ? Mono.error(InvalidInput.of("id",
                            "This invitation was accepted: the person is on the people page", ErrorCode.INVITATION_USED))
                            : found.revokedAt() != null ? Mono.error(InvalidInput.of("id",
                            "This invitation was revoked: invite the person again", ErrorCode.INVITATION_REVOKED))
                            : people.lockAndCheckAddressUsed(caller.agencyId(), found.email(), now, found.id()))
                    .flatMap(used -> used ? Mono.error(addressUsed()) : people.replaceToken(caller.agencyId(), id,
                            IdentityService.hashToken(token), now, now.plus(VALIDITY)))
                    .switchIfEmpty(Mono.error(() -> new NotFound("Invitation", id)))
                    .flatMap(saved -> people.letterhead(caller.agencyId())
                            .flatMap(agency -> deliver(caller, saved, agency, token))));
        });
    }

    public Mono<Invitation> revoke(Caller caller, UUID id) {
        return Mono.defer(() -> people.revokeInvitation(caller.require(OWNERS, "revoke invitations").agencyId(), id,
                        clock.instant()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Invitation", id)));
    }

    private Mono<NewInvitation> deliver(Caller caller, Invitation invitation, Letterhead agency,
                                        String token) {
        String link = link(token);
        if (!links.configured()) {
            return Mono.just(new NewInvitation(invitation, link, false));
        }
        return users.findById(caller.agencyId(), caller.userId())
                .map(User::displayName).defaultIfEmpty(agency.name())
                .flatMap(inviter -> links.send(InvitationMail.of(invitation.email(), invitation.language(),
                        agency.name(), inviter, invitation.role(), link, invitation.expiresAt())))
                .onErrorMap(e -> !(e instanceof InvalidInput), e -> InvalidInput.of("email",
                        "The mail server did not take the invitation; nothing was saved: try again later",
                        ErrorCode.MAIL_NOT_SENT))
                .thenReturn(new NewInvitation(invitation, link, true));
    }

    /**
     * Anonymous: the person behind a link chooses a name and a password; the user is created with the
     * invitation's role (and client), the invitation is used up, and the person is signed in.
     */
    public Mono<SignedIn> accept(String token, String name, String password) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.error(invalidLink());
        }
        byte[] hash = IdentityService.hashToken(token.strip());
        return people.findByTokenForUpdate(hash)
                .switchIfEmpty(Mono.error(PeopleService::invalidLink))
                .flatMap(this::usable)
                .flatMap(inv -> Mono.fromRunnable(() -> {
                            Validator v = new Validator().requiredText("name", name, Validator.NAME_MAX_LENGTH);
                            Passwords.check(v, "password", password);
                            v.throwIfInvalid();
                        })
                        .then(identity.hashPassword(password))
                        .flatMap(passwordHash -> {
                            UserId userId = new UserId(ids.newId());
                            // again under the row's lock: of two acceptances of one link, the second finds it used
                            return tx.inTransactionAs(Actor.of(inv.agencyId(), userId, "acceptInvitation"),
                                    people.findByTokenForUpdate(hash)
                                            .switchIfEmpty(Mono.error(PeopleService::invalidLink))
                                            .flatMap(this::usable)
                                            .flatMap(locked -> people.userWithEmail(locked.email()).flatMap(taken -> taken
                                                    ? Mono.error(InvalidInput.of("token", "This address already signs in"
                                                    + " to Cordée: sign in instead", ErrorCode.DUPLICATE))
                                                    : users.insert(new User(userId, locked.agencyId(), locked.email(),
                                                            name.strip(), locked.role(), locked.clientId(), passwordHash))
                                                    .flatMap(user -> people.markAccepted(locked.agencyId(), locked.id(),
                                                            userId, clock.instant()).thenReturn(user)))));
                        }))
                .flatMap(identity::openSession);
    }

    private Mono<Invitation> usable(Invitation invitation) {
        return switch (invitation.status(clock.instant())) {
            case PENDING -> Mono.just(invitation);
            case ACCEPTED -> Mono.error(InvalidInput.of("token", "This invitation link was already used: sign in",
                    ErrorCode.INVITATION_USED));
            case REVOKED -> Mono.error(InvalidInput.of("token", "This invitation was revoked: ask the agency for a"
                    + " new one", ErrorCode.INVITATION_REVOKED));
            case EXPIRED -> Mono.error(InvalidInput.of("token", "This invitation link has expired (links work "
                    + VALIDITY_DAYS + " days): ask the agency to send it again", ErrorCode.INVITATION_EXPIRED));
        };
    }

    // ---- roles and access

    public Mono<Person> changeRole(Caller caller, UserId id, Role role, ClientId clientId, Long version) {
        return caller.command(OWNERS, "change roles", () -> new ChangeRoleCommand(id, role, clientId, version))
                .flatMap(command -> changeRole(caller, command));
    }

    /** Changes someone's role: the command holds the rules of the role and its client, checked here to exist. */
    public Mono<Person> changeRole(Caller caller, ChangeRoleCommand command) {
        UserId id = command.id();
        Long version = command.version();
        return Mono.defer(() -> {
            caller.require(OWNERS, "change roles");
            Mono<Boolean> clientOk = command.clientId() == null ? Mono.just(true)
                    : people.clientExists(caller.agencyId(), command.clientId());
            return clientOk.flatMap(ok -> ok ? Mono.just(true) : Mono.error(InvalidInput.of("clientId",
                            "is not a client of this agency", ErrorCode.NOT_FOUND)))
                    .then(identity.changingAccessOf(caller.agencyId(), id,
                            tx.inTransaction(guardOwners(caller, id, command.role() != Role.OWNER, "change the role of")
                            .flatMap(person -> people.updateRole(caller.agencyId(), id, command.role(),
                                    command.clientId(), version)
                                    .switchIfEmpty(Mono.error(() -> new Conflict("Person", version == null ? -1 : version)))))));
        });
    }

    public Mono<Person> deactivate(Caller caller, UserId id, Long version) {
        return Mono.defer(() -> {
            caller.require(OWNERS, "deactivate people");
            Instant now = clock.instant();
            return identity.changingAccessOf(caller.agencyId(), id, tx.inTransaction(guardOwners(caller, id, true,
                            "deactivate")
                    .flatMap(person -> person.deactivatedAt() != null ? Mono.just(person)
                            : people.setDeactivated(caller.agencyId(), id, now, version)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Person", version == null ? -1 : version)))
                            .flatMap(done -> people.endAccess(caller.agencyId(), id, now).thenReturn(done)))));
        });
    }

    public Mono<Person> reactivate(Caller caller, UserId id, Long version) {
        return Mono.defer(() -> {
            caller.require(OWNERS, "reactivate people");
            return tx.inTransaction(people.findPerson(caller.agencyId(), id)
                    .switchIfEmpty(Mono.error(() -> new NotFound("Person", id.value())))
                    .flatMap(person -> person.deactivatedAt() == null ? Mono.just(person)
                            : people.setDeactivated(caller.agencyId(), id, null, version)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Person", version == null ? -1 : version)))));
        });
    }

    /**
     * Locks the agency's active owners, then finds the person; when {@code removesOwner} and the person is the
     * only active owner left, refuses with {@code LAST_OWNER}.
     */
    private Mono<Person> guardOwners(Caller caller, UserId id, boolean removesOwner, String action) {
        return people.lockActiveOwners(caller.agencyId())
                .flatMap(owners -> people.findPerson(caller.agencyId(), id)
                        .switchIfEmpty(Mono.error(() -> new NotFound("Person", id.value())))
                        .flatMap(person -> removesOwner && person.activeOwner() && owners.size() <= 1
                                && owners.contains(person.id())
                                ? Mono.error(InvalidInput.of("id", "You cannot " + action + " the last active owner"
                                + " of the agency: make someone else an owner first", ErrorCode.LAST_OWNER))
                                : Mono.just(person)));
    }

    private static InvalidInput addressUsed() {
        return InvalidInput.of("email", "This address is already used: by a person of Cordée or a pending invitation",
                ErrorCode.DUPLICATE);
    }

    private static InvalidInput invalidLink() {
        return InvalidInput.of("token", "This invitation link is not valid (a re-sent invitation replaces the old"
                + " link): ask the agency for a new one", ErrorCode.INVITATION_INVALID);
    }
}
