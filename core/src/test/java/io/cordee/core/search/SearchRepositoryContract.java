package io.cordee.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchRepository} promises its callers (ADR 0080, ADR 0068): names that start with the text
 * first, then names with a word that starts with it, then the rest, ties by title; only the kinds and the client
 * of the scope; never another agency's records. The records are made by the world through their own ports.
 */
public abstract class SearchRepositoryContract extends PortContract {

    private static final Set<SearchKind> EVERYTHING = EnumSet.allOf(SearchKind.class);

    protected abstract SearchRepository search();

    private SearchRepository search;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected SearchRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        search = search();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void namesStartingWithTheTextComeFirstThenAWordStartingWithItThenTheRestTiesByTitle() {
        world().newClient(agency, "Bateliers du Rhône");
        world().newClient(agency, "Le Grand Atelier");
        world().newClient(agency, "Atelier Nord");
        world().newClient(agency, "Atelier Alpha");
        world().newClient(agency, "Lumen");
        // "atel": two names start with it (by title: Alpha before Nord), one has a word that does, one holds it
        assertThat(search.find(new SearchScope(agency, EVERYTHING, null), "atel", 10).map(SearchHit::title)
                .collectList().block())
                .containsExactly("Atelier Alpha", "Atelier Nord", "Le Grand Atelier", "Bateliers du Rhône");
        // at most the limit, the best first
        assertThat(search.find(new SearchScope(agency, EVERYTHING, null), "atel", 2).map(SearchHit::title)
                .collectList().block()).containsExactly("Atelier Alpha", "Atelier Nord");
        // accents are folded on the stored side: "rhone" finds "Rhône"
        assertThat(search.find(new SearchScope(agency, EVERYTHING, null), "rhone", 10).map(SearchHit::title)
                .collectList().block()).containsExactly("Bateliers du Rhône");
    }

    @Test
    void onlyTheKindsAndTheClientOfTheScopeAreFound() {
        ClientId nord = world().newClient(agency, "Nord Studio");
        ClientId sud = world().newClient(agency, "Sud Studio");
        ProjectId nordSite = world().newProject(agency, nord, "Studio site");
        world().newProject(agency, sud, "Studio shop");

        // projects only, and their client as the subtitle
        assertThat(search.find(new SearchScope(agency, EnumSet.of(SearchKind.PROJECT), null), "studio", 10)
                .collectList().block()).extracting(SearchHit::title, SearchHit::subtitle).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Studio shop", "Sud Studio"),
                        org.assertj.core.groups.Tuple.tuple("Studio site", "Nord Studio"));
        // a client contact of Nord: Nord's project only, and no clients at all
        assertThat(search.find(new SearchScope(agency, EnumSet.of(SearchKind.PROJECT, SearchKind.BRIEF), nord),
                "studio", 10).collectList().block())
                .containsExactly(new SearchHit(SearchKind.PROJECT, nordSite.value(), "Studio site", "Nord Studio"));
    }

    @Test
    void anotherAgencyNeverFindsTheAgencysRecords() {
        ClientId lumen = world().newClient(agency, "Lumen");
        world().newProject(agency, lumen, "Lumen site");
        assertThat(search.find(new SearchScope(otherAgency, EVERYTHING, null), "lumen", 10).collectList().block())
                .isEmpty();
        assertThat(search.find(new SearchScope(agency, EVERYTHING, null), "lumen", 10).collectList().block())
                .hasSize(2);
    }
}
