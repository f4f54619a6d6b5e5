package io.cordee.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.export.ArchiveRecords.Account;
import io.cordee.core.export.ArchiveRecords.Brief;
import io.cordee.core.export.ArchiveRecords.Mapping;
import io.cordee.core.export.ArchiveRecords.Requirement;
import io.cordee.core.export.ArchiveRecords.Signature;
import io.cordee.core.export.ArchiveRecords.Version;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArchiveRecordsRepository} promises the archive export and import (ADR 0080, ADR 70): the
 * records inserted into an agency are read back as they were, each list in its stable order, times to the second;
 * a signer's e-mail is kept in lower case, or read from their account; another agency reads none of them.
 * Inserted in the world's transaction, as the import does.
 */
public abstract class ArchiveRecordsRepositoryContract extends PortContract {

    private static final Instant SIGNED = Instant.parse("2027-02-10T15:30:00Z");
    private static final Instant CREATED = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant UPDATED = Instant.parse("2027-02-01T17:45:00Z");

    protected abstract ArchiveRecordsRepository records();

    private ArchiveRecordsRepository records;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ProjectId site;
    private User olga;

    protected ArchiveRecordsRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithAProjectAndItsOwner() {
        records = records();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        site = world().newProject(agency, world().newClient(agency, "Nuvola"), "Site");
        olga = world().newUser(agency, "Olga", Role.OWNER);
    }

    @Test
    void anAgencyWithoutRecordsReadsNone() {
        assertThat(records.read(agency).block()).isEqualTo(ArchiveRecords.NONE);
    }

    @Test
    void recordsInsertedAreReadBackAsTheyWereEachListInItsOrder() {
        UUID refonte = UUID.randomUUID();
        UUID catalogue = UUID.randomUUID();
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        // version 2 and position 1 written first: read by brief then number, by version then position
        Version second = version(v2, refonte, 2, "DRAFT");
        Version first = version(v1, refonte, 1, "AGREED");
        Requirement search = new Requirement(v1, 1, "search", "Search", null, "SHOULD", new BigDecimal("2.50"));
        Requirement login = new Requirement(v1, 0, "login", "Sign in", "As a buyer…", "MUST", new BigDecimal("3.00"));
        // the agency's side signed by its owner's account; the client's by someone with no account here
        Signature agencySide = new Signature(v1, "AGENCY", olga.id().value(), null, "Olga", SIGNED, 1);
        Signature clientSide = new Signature(v1, "CLIENT", null, "Anna.Martin@Client.example", "Anna Martin",
                SIGNED.plusSeconds(3_600), 1);
        Mapping clients = new Mapping("CLIENTS", "{\"name\": \"Raison sociale\"}", UPDATED);
        ArchiveRecords written = new ArchiveRecords(
                List.of(new Brief(refonte, site.value(), "Refonte", CREATED, UPDATED),
                        new Brief(catalogue, site.value(), "Catalogue", CREATED, CREATED)),
                List.of(second, first), List.of(search, login), List.of(clientSide, agencySide), List.of(), List.of(),
                List.of(), List.of(clients), List.of());

        world().transactions().inTransaction(records.insert(agency, written).thenReturn(true)).block();

        ArchiveRecords read = records.read(agency).block();
        assertThat(read.briefs()).extracting(Brief::id)
                .containsExactlyElementsOf(Stream.of(refonte, catalogue).sorted(StoredOrder.IDS).toList());
        assertThat(read.briefs()).contains(new Brief(refonte, site.value(), "Refonte", CREATED, UPDATED));
        assertThat(read.versions()).containsExactly(first, second);
        assertThat(read.requirements()).containsExactly(login, search);
        // by party: AGENCY before CLIENT; Olga's e-mail read from her account, Anna's kept in lower case
        assertThat(read.signatures()).containsExactly(
                new Signature(v1, "AGENCY", olga.id().value(), olga.email(), "Olga", SIGNED, 1),
                new Signature(v1, "CLIENT", null, "anna.martin@client.example", "Anna Martin",
                        SIGNED.plusSeconds(3_600), 1));
        assertThat(read.mappings()).containsExactly(clients);
        assertThat(read.proposals()).isEmpty();
        assertThat(read.comments()).isEmpty();
    }

    @Test
    void anotherAgencyReadsNoneOfTheRecordsNorTheAccounts() {
        UUID refonte = UUID.randomUUID();
        world().transactions().inTransaction(records.insert(agency, new ArchiveRecords(
                List.of(new Brief(refonte, site.value(), "Refonte", CREATED, CREATED)),
                List.of(version(UUID.randomUUID(), refonte, 1, "DRAFT")), List.of(), List.of(), List.of(),
                List.of())).thenReturn(true)).block();
        world().newUser(otherAgency, "Elsewhere", Role.OWNER);

        assertThat(records.read(otherAgency).block()).isEqualTo(ArchiveRecords.NONE);
        assertThat(records.read(agency).block().versions()).hasSize(1);
        assertThat(records.accounts(otherAgency).map(Account::email).collectList().block())
                .doesNotContain(olga.email());
    }

    @Test
    void theAccountsAreTheAgencysUsersByIdWithTheirRoleAndClient() {
        User anna = world().newUser(agency, "Anna", Role.CLIENT);
        ClientId annasClient = anna.clientId();
        List<Account> expected = Stream.of(new Account(olga.id().value(), olga.email(), "OWNER", null),
                        new Account(anna.id().value(), anna.email(), "CLIENT", annasClient.value()))
                .sorted(Comparator.comparing(Account::id, StoredOrder.IDS)).toList();
        assertThat(records.accounts(agency).collectList().block()).containsExactlyElementsOf(expected);
    }

    /** A version for launch on 1 September 2027, with its communication plan a week before. */
    private static Version version(UUID id, UUID brief, int number, String status) {
        return new Version(id, brief, number, status, List.of("Sell online"), List.of("Buyers"), List.of(),
                List.of("Stock is known"), List.of("Marketplace"), LocalDate.of(2027, 9, 1),
                LocalDate.of(2027, 8, 25), CREATED, UPDATED);
    }
}
