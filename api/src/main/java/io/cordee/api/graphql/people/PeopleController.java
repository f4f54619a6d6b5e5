package io.cordee.api.graphql.people;

import io.cordee.core.people.ChangeRoleCommand;
import io.cordee.core.people.InvitePersonCommand;
import graphql.GraphQLContext;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.identity.SessionOpener;
import io.cordee.api.graphql.setup.SetupController.SetUpPayload;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.people.Invitation;
import io.cordee.core.people.InvitationStatus;
import io.cordee.core.people.NewInvitation;
import io.cordee.core.people.PeopleService;
import io.cordee.core.people.Person;
import io.cordee.core.people.PersonStatus;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The people page and invitations (ADR 30). Only {@code acceptInvitation} is open to anonymous callers. */
@Controller
public class PeopleController {

    private static final Logger log = LoggerFactory.getLogger(PeopleController.class);
    public static final String PERSON = "User";
    public static final String INVITATION = "Invitation";

    public record People(List<Person> users, List<Invitation> invitations, boolean mailConfigured) {
    }

    public record InvitePersonInput(String email, Role role, String clientId, String language) {
    }

    public record InvitationIdInput(String id) {
    }

    public record AcceptInvitationInput(String token, String name, String password) {
    }

    public record ChangeRoleInput(String id, Role role, String clientId, Long version) {
    }

    public record PersonIdInput(String id, Long version) {
    }

    public record InvitationLinkPayload(Invitation invitation, String link, Boolean mailed, List<UserError> userErrors) {
    }

    public record InvitationPayload(Invitation invitation, List<UserError> userErrors) {
    }

    public record PersonPayload(Person person, List<UserError> userErrors) {
    }

    private final PeopleService people;
    private final SessionOpener sessions;
    private final Clock clock;
    private final io.cordee.core.identity.TwoFactorService twoFactor;

    public PeopleController(PeopleService people, SessionOpener sessions, Clock clock,
                            io.cordee.core.identity.TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        this.people = people;
        this.sessions = sessions;
        this.clock = clock;
    }

    @QueryMapping(name = "people")
    public Mono<People> people() {
        // an owner's API token may read the list (a directory sync); only sessions change people
        return Callers.current().flatMap(caller -> people.people(caller)
                .zipWith(people.invitations(caller), (users, invitations) ->
                        new People(users, invitations, people.mailConfigured())));
    }

    @MutationMapping
    public Mono<InvitationLinkPayload> invitePerson(@Argument InvitePersonInput input) {
        return Mutations.asSignedInPerson("invite people", caller -> people.invite(caller,
                        new InvitePersonCommand(input.email(), input.role(), clientId(input.clientId()),
                                input.language())),
                this::linkPayload, errors -> new InvitationLinkPayload(null, null, null, errors));
    }

    @MutationMapping
    public Mono<InvitationLinkPayload> resendInvitation(@Argument InvitationIdInput input) {
        return Mutations.asSignedInPerson("re-send invitations", caller -> people.resend(caller,
                        GlobalId.decode(input.id(), INVITATION, "id")),
                this::linkPayload, errors -> new InvitationLinkPayload(null, null, null, errors));
    }

    @MutationMapping
    public Mono<InvitationPayload> revokeInvitation(@Argument InvitationIdInput input) {
        return Mutations.asSignedInPerson("revoke invitations", caller -> people.revoke(caller,
                        GlobalId.decode(input.id(), INVITATION, "id")),
                InvitationPayload::new);
    }

    @MutationMapping
    public Mono<SetUpPayload> acceptInvitation(@Argument AcceptInvitationInput input, GraphQLContext context) {
        return Mutations.payload(people.accept(input.token(), input.name(), input.password())
                        // a second factor is due when the agency requires it of this role
                        .flatMap(twoFactor::afterProof).flatMap(step -> SetUpPayload.of(step, sessions, context)),
                payload -> payload, errors -> new SetUpPayload(null, null, errors));
    }

    @MutationMapping
    public Mono<PersonPayload> changeRole(@Argument ChangeRoleInput input) {
        return Mutations.asSignedInPerson("change roles", caller -> people.changeRole(caller,
                        new ChangeRoleCommand(userId(input.id()), input.role(), clientId(input.clientId()),
                                input.version())),
                PersonPayload::new);
    }

    @MutationMapping
    public Mono<PersonPayload> deactivateUser(@Argument PersonIdInput input) {
        return Mutations.asSignedInPerson("deactivate people", caller -> people.deactivate(caller,
                        userId(input.id()), input.version()),
                PersonPayload::new);
    }

    @MutationMapping
    public Mono<PersonPayload> reactivateUser(@Argument PersonIdInput input) {
        return Mutations.asSignedInPerson("reactivate people", caller -> people.reactivate(caller,
                        userId(input.id()), input.version()),
                PersonPayload::new);
    }

    private InvitationLinkPayload linkPayload(NewInvitation created) {
        if (!created.mailed()) {
            // once, when it is made: the owner's answer carries it too; a re-send logs its own new link
            log.info("Invitation link for {} ({}), not mailed (no SMTP configured: spring.mail.host): {}",
                    created.invitation().email(), created.invitation().role(), created.link());
        }
        return new InvitationLinkPayload(created.invitation(), created.link(), created.mailed(), List.of());
    }

    // ---- fields

    @SchemaMapping(typeName = "Person")
    public String clientId(Person person) {
        return person.clientId() == null ? null : GlobalId.of("Client", person.clientId().value());
    }

    @SchemaMapping(typeName = "Person")
    public PersonStatus status(Person person) {
        return person.status();
    }

    @SchemaMapping(typeName = INVITATION)
    public String clientId(Invitation invitation) {
        return invitation.clientId() == null ? null : GlobalId.of("Client", invitation.clientId().value());
    }

    @SchemaMapping(typeName = INVITATION)
    public InvitationStatus status(Invitation invitation) {
        return invitation.status(clock.instant());
    }

    private static UserId userId(String id) {
        return new UserId(GlobalId.decode(id, PERSON, "id"));
    }

    private static ClientId clientId(String id) {
        return id == null || id.isBlank() ? null : new ClientId(GlobalId.decode(id, "Client", "clientId"));
    }
}
