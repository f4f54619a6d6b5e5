package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.CashPictureRepository.VersionedAgency;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CashPictureRepository} promises the money services (ADR 0080, ADR 47): an agency's picture holds
 * its own clients, projects, people and what it is owed, never another agency's; the data version counts the
 * writes the picture reads, one per transaction, so a cached picture is never served after a change.
 */
public abstract class CashPictureRepositoryContract extends PortContract {

    private static final LocalDate MARCH_10 = LocalDate.of(2027, 3, 10);

    protected abstract CashPictureRepository pictures();

    private CashPictureRepository pictures;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected CashPictureRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        pictures = pictures();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void theDataVersionCountsOneForEachTransactionThatWritesWhatThePictureReads() {
        // the agency's own creation was its first write: version 1; nothing was ever written for an unknown id
        assertThat(pictures.dataVersion(agency).block()).isEqualTo(1);
        assertThat(pictures.dataVersion(new AgencyId(UUID.randomUUID())).block()).isZero();
        // three writes, each its own transaction: a client, its project, a team member: 1 + 3 = 4
        ClientId nuvola = world().newClient(agency, "Nuvola");
        world().newProject(agency, nuvola, "Site");
        world().newTeamMember(agency);
        assertThat(pictures.dataVersion(agency).block()).isEqualTo(4);
        assertThat(pictures.agency(agency).block().dataVersion()).isEqualTo(4);
        // the other agency's version did not move
        assertThat(pictures.dataVersion(otherAgency).block()).isEqualTo(1);
    }

    @Test
    void theAgencyIsReadWithItsVersionAndAnUnknownOneIsEmpty() {
        VersionedAgency read = pictures.agency(agency).block();
        assertThat(read.agency().id()).isEqualTo(agency);
        assertThat(read.agency().settings().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(read.dataVersion()).isEqualTo(1);
        assertThat(pictures.agency(new AgencyId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void aPictureHoldsTheAgencysOwnClientsProjectsPeopleAndReceivables() {
        ClientId nuvola = world().newClient(agency, "Nuvola");
        ProjectId site = world().newProject(agency, nuvola, "Site");
        TeamMemberId lea = world().newTeamMember(agency);
        // issued 1 March, nothing paid: 2,400.00 owed; a planned one of 500.00 is owed too, a cancelled one not
        InvoiceId issued = world().newInvoice(agency, site, 2_400_00, InvoiceStatus.ISSUED);
        InvoiceId planned = world().newInvoice(agency, site, 500_00, InvoiceStatus.PLANNED);
        world().newInvoice(agency, site, 900_00, InvoiceStatus.CANCELLED);
        // the other agency's rows, which no picture of this agency may hold
        ClientId theirs = world().newClient(otherAgency, "Elsewhere");
        world().newProject(otherAgency, theirs, "Their site");
        world().newTeamMember(otherAgency);

        AgencyCashPicture picture = pictures.load(agency(agency), MARCH_10).block();
        assertThat(picture.agency().id()).isEqualTo(agency);
        assertThat(picture.asOf()).isEqualTo(MARCH_10);
        assertThat(picture.clients()).extracting(Client::id).containsExactly(nuvola);
        assertThat(picture.projects()).extracting(Project::id).containsExactly(site);
        assertThat(picture.team()).extracting(TeamMember::id).containsExactly(lea);
        assertThat(picture.receivables()).extracting(Receivable::invoiceId, Receivable::balance)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(issued, Money.of(2_400_00, "EUR")),
                        org.assertj.core.groups.Tuple.tuple(planned, Money.of(500_00, "EUR")));
        assertThat(picture.payments()).isEmpty();

        AgencyCashPicture forecast = pictures.loadForecast(agency(agency), MARCH_10).block();
        assertThat(forecast.receivables()).hasSize(2);
        assertThat(forecast.team()).extracting(TeamMember::id).containsExactly(lea);
    }

    @Test
    void anAgencyWithNothingYetHasAnEmptyPicture() {
        ClientId theirs = world().newClient(otherAgency, "Elsewhere");
        world().newInvoice(otherAgency, world().newProject(otherAgency, theirs, "Their site"), 1_000_00,
                InvoiceStatus.ISSUED);

        AgencyCashPicture picture = pictures.load(agency(agency), MARCH_10).block();
        assertThat(picture.clients()).isEmpty();
        assertThat(picture.projects()).isEmpty();
        assertThat(picture.team()).isEmpty();
        assertThat(picture.receivables()).isEmpty();
        assertThat(picture.payments()).isEmpty();
    }

    private Agency agency(AgencyId id) {
        return pictures.agency(id).block().agency();
    }
}
