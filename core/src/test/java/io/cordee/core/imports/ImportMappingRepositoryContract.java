package io.cordee.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImportMappingRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class ImportMappingRepositoryContract extends PortContract {

    protected abstract ImportMappingRepository mappings();

    private ImportMappingRepository mappings;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected ImportMappingRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        mappings = mappings();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void theLastMappingOfEachKindIsRememberedAndNoneIsAnEmptyMap() {
        assertThat(mappings.find(agency, ImportKind.CLIENTS).block()).isEmpty();
        mappings.save(agency, ImportKind.CLIENTS, Map.of("raison sociale", "name", "delai", "paymentTermsDays"))
                .block();
        mappings.save(agency, ImportKind.INVOICES, Map.of("numero", "number")).block();
        assertThat(mappings.find(agency, ImportKind.CLIENTS).block())
                .isEqualTo(Map.of("raison sociale", "name", "delai", "paymentTermsDays"));
        // saved again: the new mapping replaces the old one whole
        mappings.save(agency, ImportKind.CLIENTS, Map.of("nom", "name")).block();
        assertThat(mappings.find(agency, ImportKind.CLIENTS).block()).isEqualTo(Map.of("nom", "name"));
        assertThat(mappings.find(agency, ImportKind.INVOICES).block()).isEqualTo(Map.of("numero", "number"));
    }

    @Test
    void anotherAgencyHasItsOwnMappings() {
        mappings.save(agency, ImportKind.CLIENTS, Map.of("nom", "name")).block();
        assertThat(mappings.find(otherAgency, ImportKind.CLIENTS).block()).isEmpty();
        mappings.save(otherAgency, ImportKind.CLIENTS, Map.of("company", "name")).block();
        assertThat(mappings.find(agency, ImportKind.CLIENTS).block()).isEqualTo(Map.of("nom", "name"));
        assertThat(mappings.find(otherAgency, ImportKind.CLIENTS).block()).isEqualTo(Map.of("company", "name"));
    }
}
