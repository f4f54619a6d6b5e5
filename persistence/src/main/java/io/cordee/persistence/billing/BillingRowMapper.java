package io.cordee.persistence.billing;

import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface BillingRowMapper {

    @Mapping(target = "amount",
            expression = "java(PersistenceMapperConfig.Common.money(row.amountMinor(), row.currency()))")
    @Mapping(target = "paid", expression = "java(PersistenceMapperConfig.Common.money(row.paidMinor(), row.currency()))")
    Invoice toDomain(InvoiceRow row);

    @Mapping(target = "currency", source = "amount.currency.currencyCode")
    @Mapping(target = "amountMinor", source = "amount.minorUnits")
    @Mapping(target = "paidMinor", source = "paid.minorUnits")
    InvoiceRow toRow(Invoice invoice);

    default InvoiceId invoiceId(UUID id) {
        return id == null ? null : new InvoiceId(id);
    }

    default UUID uuid(InvoiceId id) {
        return id == null ? null : id.value();
    }

    default ClientId clientId(UUID id) {
        return id == null ? null : new ClientId(id);
    }

    default UUID uuid(ClientId id) {
        return id == null ? null : id.value();
    }

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }
}
