package io.cordee.api.graphql.common;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.cordee.api.graphql.alert.AlertController;
import io.cordee.api.graphql.proposal.ProposalController;
import io.cordee.core.agency.Agency;
import io.cordee.core.billing.Invoice;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.cash.BankAccount;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.client.Client;
import io.cordee.core.deal.Deal;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.User;
import io.cordee.core.people.Invitation;
import io.cordee.core.people.Person;
import io.cordee.core.project.Project;
import io.cordee.core.relationship.Agreement;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.Interaction;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The {@code id} field of every type that has a global id, from one table: the schema's type, the type its id
 * names (the same but for a {@code Person}, who is a {@code User}; {@link NodeController} finds each by it) and
 * the UUID of the object. Read straight from the object, like {@code Money}'s fields: no argument to resolve.
 */
@Component
public class NodeIds implements RuntimeWiringConfigurer {

    static final List<IdField<?>> FIELDS = List.of(
            id("Agency", (Agency a) -> a.id().value()),
            id("Alert", (AlertController.Alert a) -> a.stored().id().value()),
            id("ApiToken", (ApiToken t) -> t.id().value()),
            id("BankAccount", (BankAccount a) -> a.id().value()),
            id("BankBalance", (BankBalance b) -> b.id()),
            id("Brief", (Brief b) -> b.id().value()),
            id("BriefVersion", (BriefVersion v) -> v.id().value()),
            id("Client", (Client c) -> c.id().value()),
            id("Deal", (Deal d) -> d.id().value()),
            id("Invoice", (Invoice i) -> i.id().value()),
            id("OneOffExpense", (OneOffExpense e) -> e.id()),
            id("Overhead", (Overhead o) -> o.id().value()),
            id("Project", (Project p) -> p.id().value()),
            id("RenegotiationProposal", (ProposalController.RenegotiationProposal p) -> p.proposalId().value()),
            id("Interaction", (Interaction i) -> i.id().value()),
            id("Agreement", (Agreement a) -> a.id().value()),
            id("Commitment", (Commitment c) -> c.id().value()),
            id("Allocation", (Allocation a) -> a.id().value()),
            id("TeamMember", (TeamMember m) -> m.id().value()),
            id("Absence", (Absence a) -> a.id().value()),
            id("User", (User u) -> u.id().value()),
            id("Person", "User", (Person p) -> p.id().value()),
            id("Invitation", (Invitation i) -> i.id()));

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        for (IdField<?> field : FIELDS) {
            wiring.type(field.schemaType(), type -> type.dataFetcher("id", field));
        }
    }

    /** The {@code id} of {@code schemaType}: its global id of {@code idType} and the object's UUID. */
    record IdField<T>(String schemaType, String idType, Function<T, UUID> uuid) implements TrivialDataFetcher<String> {

        @Override
        public String get(DataFetchingEnvironment env) {
            T source = env.getSource();
            return GlobalId.of(idType, uuid.apply(source));
        }
    }

    private static <T> IdField<T> id(String type, Function<T, UUID> uuid) {
        return id(type, type, uuid);
    }

    private static <T> IdField<T> id(String schemaType, String idType, Function<T, UUID> uuid) {
        return new IdField<>(schemaType, idType, uuid);
    }
}
